#include "extract/cues.hpp"

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "extract/scan.hpp"

namespace hindsight::extract {

namespace {

bool is_negator(const Token& t) {
  return t.lower == "not" || t.lower == "never" || t.lower == "no" || t.lower.ends_with("n't");
}

// Words before "will" that make it the noun ("the will of the people").
bool noun_will(const std::vector<Token>& tokens, std::size_t i) {
  if (tokens[i].lower != "will" || i == 0) return false;
  static const char* kBefore[] = {"the",  "a",    "his", "her",     "their",
                                  "its",  "our",  "my",  "your",    "political",
                                  "free", "good", "ill", "popular", "'s"};
  for (auto* w : kBefore)
    if (tokens[i - 1].lower == w) return true;
  return false;
}

// "May" with a capital after the first word of a sentence is the month.
bool month_may(const std::vector<Token>& tokens, std::size_t i, std::size_t from) {
  return tokens[i].lower == "may" && tokens[i].text == "May" && i > from &&
         tokens[i - 1].lower != "\"" && tokens[i - 1].text != "\xE2\x80\x9C";
}

std::string words_of(const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
  std::string out;
  for (std::size_t i = first; i < last; ++i) {
    if (!out.empty() && tokens[i].word && !tokens[i].lower.starts_with("'")) out += ' ';
    out += tokens[i].lower;
  }
  return out;
}

bool near(const CueMatch& a, const CueMatch& b, std::size_t gap) {
  if (a.last <= b.first) return b.first - a.last <= gap;
  if (b.last <= a.first) return a.first - b.last <= gap;
  return true;
}

}  // namespace

void CueFinder::FirstWordIndex::build(const std::vector<const std::vector<std::string>*>& phrases) {
  for (std::size_t k = 0; k < phrases.size(); ++k) {
    const auto& words = *phrases[k];
    if (words.empty()) continue;  // match_at never matches an empty phrase
    if (words[0] == "*")
      m_any.push_back(k);
    else
      m_by_word[words[0]].push_back(k);
  }
  if (m_any.empty()) return;
  // A "*" phrase may start at any word: merge it into every list, keeping the order.
  for (auto& [word, list] : m_by_word) {
    std::vector<std::size_t> merged;
    std::merge(list.begin(), list.end(), m_any.begin(), m_any.end(), std::back_inserter(merged));
    list = std::move(merged);
  }
}

const std::vector<std::size_t>& CueFinder::FirstWordIndex::at(const std::string& lower) const {
  auto it = m_by_word.find(lower);
  return it == m_by_word.end() ? m_any : it->second;
}

CueFinder::CueFinder(const Lexicon& lexicon) {
  for (const auto& cue : lexicon.cues)
    for (const auto& phrase : cue.phrases) m_phrases.push_back({phrase_words(phrase), &cue});
  std::stable_sort(m_phrases.begin(), m_phrases.end(), [](const Phrase& a, const Phrase& b) {
    return a.words.size() > b.words.size();
  });
  for (const auto& p : lexicon.not_predictions) m_ignored.push_back(phrase_words(p));
  for (const auto& p : lexicon.open_questions) m_questions.push_back(phrase_words(p));
  std::vector<const std::vector<std::string>*> words;
  for (const auto& p : m_phrases) words.push_back(&p.words);
  m_phrase_index.build(words);
  words.clear();
  for (const auto& p : m_ignored) words.push_back(&p);
  m_ignored_index.build(words);
  words.clear();
  for (const auto& p : m_questions) words.push_back(&p);
  m_question_index.build(words);
}

std::vector<CueMatch> CueFinder::find(const std::vector<Token>& tokens, std::size_t from,
                                      std::size_t to) const {
  std::vector<bool> ignored(tokens.size(), false);
  // Token by token rather than idiom by idiom: the marks are the same.
  for (std::size_t i = from; i < to; ++i)
    for (auto k : m_ignored_index.at(tokens[i].lower))
      if (auto end = match_at(tokens, i, m_ignored[k]); end && *end <= to)
        for (std::size_t j = i; j < *end; ++j) ignored[j] = true;
  std::vector<CueMatch> out;
  for (std::size_t i = from; i < to; ++i) {
    if (!tokens[i].word || ignored[i] || noun_will(tokens, i) || month_may(tokens, i, from))
      continue;
    for (auto k : m_phrase_index.at(tokens[i].lower)) {
      const auto& p = m_phrases[k];
      auto end = match_at(tokens, i, p.words);
      if (!end || *end > to) continue;
      CueMatch m{i, *end, p.cue, false};
      // "not"/"never" before the cue, or right after a modal ("could not").
      std::size_t back = i, seen = 0;
      while (back > from && seen < 2) {
        --back;
        ++seen;
        if (is_negator(tokens[back])) m.negated = true;
        if (!tokens[back].word) break;
      }
      if (p.cue->role == CueRole::Modal && m.last < to && is_negator(tokens[m.last])) {
        m.negated = true;
        ++m.last;
      }
      out.push_back(m);
      i = m.last - 1;
      break;
    }
  }
  return out;
}

bool CueFinder::open_question(const std::vector<Token>& tokens, std::size_t from,
                              std::size_t to) const {
  for (std::size_t i = from; i < to; ++i)
    for (auto k : m_question_index.at(tokens[i].lower))
      if (auto end = match_at(tokens, i, m_questions[k]); end && *end <= to) return true;
  return false;
}

bool has_future_marker(const std::vector<CueMatch>& matches) {
  for (const auto& m : matches) {
    auto role = m.cue->role;
    if (role == CueRole::Modal || role == CueRole::Expectation || role == CueRole::Intention ||
        role == CueRole::Frame)
      return true;
  }
  return false;
}

namespace {

// A backtracking matcher for the three explicit-probability patterns below, trying
// the choices of each part in the order the ECMAScript regex engine that these
// patterns used to run on tried them (greedy first, alternatives left to right),
// so that the leftmost match, its text and its numbers are the same.
class ProbabilityPattern {
 public:
  enum class Kind {
    Number,       // (\d{1,3}(?:\.\d+)?), captured
    Spaces,       // \s*
    Spaces1,      // \s+
    Words,        // (?:a|b|…), ignoring case
    MaybeWords,   // (?:a|b|…)?, ignoring case
    MaybeWordsS,  // (?:a\s+|b\s+|…)?, ignoring case
  };
  struct Part {
    Kind kind;
    std::vector<std::string_view> words;
  };

  explicit ProbabilityPattern(std::vector<Part> parts) : m_parts(std::move(parts)) {}

  // The leftmost match in `s`: the matched text and the captured numbers.
  std::optional<std::pair<std::string, std::vector<std::string>>> search(std::string_view s) const {
    for (std::size_t start = 0; start <= s.size(); ++start) {
      std::vector<std::string_view> groups;
      std::size_t end = 0;
      if (match(s, 0, start, groups, end)) {
        std::vector<std::string> numbers(groups.begin(), groups.end());
        return std::pair{std::string(s.substr(start, end - start)), numbers};
      }
    }
    return std::nullopt;
  }

 private:
  // The ends part `p` can have from `at`, in the order the engine tries them.
  std::vector<std::size_t> ends(const Part& p, std::string_view s, std::size_t at) const {
    std::vector<std::size_t> out;
    auto spaces_down_to = [&](std::size_t from, std::size_t least) {
      std::size_t run = scan::skip_spaces(s, from) - from;
      for (std::size_t r = run + 1; r-- > least;) out.push_back(from + r);
    };
    switch (p.kind) {
      case Kind::Number:
        for (std::size_t n = 3; n >= 1; --n) {
          bool digits = true;
          for (std::size_t k = 0; k < n; ++k) digits = digits && scan::digit(s, at + k);
          if (!digits) continue;
          std::size_t e = at + n;
          if (e < s.size() && s[e] == '.' && scan::digit(s, e + 1)) {
            std::size_t m = 0;
            while (scan::digit(s, e + 1 + m)) ++m;
            for (std::size_t k = m; k >= 1; --k) out.push_back(e + 1 + k);
          }
          out.push_back(e);
        }
        break;
      case Kind::Spaces:
        spaces_down_to(at, 0);
        break;
      case Kind::Spaces1:
        spaces_down_to(at, 1);
        break;
      case Kind::Words:
      case Kind::MaybeWords:
        for (auto w : p.words)
          if (scan::literal_at(s, at, w, true)) out.push_back(at + w.size());
        if (p.kind == Kind::MaybeWords) out.push_back(at);
        break;
      case Kind::MaybeWordsS:
        for (auto w : p.words)
          if (scan::literal_at(s, at, w, true)) spaces_down_to(at + w.size(), 1);
        out.push_back(at);
        break;
    }
    return out;
  }

  bool match(std::string_view s, std::size_t part, std::size_t at,
             std::vector<std::string_view>& groups, std::size_t& end) const {
    if (part == m_parts.size()) {
      end = at;
      return true;
    }
    const auto& p = m_parts[part];
    for (auto e : ends(p, s, at)) {
      if (p.kind == Kind::Number) groups.push_back(s.substr(at, e - at));
      if (match(s, part + 1, e, groups, end)) return true;
      if (p.kind == Kind::Number) groups.pop_back();
    }
    return false;
  }

  std::vector<Part> m_parts;
};

using K = ProbabilityPattern::Kind;
const std::vector<std::string_view> kPercent = {"%", "percent", "per cent"};
const std::vector<std::string_view> kChance = {"chance", "probability", "likelihood", "odds",
                                               "risk"};

}  // namespace

std::optional<std::pair<double, std::string>> explicit_probability(std::string_view text) {
  // "84–85% chance": (\d{1,3}(?:\.\d+)?)\s*(?:%|percent|per cent)?\s*(?:-|to|–|—)\s*
  // (\d{1,3}(?:\.\d+)?)\s*(?:%|percent|per cent)\s+(?:chance|probability|…)
  static const ProbabilityPattern range({{K::Number, {}},
                                         {K::Spaces, {}},
                                         {K::MaybeWords, kPercent},
                                         {K::Spaces, {}},
                                         {K::Words, {"-", "to", "\xE2\x80\x93", "\xE2\x80\x94"}},
                                         {K::Spaces, {}},
                                         {K::Number, {}},
                                         {K::Spaces, {}},
                                         {K::Words, kPercent},
                                         {K::Spaces1, {}},
                                         {K::Words, kChance}});
  // "a 70 percent probability": (\d{1,3}(?:\.\d+)?)\s*(?:%|percent|per cent)\s+(?:chance|…)
  static const ProbabilityPattern single({{K::Number, {}},
                                          {K::Spaces, {}},
                                          {K::Words, kPercent},
                                          {K::Spaces1, {}},
                                          {K::Words, kChance}});
  // "odds of about 30%": (?:chance|…)\s+of\s+(?:about\s+|around\s+|roughly\s+|some\s+)?
  // (\d{1,3}(?:\.\d+)?)\s*(?:%|percent|per cent)
  static const ProbabilityPattern after({{K::Words, kChance},
                                         {K::Spaces1, {}},
                                         {K::Words, {"of"}},
                                         {K::Spaces1, {}},
                                         {K::MaybeWordsS, {"about", "around", "roughly", "some"}},
                                         {K::Number, {}},
                                         {K::Spaces, {}},
                                         {K::Words, kPercent}});
  // Each pattern needs a digit and a percent: most sentences have neither.
  if (text.find_first_of("0123456789") == std::string_view::npos ||
      (text.find('%') == std::string_view::npos && text.find("ercent") == std::string_view::npos &&
       text.find("er cent") == std::string_view::npos))
    return std::nullopt;
  if (auto m = range.search(text)) {
    double a = std::stod(m->second[0]), b = std::stod(m->second[1]);
    if (a <= 100 && b <= 100 && a <= b) return std::pair{(a + b) / 200.0, m->first};
  }
  auto m = single.search(text);
  if (!m) m = after.search(text);
  if (m) {
    double a = std::stod(m->second[0]);
    if (a <= 100) return std::pair{a / 100.0, m->first};
  }
  return std::nullopt;
}

Confidence rate(const std::vector<Token>& tokens, const std::vector<CueMatch>& matches,
                std::string_view text) {
  Confidence c;
  if (auto ex = explicit_probability(text)) {
    c.probability = ex->first;
    c.cue = ex->second;
    c.basis = core::ProbabilityBasis::Explicit;
    return c;
  }
  const CueMatch* modal = nullptr;
  const CueMatch* rated = nullptr;
  const CueMatch* frame = nullptr;
  // ", due to be held on November 5," describes a noun; it rates the clause only when
  // nothing else does.
  auto appositive = [&](const CueMatch& m) {
    if (m.first == 0 || tokens[m.first - 1].text != ",") return false;
    for (std::size_t k = m.last; k < tokens.size(); ++k)
      if (tokens[k].text == ",") return matches.size() > 1;
    return false;
  };
  for (const auto& m : matches) {
    auto role = m.cue->role;
    if (appositive(m)) continue;
    if (role == CueRole::Frame && !frame) frame = &m;
    if (role == CueRole::Modal && !modal) modal = &m;
    if ((role == CueRole::Expectation || role == CueRole::Intention || role == CueRole::Hedge) &&
        !rated)
      rated = &m;
  }
  // An adverb rates only the marker next to it ("could potentially", "will probably").
  const CueMatch* adverb = nullptr;
  for (const auto& m : matches) {
    if (m.cue->role != CueRole::Adverb) continue;
    for (const auto& other : matches) {
      auto role = other.cue->role;
      if (&other != &m && (role == CueRole::Modal || role == CueRole::Expectation) &&
          near(m, other, 2) && (!rated || m.first < rated->first)) {
        adverb = &m;
        break;
      }
    }
    if (adverb) break;
  }
  const CueMatch* chosen = rated ? rated : modal;
  if (adverb && (!chosen || adverb->first <= chosen->first || near(*adverb, *chosen, 2)))
    chosen = adverb;
  if (!chosen) {
    if (frame) c.cue = words_of(tokens, frame->first, frame->last);
    return c;
  }
  // The words: a modal right before the governing word belongs to it ("would likely").
  std::size_t first = chosen->first, last = chosen->last;
  if (modal && modal != chosen && near(*modal, *chosen, 1)) {
    first = std::min(first, modal->first);
    last = std::max(last, modal->last);
  }
  c.cue = words_of(tokens, first, last);
  if (frame && frame != chosen) c.cue = words_of(tokens, frame->first, frame->last) + " … " + c.cue;
  const Cue& cue = *chosen->cue;
  bool negated =
      chosen->negated || (modal && modal != chosen && modal->negated && near(*modal, *chosen, 1));
  double p = cue.point;
  if (negated && !cue.negative) {
    p = 1.0 - p;
    if (!c.cue.starts_with("not ") && c.cue.find(" not") == std::string::npos &&
        c.cue.find("n't") == std::string::npos)
      c.cue = "not " + c.cue;
  }
  c.probability = p;
  c.basis = core::ProbabilityBasis::Lexicon;
  c.token = chosen->first;
  c.role = cue.role;
  return c;
}

}  // namespace hindsight::extract
