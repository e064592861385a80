// One rule applied to one claim as of a date: the window, the selections (matched
// and rejected events, each with its reason) and the first clause that holds.
// Internal to src/rules/ — the Engine is the interface.
#pragma once

#include "rules/engine.hpp"

namespace hindsight::rules {

// Runs `rule` on `claim` into `run` (its trace and, in run.result, its outcome).
// `topic` is the claim topic that found the rule (it gives the event kind of a
// generic rule's `kind: "*"` selections). The run is undecided when no clause holds.
core::Status run_rule(const Rule& rule, const std::string& topic, const core::Claim& claim,
                      core::Date as_of, SelectionCache& cache, const EngineOptions& options,
                      RunTrace& run);

// The end of the claim's deadline, or stated_on + `horizon` when the text gave no
// deadline (basis default or none); `defaulted` tells which.
core::Date effective_deadline_end(const core::Claim& claim, const Duration& horizon,
                                  bool& defaulted);

}  // namespace hindsight::rules
