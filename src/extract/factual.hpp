// Checkable factual claims: statements about the present or past that carry a number
// a fact-checker can verify — a percentage ("China controls about 70% of …"), an amount
// of money ("trade … totalled $771bn"), or a dated past event ("On October 9th,
// Beijing announced …"). Conservative on purpose: every factual claim that a reader
// would not check counts against precision.
#pragma once

#include <string_view>
#include <vector>

#include "extract/tokens.hpp"

namespace hindsight::extract {

// True when the clause (its text and tokens) is a checkable factual claim. The caller
// has already ruled out predictions, questions and open questions.
bool is_factual(std::string_view text, const std::vector<Token>& tokens);

}  // namespace hindsight::extract
