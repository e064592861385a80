// UTF-8 text helpers over ICU.
#pragma once

#include <string>
#include <string_view>

namespace hindsight::util {

// True when `bytes` is well-formed UTF-8.
bool is_valid_utf8(std::string_view bytes);

// Folds text for matching: Unicode lowercase, curly quotes and primes to straight
// ones, every dash to '-', runs of white space to one space, trimmed. Used to match
// a claim against an annotation or another claim regardless of typography.
std::string fold_for_match(std::string_view text);

// Lowercase (Unicode).
std::string to_lower(std::string_view text);

// Text with leading and trailing ASCII white space removed.
std::string_view trim(std::string_view text);

}  // namespace hindsight::util
