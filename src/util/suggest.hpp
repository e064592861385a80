// "Did you mean …?" hints for misspelt keys and names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hindsight::util {

// Levenshtein distance between two byte strings.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` when it is close enough to be a likely typo (at
// most a third of the word's length, and at least 1, edits away), else "".
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" for the closest candidate, or "" when none is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace hindsight::util
