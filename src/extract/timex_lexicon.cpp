// The tokenizer and the word lexicon of the time-expression normalizer. Words are
// looked up once, when the text is tokenized, so that matching compares small
// integers rather than strings.
#include <algorithm>
#include <unordered_map>

#include "extract/timex_internal.hpp"

namespace hindsight::extract::timex {

namespace {

using Map = std::unordered_map<std::string_view, WordInfo>;

struct Lexicon {
  Map words;
  std::size_t longest = 0;  // a longer word is in no entry: no need to hash it
};

void add_months(Map& m) {
  struct M {
    const char* name;
    std::uint8_t n;
    bool abbrev;
    bool ambiguous;
  };
  // "may" and "march" are also a modal and a verb; "jan" and "mar" are also names
  // and words: the matcher asks for more evidence before it takes them as months.
  static const M kMonths[] = {
      {"january", 1, false, false},   {"jan", 1, true, true},
      {"february", 2, false, false},  {"feb", 2, true, false},
      {"march", 3, false, true},      {"mar", 3, true, true},
      {"april", 4, false, false},     {"apr", 4, true, false},
      {"may", 5, false, true},        {"june", 6, false, false},
      {"jun", 6, true, false},        {"july", 7, false, false},
      {"jul", 7, true, false},        {"august", 8, false, false},
      {"aug", 8, true, false},        {"september", 9, false, false},
      {"sep", 9, true, false},        {"sept", 9, true, false},
      {"october", 10, false, false},  {"oct", 10, true, false},
      {"november", 11, false, false}, {"nov", 11, true, false},
      {"december", 12, false, false}, {"dec", 12, true, false},
  };
  for (const auto& e : kMonths) {
    auto& w = m[e.name];
    w.month = e.n;
    w.month_abbrev = e.abbrev;
    w.month_ambiguous = e.ambiguous;
  }
}

void add_others(Map& m) {
  static const char* const kWeekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                          "friday", "saturday", "sunday"};
  for (std::uint8_t i = 0; i < 7; ++i) m[kWeekdays[i]].weekday = static_cast<std::uint8_t>(i + 1);

  static const std::pair<const char*, int> kNumbers[] = {
      {"a", 1},         {"an", 1},       {"one", 1},      {"two", 2},        {"three", 3},
      {"four", 4},      {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},
      {"nine", 9},      {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13},
      {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18},
      {"nineteen", 19}, {"twenty", 20},  {"thirty", 30},  {"forty", 40},     {"fifty", 50},
      {"sixty", 60},    {"seventy", 70}, {"eighty", 80},  {"ninety", 90},    {"hundred", 100},
      {"dozen", 12},
  };
  for (const auto& [w, n] : kNumbers) m[w].number = n;
  // Vague counts, read leniently (a deadline should not end before the speaker meant).
  for (const auto& [w, n] : {std::pair{"couple", 2}, {"few", 3}, {"several", 5}}) {
    m[w].number = n;
    m[w].vague_number = true;
  }

  static const char* const kOrdinals[] = {"first", "second", "third",    "fourth",
                                          "fifth", "sixth",  "seventh",  "eighth",
                                          "ninth", "tenth",  "eleventh", "twelfth"};
  for (std::uint8_t i = 0; i < 12; ++i) m[kOrdinals[i]].ordinal = static_cast<std::uint8_t>(i + 1);

  static const std::pair<const char*, Unit> kUnits[] = {
      {"hour", Unit::Hour},       {"day", Unit::Day},
      {"week", Unit::Week},       {"month", Unit::Month},
      {"quarter", Unit::Quarter}, {"year", Unit::Year},
      {"decade", Unit::Decade},   {"fortnight", Unit::Fortnight},
  };
  for (const auto& [w, u] : kUnits) m[w].unit = u;
  static const std::pair<const char*, Unit> kPlurals[] = {
      {"hours", Unit::Hour},       {"days", Unit::Day},
      {"weeks", Unit::Week},       {"months", Unit::Month},
      {"quarters", Unit::Quarter}, {"years", Unit::Year},
      {"decades", Unit::Decade},   {"fortnights", Unit::Fortnight},
  };
  for (const auto& [w, u] : kPlurals) {
    m[w].unit = u;
    m[w].plural = true;
  }

  for (const auto& [w, s] :
       {std::pair{"spring", 1}, {"summer", 2}, {"fall", 3}, {"autumn", 3}, {"winter", 4}})
    m[w].season = static_cast<std::uint8_t>(s);
}

void add_start_words(Map& m) {
  // Every word that has a meaning of time may start an expression; so may these,
  // and the first words of the phrase tables of the other timex files.
  for (auto& [word, info] : m) info.starts = true;
  for (std::string_view w :
       {"the",         "this",      "next",      "last",   "coming", "upcoming", "early",
        "mid",         "late",      "beginning", "start",  "middle", "end",      "close",
        "final",       "q",         "h",         "fiscal", "fy",     "today",    "tonight",
        "immediately", "tomorrow",  "yesterday", "right",  "with",   "later",    "earlier",
        "rest",        "remainder", "balance",   "year",   "month",  "quarter",  "half",
        "following",   "past",      "previous"})
    m[w].starts = true;
  std::vector<FirstWord> firsts;
  add_marker_first_words(firsts);
  add_span_first_words(firsts);
  add_holiday_first_words(firsts);
  for (const FirstWord& f : firsts) {
    WordInfo& w = m[f.word];
    w.starts = w.starts || f.table != Table::Quantifier;  // "about" starts nothing alone
    w.first_of[static_cast<std::size_t>(f.table)] |= std::uint64_t{1} << f.index;
  }
}

// Words that tell whether a phrase speaks of the future or the past (see
// speaks_of_past in timex.cpp); the future wins when both are present.
void add_tense_words(Map& m) {
  for (std::string_view w :
       {"will",    "ll",          "would",       "shall",      "going",    "expected",  "expects",
        "expect",  "anticipated", "anticipates", "anticipate", "forecast", "forecasts", "projected",
        "planned", "plans",       "plan",        "scheduled",  "could",    "may",       "might",
        "should",  "must",        "hope",        "hopes",      "likely",   "aims",      "intends",
        "due",     "upcoming",    "soon",        "predicted",  "predicts", "poised",    "set",
        "seen",    "next",        "coming",      "tomorrow"})
    m[w].future_cue = true;
  for (std::string_view w :
       {"was",     "were",   "had",     "has",  "have", "did",       "fell",       "rose",   "grew",
        "said",    "came",   "went",    "saw",  "took", "made",      "began",      "won",    "lost",
        "met",     "held",   "left",    "paid", "sold", "bought",    "spent",      "struck", "told",
        "thought", "shrank", "sank",    "led",  "ago",  "yesterday", "previously", "ended",  "ran",
        "gave",    "got",    "brought", "kept", "felt"})
    m[w].past_form = true;
}

const Lexicon& lexicon() {
  static const Lexicon kLexicon = [] {
    Map m;
    add_months(m);
    add_others(m);
    add_start_words(m);
    add_tense_words(m);
    Lexicon lex{std::move(m)};
    for (const auto& entry : lex.words) lex.longest = std::max(lex.longest, entry.first.size());
    return lex;
  }();
  return kLexicon;
}

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Length of the UTF-8 sequence that starts with byte c (1 for a stray byte).
std::size_t utf8_length(unsigned char c) {
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

}  // namespace

const WordInfo* lookup_word(std::string_view lower) {
  const Lexicon& lex = lexicon();
  if (lower.size() > lex.longest) return nullptr;
  auto it = lex.words.find(lower);
  return it == lex.words.end() ? nullptr : &it->second;
}

namespace {

// Scans digits from i; fills the token's number fields and returns the end.
std::size_t scan_number(std::string_view text, std::size_t i, Token& t) {
  std::size_t j = i;
  long v = 0;
  while (j < text.size() && is_digit(text[j])) {
    if (v < 100000000) v = v * 10 + (text[j] - '0');
    ++j;
  }
  t.digits = static_cast<std::uint8_t>(j - i > 255 ? 255 : j - i);
  // "5,000": a thousands group is part of the number (so it is never a day or year).
  while (j + 3 < text.size() && text[j] == ',' && is_digit(text[j + 1]) && is_digit(text[j + 2]) &&
         is_digit(text[j + 3]) && (j + 4 >= text.size() || !is_digit(text[j + 4]))) {
    t.grouped = true;
    j += 4;
  }
  // "1.5": only halves matter (durations); other decimals are just not days.
  if (j + 1 < text.size() && text[j] == '.' && is_digit(text[j + 1])) {
    std::size_t k = j + 1;
    while (k < text.size() && is_digit(text[k])) ++k;
    t.half = (k == j + 2 && text[j + 1] == '5');
    t.grouped = !t.half;
    j = k;
  }
  t.value = static_cast<int>(v);
  // Suffixes written against the digits: "12th", "2030s".
  std::size_t k = j;
  while (k < text.size() && is_alpha(text[k])) ++k;
  if (k > j) {
    std::string_view suffix = text.substr(j, k - j);
    auto eq = [&](std::string_view s) {
      if (suffix.size() != s.size()) return false;
      for (std::size_t n = 0; n < s.size(); ++n)
        if (lower(suffix[n]) != s[n]) return false;
      return true;
    };
    if (eq("st") || eq("nd") || eq("rd") || eq("th")) {
      t.ordinal = true;
      return k;
    }
    if (eq("s") && t.digits == 4 && t.value % 10 == 0) {
      t.decade = true;
      return k;
    }
  }
  return j;
}

}  // namespace

void tokenize(std::string_view text, std::vector<Token>& out, std::string& scratch) {
  out.clear();
  scratch.clear();
  // The views into scratch must stay valid: never let it reallocate.
  scratch.reserve(text.size() + 1);
  bool space = true;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    const auto uc = static_cast<unsigned char>(c);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      ++i;
      continue;
    }
    // No-break and thin spaces are spaces.
    if (uc == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      space = true;
      i += 2;
      continue;
    }
    Token t;
    t.space_before = space;
    t.start = i;
    space = false;
    if (is_alpha(c)) {
      std::size_t j = i;
      const std::size_t from = scratch.size();
      while (j < text.size() && is_alpha(text[j])) scratch.push_back(lower(text[j++]));
      t.kind = TokKind::Word;
      t.capitalized = c >= 'A' && c <= 'Z';
      t.lower = std::string_view(scratch).substr(from, j - i);
      t.info = lookup_word(t.lower);
      t.end = j;
    } else if (is_digit(c)) {
      t.kind = TokKind::Number;
      t.end = scan_number(text, i, t);
      t.lower = text.substr(i, t.end - i);
    } else {
      const std::size_t len = std::min(utf8_length(uc), text.size() - i);
      std::string_view ch = text.substr(i, len);
      t.kind = TokKind::Punct;
      t.end = i + len;
      // A possessive "'s" (straight or curly apostrophe) is one token.
      const bool apostrophe = ch == "'" || ch == "\xE2\x80\x99";
      if (apostrophe && t.end < text.size() && (text[t.end] == 's' || text[t.end] == 'S') &&
          (t.end + 1 >= text.size() || !is_alpha(text[t.end + 1]))) {
        t.kind = TokKind::Word;
        t.end += 1;
        t.lower = "'s";
      } else if (apostrophe) {
        t.lower = "'";
      } else if (ch == "\xE2\x80\x93" || ch == "\xE2\x80\x92" || ch == "\xE2\x88\x92") {
        t.lower = "-";  // en dash, figure dash, minus: ranges and "mid–2026"
      } else {
        t.lower = ch;
      }
    }
    i = t.end;
    out.push_back(t);
  }
}

}  // namespace hindsight::extract::timex
