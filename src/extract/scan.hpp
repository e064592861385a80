// Byte scanners for the few patterns extraction looks for in raw sentence text
// (numbers with "%", amounts, dates, explicit probabilities). They replace the
// std::regex patterns these tests used to run, with the same meaning: ASCII classes
// as the regex engine saw them in the "C" locale (\d digits, \s the six ASCII spaces,
// \b between a letter/digit/underscore and anything else), letters folded only in
// ASCII where a pattern ignored case.
#pragma once

#include <cstddef>
#include <string_view>

namespace hindsight::extract::scan {

// \d: an ASCII digit.
inline bool digit(std::string_view s, std::size_t i) {
  return i < s.size() && s[i] >= '0' && s[i] <= '9';
}

// \s: space, tab, newline, vertical tab, form feed, carriage return.
inline bool space(std::string_view s, std::size_t i) {
  return i < s.size() && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r'));
}

// \w: an ASCII letter, digit or underscore (false past the end).
bool word(std::string_view s, std::size_t i);

// The end of the run of \s starting at i.
std::size_t skip_spaces(std::string_view s, std::size_t i);

// True when `lit` is at byte i, comparing ASCII letters without case when `icase`.
bool literal_at(std::string_view s, std::size_t i, std::string_view lit, bool icase);

}  // namespace hindsight::extract::scan
