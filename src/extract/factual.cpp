#include "extract/factual.hpp"

#include <array>
#include <initializer_list>
#include <string>

#include "extract/scan.hpp"

namespace hindsight::extract {

namespace {

using scan::digit;
using scan::literal_at;
using scan::skip_spaces;
using scan::space;
using scan::word;

// Each test below is the byte scan of a regular expression it replaced (quoted),
// with the same answer on every text.

// The words of an alternation, tried all: an earlier one may match where only a
// later one lets the rest of the pattern match ("m" and "million").
template <typename Words, typename Rest>
bool any_word_then(std::string_view s, std::size_t i, const Words& words, bool icase, Rest rest) {
  for (auto w : words)
    if (literal_at(s, i, w, icase) && rest(i + w.size())) return true;
  return false;
}

template <typename Rest>
bool any_word_then(std::string_view s, std::size_t i, std::initializer_list<std::string_view> words,
                   bool icase, Rest rest) {
  return any_word_then<std::initializer_list<std::string_view>, Rest>(s, i, words, icase, rest);
}

// A word ends at i (\b after a letter).
bool ends_word(std::string_view s, std::size_t i) {
  return !word(s, i);
}

// "\d(?:[\d.,]*\d)?\s*(?:%|percent\b|per cent\b|percentage points?\b)", ignoring case:
// a number's last digit, spaces, then the unit.
bool has_percentage(std::string_view s) {
  for (std::size_t j = 0; j < s.size(); ++j) {
    if (!digit(s, j)) continue;
    std::size_t k = skip_spaces(s, j + 1);
    if (k < s.size() && s[k] == '%') return true;
    if (any_word_then(s, k, {"percent", "per cent"}, true,
                      [&](std::size_t e) { return ends_word(s, e); }))
      return true;
    if (literal_at(s, k, "percentage point", true)) {
      std::size_t e = k + 16;
      if (ends_word(s, e) || (literal_at(s, e, "s", true) && ends_word(s, e + 1))) return true;
    }
  }
  return false;
}

// "(?:\$|US\$|£|€|¥)\s?\d": a currency symbol, at most one space, a digit.
bool has_currency_amount(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::size_t len = 0;
    if (s[i] == '$')
      len = 1;
    else if (literal_at(s, i, "\xC2\xA3", false) || literal_at(s, i, "\xC2\xA5", false))
      len = 2;
    else if (literal_at(s, i, "\xE2\x82\xAC", false))
      len = 3;
    if (len == 0) continue;
    std::size_t k = i + len;
    if (digit(s, k) || (space(s, k) && digit(s, k + 1))) return true;
  }
  return false;
}

// "\d(?:[\d.,]*\d)?\s*(?:bn|billion|million|trillion|m)\s+(?:dollars|euros|pounds|yuan|
// yen|rupees|won)\b", ignoring case.
bool has_amount_in_words(std::string_view s) {
  for (std::size_t j = 0; j < s.size(); ++j) {
    if (!digit(s, j)) continue;
    std::size_t k = skip_spaces(s, j + 1);
    bool found = any_word_then(
        s, k, {"bn", "billion", "million", "trillion", "m"}, true, [&](std::size_t e) {
          std::size_t q = skip_spaces(s, e);
          if (q == e) return false;
          return any_word_then(s, q, {"dollars", "euros", "pounds", "yuan", "yen", "rupees", "won"},
                               true, [&](std::size_t r) { return ends_word(s, r); });
        });
    if (found) return true;
  }
  return false;
}

bool has_amount(std::string_view s) {
  return has_currency_amount(s) || has_amount_in_words(s);
}

// The month names of the date patterns, as written (case counts).
constexpr std::array<std::string_view, 24> kMonths = {
    "January",   "February", "March",    "April",    "May",   "June", "July", "August",
    "September", "October",  "November", "December", "Jan.",  "Feb.", "Mar.", "Apr.",
    "Jun.",      "Jul.",     "Aug.",     "Sep.",     "Sept.", "Oct.", "Nov.", "Dec."};

// "\d{1,2}(?:st|nd|rd|th)?" at i: the ends it can have, each tried by `rest`.
template <typename Rest>
bool day_then(std::string_view s, std::size_t i, Rest rest) {
  for (std::size_t len = 1; len <= 2; ++len) {
    if (!digit(s, i + len - 1)) break;
    std::size_t p = i + len;
    if (rest(p)) return true;
    if (any_word_then(s, p, {"st", "nd", "rd", "th"}, false, rest)) return true;
  }
  return false;
}

// MONTHS "\s+\d{1,2}(?:st|nd|rd|th)?\b" ("October 9th", "Oct. 9").
bool has_month_day(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool found = any_word_then(s, i, kMonths, false, [&](std::size_t e) {
      std::size_t q = skip_spaces(s, e);
      return q > e && day_then(s, q, [&](std::size_t p) { return ends_word(s, p); });
    });
    if (found) return true;
  }
  return false;
}

// "\b\d{1,2}(?:st|nd|rd|th)?\s+" MONTHS ("9 October").
bool has_day_month(std::string_view s) {
  for (std::size_t j = 0; j < s.size(); ++j) {
    if (!digit(s, j) || (j > 0 && word(s, j - 1))) continue;
    bool found = day_then(s, j, [&](std::size_t p) {
      std::size_t q = skip_spaces(s, p);
      return q > p && any_word_then(s, q, kMonths, false, [](std::size_t) { return true; });
    });
    if (found) return true;
  }
  return false;
}

// "\b\d{4}-\d{2}-\d{2}\b".
bool has_iso_date(std::string_view s) {
  for (std::size_t j = 0; j + 10 <= s.size(); ++j) {
    if (j > 0 && word(s, j - 1)) continue;
    bool shape = true;
    for (std::size_t k = 0; k < 10 && shape; ++k)
      shape = (k == 4 || k == 7) ? s[j + k] == '-' : digit(s, j + k);
    if (shape && ends_word(s, j + 10)) return true;
  }
  return false;
}

// A day of a named month ("October 9th", "9 October", "Oct. 9") or an ISO date.
bool has_explicit_date(std::string_view s) {
  return has_month_day(s) || has_day_month(s) || has_iso_date(s);
}

// A past-tense verb: a regular "-ed" form after a name or noun, or a common irregular.
bool has_past_verb(const std::vector<Token>& tokens) {
  static const char* kIrregular[] = {
      "said", "made", "took", "began",  "came", "went",    "won",    "lost", "rose",
      "fell", "grew", "sold", "bought", "met",  "held",    "set",    "cut",  "put",
      "left", "gave", "told", "became", "hit",  "brought", "struck", "sent", "saw"};
  for (std::size_t i = 1; i < tokens.size(); ++i) {
    const auto& t = tokens[i];
    if (!t.word || t.capitalized) continue;
    if (t.lower.size() > 4 && t.lower.ends_with("ed")) return true;
    for (auto* w : kIrregular)
      if (t.lower == w) return true;
  }
  return false;
}

std::size_t word_count(const std::vector<Token>& tokens) {
  std::size_t n = 0;
  for (const auto& t : tokens) n += t.word ? 1 : 0;
  return n;
}

}  // namespace

bool is_factual(std::string_view text, const std::vector<Token>& tokens) {
  // A sentence, not a heading or a dateline: enough words, ending like a sentence.
  if (word_count(tokens) < 7 || tokens.empty()) return false;
  const auto& end = tokens.back().text;
  if (end != "." && end != "\xE2\x80\x9D" && end != "\"" && end != ")") return false;
  // Every pattern needs a digit: most sentences have none.
  if (text.find_first_of("0123456789") == std::string_view::npos) return false;
  if (has_percentage(text) || has_amount(text)) return true;
  return has_explicit_date(text) && has_past_verb(tokens);
}

}  // namespace hindsight::extract
