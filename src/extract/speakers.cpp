#include "extract/speakers.hpp"

namespace hindsight::extract {

namespace {

bool is_open_quote(const Token& t) {
  return t.text == "\xE2\x80\x9C" || t.text == "\"";
}
bool is_close_quote(const Token& t) {
  return t.text == "\xE2\x80\x9D" || t.text == "\"";
}

bool is_be(const Token& t) {
  static const char* kBe[] = {"is", "are", "was", "were", "be", "been", "being", "'s", "'re"};
  for (auto* w : kBe)
    if (t.lower == w) return true;
  return false;
}

bool is_skippable(const Token& t) {
  static const char* kWords[] = {
      "has",       "have",       "had",    "also",    "reportedly", "recently", "previously",
      "publicly",  "now",        "again",  "already", "repeatedly", "later",    "earlier",
      "privately", "separately", "then",   "further", "'d",         "'ve",      "has",
      "once",      "still",      "openly", "firmly",  "clearly",    "notably"};
  for (auto* w : kWords)
    if (t.lower == w) return true;
  return false;
}

bool is_pronoun(const Token& t) {
  return t.lower == "he" || t.lower == "she" || t.lower == "his" || t.lower == "her";
}

const NameRun* run_ending_at(const std::vector<NameRun>& runs, std::size_t end) {
  for (const auto& r : runs)
    if (r.last == end) return &r;
  return nullptr;
}

const NameRun* run_starting_at(const std::vector<NameRun>& runs, std::size_t start) {
  for (const auto& r : runs)
    if (r.first == start) return &r;
  return nullptr;
}

struct Finder {
  const std::vector<Token>& tokens;
  const Lexicon& lex;
  const NameIndex& names;
  std::vector<NameRun> runs;
  std::size_t offset;
  std::size_t window_start;

  std::optional<core::Speaker> from_run(const NameRun& run, core::SpeakerBasis basis) const {
    auto r = names.resolve(run.name, run.role);
    return core::Speaker{r.name, basis, r.role};
  }

  std::optional<core::Speaker> from_pronoun(std::size_t i, core::SpeakerBasis basis) const {
    auto p = names.last_person(offset + tokens[i].start, window_start);
    if (!p) return std::nullopt;
    return core::Speaker{p->name, basis, p->role};
  }

  bool anonymous(std::size_t i) const { return in_list(tokens[i].lower, lex.anonymous); }

  // The first name or pronoun of tokens [first, last): the clause's subject, after a
  // leading adverbial that ends in a comma ("Ahead of the negotiations, Bessent …").
  std::optional<std::size_t> subject_start(std::size_t first, std::size_t last) const {
    std::size_t i = first;
    if (i < last && !run_starting_at(runs, i) && !is_pronoun(tokens[i])) {
      for (std::size_t k = first; k < last && k < first + 8; ++k)
        if (tokens[k].text == ",") {
          i = k + 1;
          break;
        }
    }
    if (i < last && (run_starting_at(runs, i) || is_pronoun(tokens[i]))) return i;
    return std::nullopt;
  }

  // The subject of the verb at token v (searching back to `first`).
  std::optional<core::Speaker> subject_of(std::size_t v, std::size_t first,
                                          core::SpeakerBasis basis, bool* anon) const {
    std::size_t k = v;
    while (k > first && tokens[k - 1].word && is_skippable(tokens[k - 1])) --k;
    if (k > first && tokens[k - 1].text == ",") {
      // An appositive (", heading the US delegation,") or a participle after the main
      // clause (", stating that"): look before the opening comma, else at the subject.
      std::size_t c = k - 1;
      while (c > first && tokens[c - 1].text != ",") --c;
      if (c > first) {
        k = c - 1;
      } else if (auto s = subject_start(first, v)) {
        k = *s;
        if (auto* run = run_starting_at(runs, k)) return from_run(*run, basis);
        return from_pronoun(k, basis);
      } else {
        return std::nullopt;
      }
    }
    if (k == first) return std::nullopt;
    if (is_pronoun(tokens[k - 1]) && tokens[k - 1].lower != "his")
      return from_pronoun(k - 1, basis);
    if (anonymous(k - 1)) {
      if (anon) *anon = true;
      return std::nullopt;
    }
    const NameRun* run = run_ending_at(runs, k);
    // "Josh Lipsky from the Atlantic Council anticipates": the person before the body.
    if (run && run->organization && run->first >= first + 2) {
      std::size_t p = run->first;
      if (tokens[p - 1].lower == "the") --p;
      if (p > first && (tokens[p - 1].lower == "from" || tokens[p - 1].lower == "of" ||
                        tokens[p - 1].lower == "at")) {
        if (auto* person = run_ending_at(runs, p - 1); person && !person->organization)
          run = person;
      }
    }
    if (run) return from_run(*run, basis);
    return std::nullopt;
  }
};

}  // namespace

bool is_reporting_verb(const std::vector<Token>& tokens, std::size_t i, const Lexicon& lexicon,
                       core::SpeakerBasis* basis) {
  if (!tokens[i].word) return false;
  bool reported = in_list(tokens[i].lower, lexicon.reported_verbs);
  bool attributed = !reported && in_list(tokens[i].lower, lexicon.attributed_verbs);
  if (!reported && !attributed) return false;
  // Passive ("is expected", "was seen") and auxiliaries off; "to expect" is no report.
  std::size_t k = i;
  while (k > 0 && tokens[k - 1].word &&
         (tokens[k - 1].lower == "also" || tokens[k - 1].lower == "now" ||
          tokens[k - 1].lower == "widely"))
    --k;
  if (k > 0 && (is_be(tokens[k - 1]) || tokens[k - 1].lower == "to")) return false;
  if (basis) *basis = reported ? core::SpeakerBasis::Reported : core::SpeakerBasis::Attributed;
  return true;
}

std::optional<core::Speaker> quote_speaker(const std::vector<Token>& tokens, const Lexicon& lexicon,
                                           const NameIndex& names, std::size_t offset,
                                           std::size_t window_start) {
  Finder f{tokens, lexicon, names, name_runs(tokens, lexicon), offset, window_start};
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!is_close_quote(tokens[i])) continue;
    // ”, said Professor Wu Xinbo  |  ,” Bessent said
    std::size_t j = i + 1;
    if (j < tokens.size() && tokens[j].text == ",") ++j;
    if (j < tokens.size() && is_reporting_verb(tokens, j, lexicon)) {
      if (auto* run = run_starting_at(f.runs, j + 1))
        return f.from_run(*run, core::SpeakerBasis::Quoted);
    }
    if (auto* run = run_starting_at(f.runs, j)) {
      if (run->last < tokens.size() && is_reporting_verb(tokens, run->last, lexicon))
        return f.from_run(*run, core::SpeakerBasis::Quoted);
    }
    if (j < tokens.size() && is_pronoun(tokens[j]) && j + 1 < tokens.size() &&
        is_reporting_verb(tokens, j + 1, lexicon))
      return f.from_pronoun(j, core::SpeakerBasis::Quoted);
  }
  // X said: “…”
  for (std::size_t i = 1; i < tokens.size(); ++i) {
    if (!is_open_quote(tokens[i])) continue;
    std::size_t v = i - 1;
    if (tokens[v].text == ":" || tokens[v].text == ",") {
      if (v == 0) continue;
      --v;
    }
    if (is_reporting_verb(tokens, v, lexicon))
      if (auto s = f.subject_of(v, 0, core::SpeakerBasis::Quoted, nullptr)) return s;
  }
  return std::nullopt;
}

std::optional<core::Speaker> find_speaker(const SpeakerQuery& q, const Lexicon& lexicon,
                                          const NameIndex& names) {
  const auto& tokens = *q.tokens;
  Finder f{tokens, lexicon, names, name_runs(tokens, lexicon), q.offset, q.window_start};
  std::size_t cue = q.cue.value_or(q.last);

  // A direct quote holding the cue.
  int depth = 0;
  std::size_t open = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (depth == 0 && is_open_quote(tokens[i])) {
      depth = 1;
      open = i;
    } else if (depth == 1 && is_close_quote(tokens[i])) {
      depth = 0;
      if (open < cue && cue < i && i - open > 5) {
        if (auto s = quote_speaker(tokens, lexicon, names, q.offset, q.window_start)) return s;
        if (q.paragraph_quote) return q.paragraph_quote;
      }
    }
  }
  if (depth == 1 && open < cue && q.paragraph_quote) return q.paragraph_quote;

  // The last reporting verb at or before the cue, and its subject.
  for (std::size_t i = std::min(cue + 1, q.last); i-- > q.first;) {
    core::SpeakerBasis basis{};
    if (!is_reporting_verb(tokens, i, lexicon, &basis)) continue;
    bool anon = false;
    if (auto s = f.subject_of(i, q.first, basis, &anon)) return s;
    if (anon) return std::nullopt;
    // "X believes … and anticipates …": the subject is the earlier verb's.
    if (i == 0 || tokens[i - 1].lower != "and") break;
  }

  // "according to X"
  for (const auto& phrase : lexicon.attribution_phrases) {
    auto words = phrase_words(phrase);
    if (auto m = find_phrase(tokens, words, q.first); m && m->second < q.last + 8) {
      std::size_t k = m->second;
      if (k < tokens.size() && tokens[k].lower == "the") ++k;
      if (k < tokens.size() && f.anonymous(k)) return std::nullopt;
      if (auto* run = run_starting_at(f.runs, k)) {
        // "according to Goldman Sachs economist Jan Hatzius": the person after the body.
        std::size_t after = run->last;
        if (after + 1 < tokens.size() && !tokens[after].capitalized &&
            in_list(tokens[after].lower, lexicon.titles))
          if (auto* person = run_starting_at(f.runs, after + 1)) {
            auto r = names.resolve(person->name, tokens[after].lower);
            return core::Speaker{r.name, core::SpeakerBasis::Attributed, r.role};
          }
        if (m->first < cue || run->first > cue)
          return f.from_run(*run, core::SpeakerBasis::Attributed);
      }
    }
  }

  // A trailing attribution: "…, Bessent said." / "…, said Bessent."
  for (std::size_t i = cue + 1; i < q.last; ++i) {
    if (tokens[i].text != ",") continue;
    std::size_t j = i + 1;
    if (j < q.last && tokens[j].lower == "the") ++j;
    if (j < q.last && is_reporting_verb(tokens, j, lexicon)) {
      if (auto* run = run_starting_at(f.runs, j + 1))
        return f.from_run(*run, core::SpeakerBasis::Reported);
    }
    if (auto* run = run_starting_at(f.runs, j); run && run->last < q.last &&
                                                is_reporting_verb(tokens, run->last, lexicon) &&
                                                run->last + 5 >= q.last)
      return f.from_run(*run, core::SpeakerBasis::Reported);
  }

  // An intention belongs to its subject when that is a person ("Trump …, expressing
  // interest in visiting"; "His tone …, expressing eagerness to visit").
  if (q.cue_role == CueRole::Intention) {
    if (auto s = f.subject_start(q.first, cue)) {
      if (auto* run = run_starting_at(f.runs, *s)) {
        auto r = names.resolve(run->name, run->role);
        if (r.person || names.is_person(run->name))
          return core::Speaker{r.name, core::SpeakerBasis::Reported, r.role};
      } else if (is_pronoun(tokens[*s])) {
        return f.from_pronoun(*s, core::SpeakerBasis::Reported);
      }
    }
  }
  return std::nullopt;
}

}  // namespace hindsight::extract
