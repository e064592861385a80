// A rule's selection of events for one claim: the matched events of its window and
// the rejected ones nearest to it. Internal to src/rules/ (rule_run.cpp calls it).
#pragma once

#include <functional>

#include "rules/engine.hpp"

namespace hindsight::rules {

// The attribute test of a selection applied to one event: held or not, or an
// evaluation error.
using WhereTest = std::function<core::Result<bool>(const core::Event&)>;

// Fills `trace.matched` (every event of the kind overlapping [from, to], known by
// `as_of`, passing the attribute test; date order) and `trace.rejected` (the
// options.nearest_rejected rejected events nearest to the window, among those
// dated within options.near_days of it; the rest counted in rejected_not_shown).
// `trace.selection`, `kind`, `from` and `to` must be set. `test` runs the attribute
// test (cached in `cache` when the test reads only the event).
void select_events(KindCache& cache, core::Date as_of, const EngineOptions& options,
                   const WhereTest& test, SelectionTrace& trace);

}  // namespace hindsight::rules
