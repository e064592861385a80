#include "extract/factual.hpp"

#include <regex>
#include <string>

namespace hindsight::extract {

namespace {

// Every pattern below needs a digit: sentences without one (most of them) skip the
// regex engine, which is the slowest thing extraction does.
bool has_digit(const std::string& s) {
  return s.find_first_of("0123456789") != std::string::npos;
}

bool has_percentage(const std::string& s) {
  if (!has_digit(s)) return false;
  static const std::regex re(
      R"(\d(?:[\d.,]*\d)?\s*(?:%|percent\b|per cent\b|percentage points?\b))", std::regex::icase);
  return std::regex_search(s, re);
}

bool has_amount(const std::string& s) {
  if (!has_digit(s)) return false;
  static const std::regex symbol(R"((?:\$|US\$|\xC2\xA3|\xE2\x82\xAC|\xC2\xA5)\s?\d)");
  static const std::regex words(
      R"(\d(?:[\d.,]*\d)?\s*(?:bn|billion|million|trillion|m)\s+(?:dollars|euros|pounds|yuan|yen|rupees|won)\b)",
      std::regex::icase);
  return std::regex_search(s, symbol) || std::regex_search(s, words);
}

// A day of a named month ("October 9th", "9 October", "Oct. 9") or an ISO date.
bool has_explicit_date(const std::string& s) {
  if (!has_digit(s)) return false;
  static const std::string months =
      "(?:January|February|March|April|May|June|July|August|September|October|November|"
      "December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)";
  static const std::regex month_day(months + R"(\s+\d{1,2}(?:st|nd|rd|th)?\b)");
  static const std::regex day_month(R"(\b\d{1,2}(?:st|nd|rd|th)?\s+)" + months);
  static const std::regex iso(R"(\b\d{4}-\d{2}-\d{2}\b)");
  return std::regex_search(s, month_day) || std::regex_search(s, day_month) ||
         std::regex_search(s, iso);
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
  std::string s(text);
  if (has_percentage(s) || has_amount(s)) return true;
  return has_explicit_date(s) && has_past_verb(tokens);
}

}  // namespace hindsight::extract
