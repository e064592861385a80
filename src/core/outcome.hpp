// The verdict on a claim.
#pragma once

#include <optional>
#include <string_view>

namespace hindsight::core {

// True, False; Partial (with credit in [0,1]); Void (the question was bad or its
// condition failed); Ambiguous (reality is unclear).
enum class Outcome { True, False, Partial, Void, Ambiguous };

// "true", "false", "partial", "void", "ambiguous".
const char* to_string(Outcome o);
std::optional<Outcome> outcome_from_string(std::string_view s);

// The observed value o of a verdict for scoring: 1, 0 or the credit. Void and
// Ambiguous have none.
std::optional<double> observed_value(Outcome o, std::optional<double> credit);

}  // namespace hindsight::core
