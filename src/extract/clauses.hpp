// Inside a sentence: clauses that each carry their own prediction ("The US is
// anticipated to refrain from …, while China is expected to delay …"), the condition
// of a prediction ("Should the summit prove accomplished", "when Trump and Xi finally
// meet", "if …"), and the parts of a compound prediction ("they will announce A, B,
// C and D"; "will discuss X and finalize Y"; "A, potentially followed by B").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extract/cues.hpp"
#include "extract/tokens.hpp"

namespace hindsight::extract {

// A token range [first, last).
struct TokenRange {
  std::size_t first = 0;
  std::size_t last = 0;
};

// Splits tokens [0, size) into clauses at ", while", ", whereas", ", but" and ";" when
// each side holds a future marker of its own and the right side has a subject before
// its marker. One range (the whole sentence) when no split applies.
std::vector<TokenRange> split_clauses(const std::vector<Token>& tokens, const CueFinder& cues);

// The condition of the prediction in `clause`: a segment opened by if / when / once /
// unless / provided / as long as / in the event, or an inverted "Should …", that ends
// at a comma before the main clause (or runs to the end after one). nullopt if none.
std::optional<TokenRange> find_condition(const std::vector<Token>& tokens, TokenRange clause);

// The parts of a compound prediction in `clause` after the cue at token `cue`: the
// items of a list of three or more after "including" / "such as" / a colon; verb
// phrases joined by "and" after the modal; or "A, (potentially) followed by B".
// Empty when the prediction is simple.
std::vector<TokenRange> find_parts(const std::vector<Token>& tokens, TokenRange clause,
                                   std::size_t cue);

}  // namespace hindsight::extract
