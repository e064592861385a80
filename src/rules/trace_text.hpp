// The trace of a verdict (Verdict::trace, as stored in the ledger) as text a
// fact-checker reads: for each rule tried, the window, each selection's matched and
// rejected events with the reason, and the clauses with the one that fired.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace hindsight::rules {

// The trace as indented lines (each ending in '\n'), starting at `indent` spaces.
std::string trace_to_text(const nlohmann::json& trace, int indent = 0);

}  // namespace hindsight::rules
