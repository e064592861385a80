// The byte scanners that replaced std::regex in factual.cpp and cues.cpp give the
// answers the regexes gave: the regexes are kept here as the reference and both are
// run on many generated sentences made of the pieces the patterns look for.
#include <doctest/doctest.h>

#include <random>
#include <regex>
#include <string>
#include <vector>

#include "extract/cues.hpp"
#include "extract/factual.hpp"
#include "extract/tokens.hpp"

using namespace hindsight;

namespace {

// The regex versions, as they were in factual.cpp and cues.cpp.
bool regex_has_percentage(const std::string& s) {
  static const std::regex re(
      R"(\d(?:[\d.,]*\d)?\s*(?:%|percent\b|per cent\b|percentage points?\b))", std::regex::icase);
  return std::regex_search(s, re);
}

bool regex_has_amount(const std::string& s) {
  static const std::regex symbol(R"((?:\$|US\$|\xC2\xA3|\xE2\x82\xAC|\xC2\xA5)\s?\d)");
  static const std::regex words(
      R"(\d(?:[\d.,]*\d)?\s*(?:bn|billion|million|trillion|m)\s+(?:dollars|euros|pounds|yuan|yen|rupees|won)\b)",
      std::regex::icase);
  return std::regex_search(s, symbol) || std::regex_search(s, words);
}

bool regex_has_explicit_date(const std::string& s) {
  static const std::string months =
      "(?:January|February|March|April|May|June|July|August|September|October|November|"
      "December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)";
  static const std::regex month_day(months + R"(\s+\d{1,2}(?:st|nd|rd|th)?\b)");
  static const std::regex day_month(R"(\b\d{1,2}(?:st|nd|rd|th)?\s+)" + months);
  static const std::regex iso(R"(\b\d{4}-\d{2}-\d{2}\b)");
  return std::regex_search(s, month_day) || std::regex_search(s, day_month) ||
         std::regex_search(s, iso);
}

std::optional<std::pair<double, std::string>> regex_explicit_probability(const std::string& s) {
  static const std::regex range(
      R"((\d{1,3}(?:\.\d+)?)\s*(?:%|percent|per cent)?\s*(?:-|to|\xE2\x80\x93|\xE2\x80\x94)\s*(\d{1,3}(?:\.\d+)?)\s*(?:%|percent|per cent)\s+(?:chance|probability|likelihood|odds|risk))",
      std::regex::icase);
  static const std::regex single(
      R"((\d{1,3}(?:\.\d+)?)\s*(?:%|percent|per cent)\s+(?:chance|probability|likelihood|odds|risk))",
      std::regex::icase);
  static const std::regex after(
      R"((?:chance|probability|likelihood|odds|risk)\s+of\s+(?:about\s+|around\s+|roughly\s+|some\s+)?(\d{1,3}(?:\.\d+)?)\s*(?:%|percent|per cent))",
      std::regex::icase);
  if (s.find_first_of("0123456789") == std::string::npos ||
      (s.find('%') == std::string::npos && s.find("ercent") == std::string::npos &&
       s.find("er cent") == std::string::npos))
    return std::nullopt;
  std::smatch m;
  if (std::regex_search(s, m, range)) {
    double a = std::stod(m[1]), b = std::stod(m[2]);
    if (a <= 100 && b <= 100 && a <= b) return std::pair{(a + b) / 200.0, m.str(0)};
  }
  if (std::regex_search(s, m, single) || std::regex_search(s, m, after)) {
    double a = std::stod(m[1]);
    if (a <= 100) return std::pair{a / 100.0, m.str(0)};
  }
  return std::nullopt;
}

// is_factual as it was, on the regex tests above.
bool regex_is_factual(const std::string& s, const std::vector<extract::Token>& tokens) {
  std::size_t words = 0;
  for (const auto& t : tokens) words += t.word ? 1 : 0;
  if (words < 7 || tokens.empty()) return false;
  const auto& end = tokens.back().text;
  if (end != "." && end != "\xE2\x80\x9D" && end != "\"" && end != ")") return false;
  if (regex_has_percentage(s) || regex_has_amount(s)) return true;
  if (!regex_has_explicit_date(s)) return false;
  // has_past_verb, as in factual.cpp.
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

// A sentence of random pieces: numbers, units, months, currency, dashes, spaces.
std::string random_sentence(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {"1",
                                                  "7",
                                                  "12",
                                                  "123",
                                                  "1234",
                                                  "0.5",
                                                  "84.25",
                                                  "2,5",
                                                  "2024-10-09",
                                                  "%",
                                                  "percent",
                                                  "PerCent",
                                                  "per cent",
                                                  "percentage point",
                                                  "percentage points",
                                                  "percentages",
                                                  "bn",
                                                  "billion",
                                                  "m",
                                                  "Million",
                                                  "dollars",
                                                  "euros",
                                                  "wonder",
                                                  "won",
                                                  "$",
                                                  "US$",
                                                  "\xC2\xA3",
                                                  "\xE2\x82\xAC",
                                                  "\xC2\xA5",
                                                  "October",
                                                  "Oct.",
                                                  "Sept.",
                                                  "Sep.",
                                                  "May",
                                                  "Mayor",
                                                  "9th",
                                                  "21st",
                                                  "3rd",
                                                  "2nd",
                                                  "th",
                                                  "-",
                                                  "to",
                                                  "TO",
                                                  "\xE2\x80\x93",
                                                  "\xE2\x80\x94",
                                                  "chance",
                                                  "odds",
                                                  "Risk",
                                                  "likelihood",
                                                  "of",
                                                  "about",
                                                  "roughly",
                                                  "some",
                                                  "30% chance",
                                                  "odds of 25 percent",
                                                  "84-85 per cent risk",
                                                  "12.5%",
                                                  "the",
                                                  "said",
                                                  "announced",
                                                  "rose",
                                                  "x",
                                                  "_",
                                                  ".",
                                                  ",",
                                                  "\xE2\x80\x9D"};
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1), count(1, 14), gap(0, 5);
  std::string s;
  std::size_t n = count(rng);
  for (std::size_t i = 0; i < n; ++i) {
    s += pieces[pick(rng)];
    switch (gap(rng)) {
      case 0:
        break;  // glued to the next piece
      case 1:
        s += "  ";
        break;
      case 2:
        s += "\t";
        break;
      default:
        s += " ";
        break;
    }
  }
  // Half end like a sentence (is_factual's precondition), half do not.
  s += rng() % 2 ? "they were so in the end." : "they saw";
  return s;
}

}  // namespace

TEST_SUITE("extract.scan") {
  TEST_CASE("the scanners give the regexes' answers on 20,000 generated sentences") {
    std::mt19937 rng(20261123);
    int factual = 0, probabilities = 0;
    for (int i = 0; i < 20000; ++i) {
      auto s = random_sentence(rng);
      auto tokens = extract::tokenize(s);
      bool want = regex_is_factual(s, tokens);
      CHECK_MESSAGE(extract::is_factual(s, tokens) == want, s);
      factual += want ? 1 : 0;
      auto p = regex_explicit_probability(s);
      auto got = extract::explicit_probability(s);
      CHECK_MESSAGE(got.has_value() == p.has_value(), s);
      if (p && got) {
        CHECK_MESSAGE(got->first == p->first, s);
        CHECK_MESSAGE(got->second == p->second, s);
        ++probabilities;
      }
    }
    // The generator reaches both answers often.
    CHECK(factual > 1000);
    CHECK(probabilities > 100);
  }
}
