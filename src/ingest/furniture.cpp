#include "ingest/furniture.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>

#include "util/text.hpp"

namespace hindsight::ingest {

namespace {

// Regular expressions run only on short lines: std::regex recurses per character
// and a long paragraph would cost time (and stack) for nothing.
constexpr std::size_t kShortLine = 300;

const std::string kAgency =
    "(?:AP|Associated Press|Reuters|REUTERS|AFP|Xinhua|XINHUA|Getty Images|GETTY IMAGES|Getty|"
    "EPA-EFE|EPA|EFE|Bloomberg|Shutterstock|Alamy|PA Images|PA Wire|PA|Kyodo|Yonhap|TASS|"
    "Sputnik|dpa|DPA|Anadolu Agency|Anadolu|NurPhoto|SOPA Images|LightRocket|Imago|IMAGO|"
    "Pool|POOL|ANI|IANS|PTI|VCG|ZUMA Press|Zuma|Sipa|Corbis|CNS)";
const std::string kName = "[A-Z](?:\\.|[\\w'-]*)(?: [A-Z](?:\\.|[\\w'-]*)){0,3}";

std::string words_only(std::string_view line) {
  // Lowercase ASCII letters and digits, one space between words: enough to compare
  // short navigation phrases whatever their punctuation.
  std::string out;
  bool space = false;
  for (char c : line) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += static_cast<char>(std::tolower(u));
    } else {
      space = true;
    }
  }
  return out;
}

int word_count(std::string_view line) {
  int n = 0;
  bool in_word = false;
  for (char c : line) {
    bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Strips closing quotes and brackets from the end: '… said.”' ends like a sentence.
std::string_view without_closers(std::string_view s) {
  static const std::array<std::string_view, 8> closers{"\"", "'", ")", "]", "”", "’", "»", "*"};
  bool again = true;
  while (again && !s.empty()) {
    again = false;
    for (auto c : closers) {
      if (ends_with(s, c)) {
        s.remove_suffix(c.size());
        again = true;
      }
    }
  }
  return s;
}

bool ends_like_sentence(std::string_view line) {
  auto s = without_closers(util::trim(line));
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?' || s.back() == ':' ||
                        ends_with(s, "…"));
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// Whether an agency is named near the end of the line: a cheap test that spares
// most lines the caption regular expressions.
bool may_end_with_credit(std::string_view line) {
  static const std::array<std::string_view, 27> words{
      "AP",      "Press",    "Reuters", "REUTERS", "AFP",       "Xinhua",       "XINHUA",
      "Getty",   "GETTY",    "EPA",     "EFE",     "Bloomberg", "Shutterstock", "Alamy",
      "PA",      "Kyodo",    "Yonhap",  "TASS",    "Sputnik",   "dpa",          "DPA",
      "Anadolu", "NurPhoto", "Imago",   "IMAGO",   "Pool",      "POOL"};
  static const std::array<std::string_view, 10> more{
      "LightRocket", "ANI", "IANS", "PTI", "VCG", "Zuma", "ZUMA", "Sipa", "Corbis", "CNS"};
  constexpr std::size_t kTail = 60;
  auto tail = line.size() > kTail ? line.substr(line.size() - kTail) : line;
  auto named = [&](std::string_view w) { return tail.find(w) != std::string_view::npos; };
  return std::any_of(words.begin(), words.end(), named) ||
         std::any_of(more.begin(), more.end(), named);
}

bool may_start_with_credit(std::string_view line) {
  auto head = util::to_lower(line.substr(0, 8));
  return head.starts_with("photo") || head.starts_with("image") || head.starts_with("picture") ||
         head.starts_with("credit") || head.starts_with("foto");
}

}  // namespace

std::optional<std::string> photo_caption(std::string_view line) {
  line = util::trim(line);
  if (line.empty() || line.size() > kShortLine) return std::nullopt;
  bool credit_last = may_end_with_credit(line);
  if (!credit_last && !may_start_with_credit(line)) return std::nullopt;
  static const std::regex credit_first(
      "^(?:Photo(?:graph)?s?|Image|Picture|Credit|Photo credit|Foto)\\s*(?::|by\\b)",
      std::regex::icase);
  if (std::regex_search(line.begin(), line.end(), credit_first)) return std::string();
  // "… AP/ Xinhua", "… (Reuters)", "… AFP via Getty Images", "… REUTERS/Jane Doe"
  static const std::regex agency_last("(?:^|[\\s.,;:|])\\(?" + kAgency + "(?:\\s*(?:/|via)\\s*(?:" +
                                      kAgency + "|" + kName + "))*\\)?$");
  // "… Andy Wong/AP", "… (Photo by Jane Doe/Getty Images)"
  static const std::regex name_agency("(?:^|[\\s.,;:|])\\(?(?:Photo by )?" + kName + "\\s*/\\s*" +
                                      kAgency + "(?:\\s*via\\s*" + kAgency + ")?\\)?$");
  std::match_results<std::string_view::const_iterator> m;
  if (!credit_last) return std::nullopt;
  if (std::regex_search(line.begin(), line.end(), m, agency_last) ||
      std::regex_search(line.begin(), line.end(), m, name_agency)) {
    auto rest = util::trim(line.substr(0, static_cast<std::size_t>(m.position(0))));
    while (!rest.empty() && (rest.back() == '|' || rest.back() == '-' || rest.back() == ','))
      rest = util::trim(rest.substr(0, rest.size() - 1));
    return std::string(rest);
  }
  return std::nullopt;
}

bool is_boilerplate(std::string_view line) {
  line = util::trim(line);
  if (line.size() > 150) return false;
  auto w = words_only(line);
  static const std::array<std::string_view, 17> exact{
      "see more",           "read more",          "most read",        "most popular",
      "advertisement",      "advertising",        "sponsored",        "share",
      "share this article", "download",           "logo application", "related",
      "related articles",   "skip advertisement", "continue reading", "click here",
      "subscribe"};
  if (std::find(exact.begin(), exact.end(), w) != exact.end()) return true;
  if (contains(w, "app store") || contains(w, "google play") || contains(w, "play store") ||
      contains(w, "download the app") || contains(w, "download our app"))
    return true;
  if (contains(w, "cookie") && (contains(w, "accept") || contains(w, "we use") ||
                                contains(w, "policy") || contains(w, "settings")))
    return true;
  if (contains(w, "newsletter") && (contains(w, "sign up") || contains(w, "subscribe")))
    return true;
  return w == "all rights reserved";
}

bool starts_footer(std::string_view line) {
  line = util::trim(line);
  if (line.size() > 40) return false;
  auto w = words_only(line);
  static const std::array<std::string_view, 13> markers{
      "see more",         "most read",         "most popular", "read more", "related",
      "related articles", "related stories",   "more stories", "read next", "recommended",
      "trending",         "you may also like", "also read"};
  return std::find(markers.begin(), markers.end(), w) != markers.end();
}

std::optional<std::string> copyright_outlet(std::string_view line) {
  line = util::trim(line);
  if (line.size() > 120) return std::nullopt;
  static const std::regex re(
      "^(?:Copyright\\s*)?(?:©|\\(c\\)|Copyright)\\s*(?:\\d{4}(?:\\s*(?:-|–)\\s*\\d{4})?\\s*,?\\s*)"
      "?"
      "(.*?)[\\s.,]*(?:All rights reserved\\.?)?$",
      std::regex::icase);
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(line.begin(), line.end(), m, re)) return std::nullopt;
  auto group = m[1].str();
  std::string outlet(util::trim(group));
  if (outlet.empty() || outlet.size() > 60) return std::nullopt;
  return outlet;
}

std::optional<core::Date> dateline_date(std::string_view line) {
  line = util::trim(line);
  if (line.size() > 100) return std::nullopt;
  static const std::string month =
      "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
      "Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
  static const std::regex iso("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
  static const std::regex mdy("\\b" + month + "\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b");
  static const std::regex dmy("\\b(\\d{1,2}) " + month + "\\.?,? (\\d{4})\\b");
  std::string s(line);
  std::smatch m;
  std::string iso_text;
  auto month_number = [](const std::string& name) {
    static const std::array<std::string_view, 12> names{"jan", "feb", "mar", "apr", "may", "jun",
                                                        "jul", "aug", "sep", "oct", "nov", "dec"};
    auto lower = util::to_lower(name.substr(0, 3));
    return static_cast<int>(std::find(names.begin(), names.end(), lower) - names.begin()) + 1;
  };
  auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  if (std::regex_search(s, m, iso)) {
    iso_text = m.str(0);
  } else if (std::regex_search(s, m, mdy)) {
    iso_text = m.str(3) + "-" + two(month_number(m.str(1))) + "-" + two(std::stoi(m.str(2)));
  } else if (std::regex_search(s, m, dmy)) {
    iso_text = m.str(3) + "-" + two(month_number(m.str(2))) + "-" + two(std::stoi(m.str(1)));
  } else {
    return std::nullopt;
  }
  // Whatever is left besides the date must be a time, a weekday, a "Published" and
  // at most a short section name: otherwise it is a sentence that mentions a date.
  std::string rest = m.prefix().str() + " " + m.suffix().str();
  static const std::regex time(
      "\\b\\d{1,2}[:.]\\d{2}(?::\\d{2})?(?:\\s*[AaPp]\\.?[Mm]\\.?)?(?:\\s*(?:[A-Z]{2,4}|GMT|UTC)"
      "(?:[+-]\\d{1,2})?)?");
  static const std::regex words(
      "\\b(?:Published|Updated|Posted|Last updated|Date|on|at|Mon(?:day)?|Tue(?:sday)?|"
      "Wed(?:nesday)?|Thu(?:rsday)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)\\b",
      std::regex::icase);
  rest = std::regex_replace(rest, time, " ");
  rest = std::regex_replace(rest, words, " ");
  std::string section;
  for (char c : rest)
    section += (c == '-' || c == '|' || c == ',' || c == ':' || c == '/' || c == '(' || c == ')' ||
                c == '.')
                   ? ' '
                   : c;
  if (word_count(section) > 3) return std::nullopt;
  if (section.find_first_of("0123456789") != std::string::npos) return std::nullopt;
  auto date = core::parse_date(iso_text);
  if (!date) return std::nullopt;
  return *date;
}

std::optional<std::string> byline_author(std::string_view line) {
  line = util::trim(line);
  if (line.size() > 80 || !(line.starts_with("By ") || line.starts_with("BY ")))
    return std::nullopt;
  auto name = util::trim(line.substr(3));
  if (name.empty() || !std::isupper(static_cast<unsigned char>(name.front())) ||
      word_count(name) > 8 || ends_like_sentence(name))
    return std::nullopt;
  return std::string(name);
}

bool looks_like_title(std::string_view line) {
  line = util::trim(line);
  if (line.empty() || line.size() > 200) return false;
  int words = word_count(line);
  if (words < 2 || words > 30) return false;
  if (std::islower(static_cast<unsigned char>(line.front()))) return false;
  auto s = without_closers(line);
  return !(s.back() == '.' || s.back() == ',' || s.back() == ';' || s.back() == ':');
}

bool is_sentence_like(std::string_view line) {
  return ends_like_sentence(line) || word_count(line) >= 12;
}

}  // namespace hindsight::ingest
