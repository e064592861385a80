#include "extract/names.hpp"

#include <cctype>
#include <iterator>
#include <string_view>
#include <unordered_set>

namespace hindsight::extract {

namespace {

bool is_particle(const Token& t) {
  static const char* kParticles[] = {"von", "van", "der", "den", "de", "da", "di",
                                     "del", "bin", "al",  "la",  "le", "du", "ibn"};
  for (auto* p : kParticles)
    if (t.text == p) return true;
  return false;
}

bool is_function_word(const Token& t) {
  static const char* kWords[] = {
      "the",    "a",           "an",        "this",      "that",      "these",  "those",
      "it",     "its",         "he",        "she",       "they",      "we",     "i",
      "you",    "his",         "her",       "their",     "our",       "in",     "on",
      "at",     "for",         "as",        "if",        "when",      "while",  "after",
      "before", "since",       "however",   "but",       "and",       "or",     "so",
      "yet",    "although",    "though",    "despite",   "according", "amid",   "amidst",
      "during", "with",        "from",      "by",        "to",        "of",     "last",
      "next",   "recently",    "currently", "meanwhile", "still",     "also",   "then",
      "now",    "some",        "many",      "most",      "such",      "what",   "why",
      "how",    "who",         "where",     "there",     "here",      "indeed", "even",
      "should", "furthermore", "moreover",  "ahead",     "following", "set",    "key",
      "recent", "subsequent",  "bilateral", "china's"};
  // Asked of every capitalized token: a hash lookup, not 83 comparisons.
  static const std::unordered_set<std::string_view> kSet(std::begin(kWords), std::end(kWords));
  return kSet.count(t.lower) != 0;
}

bool all_caps(std::string_view s) {
  int letters = 0;
  for (char c : s) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    if (std::isupper(static_cast<unsigned char>(c))) ++letters;
  }
  return letters >= 2;
}

std::string join(const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
  std::string out;
  for (std::size_t i = first; i < last; ++i) {
    if (!out.empty() && tokens[i].word && tokens[i - 1].word) out += ' ';
    out += tokens[i].text;
  }
  return out;
}

// Splits run tokens into role words (demonyms, title words, titles) and the name.
NameRun split_run(const std::vector<Token>& tokens, std::size_t first, std::size_t last,
                  const Lexicon& lex) {
  NameRun run{first, last, {}, {}, false};
  std::size_t role_start = first;
  while (role_start < last && in_list(tokens[role_start].text, lex.demonyms)) ++role_start;
  // The role ends at the last title word that still has a name after it ("Fed Chair
  // Jerome Powell", "European Commission President Ursula von der Leyen").
  std::size_t role_end = role_start;
  for (std::size_t k = role_start; k + 1 < last; ++k)
    if (in_list(tokens[k].text, lex.titles)) role_end = k + 1;
  auto organization = [&](std::size_t from) {
    for (std::size_t j = from; j < last; ++j)
      if (in_list(tokens[j].text, lex.organization_words)) return true;
    return last - from == 1 && all_caps(tokens[from].text);
  };
  std::size_t name_start = first;
  if (role_end > role_start && !organization(role_end)) {
    run.role = join(tokens, role_start, role_end);
    name_start = role_end;
  }
  run.name = join(tokens, name_start, last);
  run.organization = organization(name_start);
  return run;
}

}  // namespace

std::vector<NameRun> name_runs(const std::vector<Token>& tokens, const Lexicon& lexicon) {
  std::vector<NameRun> out;
  auto capital = [&](std::size_t k) {
    return k < tokens.size() && tokens[k].word && tokens[k].capitalized;
  };
  std::size_t i = 0;
  while (i < tokens.size()) {
    // "He" starts a name only before another capitalized word ("He Lifeng").
    bool starts = capital(i) &&
                  (!is_function_word(tokens[i]) ||
                   (tokens[i].text == "He" && capital(i + 1) && !is_function_word(tokens[i + 1])));
    if (!starts) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < tokens.size()) {
      if (capital(j) && (!is_function_word(tokens[j]) || capital(j + 1))) {
        ++j;
      } else if (tokens[j].word && is_particle(tokens[j]) && capital(j + 1)) {
        ++j;
      } else {
        break;
      }
    }
    out.push_back(split_run(tokens, i, j, lexicon));
    i = j;
  }
  return out;
}

const NameIndex::Entry* NameIndex::find_full(const std::string& name) const {
  for (const auto& e : m_full)
    if (e.name == name) return &e;
  return nullptr;
}

void NameIndex::add(const NameRun& run, std::size_t offset, bool subject_of_report) {
  if (run.name.empty()) return;
  bool known = false;
  for (const auto& p : m_lexicon->people) known = known || p.name == run.name;
  bool person = !run.organization && (!run.role.empty() || known || subject_of_report);
  bool multiword = run.name.find(' ') != std::string::npos;
  if (multiword && !run.organization) {
    if (auto* e = const_cast<Entry*>(find_full(run.name))) {
      if (e->role.empty()) e->role = run.role;
      e->person = e->person || person;
    } else {
      m_full.push_back({run.name, run.role, person});
    }
  }
  auto resolved = resolve(run.name, run.role);
  if (person || resolved.person) m_people.push_back({offset, resolved.name});
}

ResolvedName NameIndex::resolve(const std::string& mention, const std::string& role) const {
  if (auto* e = find_full(mention)) return {e->name, e->role.empty() ? role : e->role, e->person};
  // A short mention: the last word, then the first word, of a full name seen earlier.
  for (int pass = 0; pass < 2; ++pass) {
    const Entry* hit = nullptr;
    int hits = 0;
    for (const auto& e : m_full) {
      auto space = e.name.find(' ');
      auto last_space = e.name.rfind(' ');
      bool match = pass == 0 ? e.name.substr(last_space + 1) == mention ||
                                   (mention.find(' ') != std::string::npos &&
                                    e.name.ends_with(" " + mention))
                             : e.name.substr(0, space) == mention;
      if (match && (!hit || hit->name != e.name)) {
        hit = &e;
        ++hits;
      }
    }
    if (hits == 1) return {hit->name, hit->role.empty() ? role : hit->role, true};
  }
  for (const auto& p : m_lexicon->people) {
    if (p.name == mention) return {p.name, role, true};
    for (const auto& a : p.aliases)
      if (a == mention) return {p.name, role, true};
  }
  return {mention, role, false};
}

std::optional<ResolvedName> NameIndex::last_person(std::size_t offset,
                                                   std::size_t not_before) const {
  const Mention* last = nullptr;
  for (const auto& m : m_people)
    if (m.offset < offset && m.offset >= not_before) last = &m;
  if (!last) return std::nullopt;
  return resolve(last->name);
}

bool NameIndex::is_person(const std::string& name) const {
  auto r = resolve(name);
  if (r.person) return true;
  for (const auto& m : m_people)
    if (m.name == r.name) return true;
  return false;
}

}  // namespace hindsight::extract
