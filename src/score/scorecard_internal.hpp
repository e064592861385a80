// Shared by build_scorecard and ScorecardBuilder, so that both rank groups and order
// open predictions the same way; not for use outside score/.
#pragma once

#include <vector>

#include "score/scorecard.hpp"

namespace hindsight::score::detail {

// Orders groups: the rankable ones (not too small, with a Brier score) by Brier, then
// the rest by n (larger first); ties by key. Sets the ranks.
void rank(std::vector<GroupScore>& groups);

// The order of the open list: deadline end (none last), then stated_on, then claim id.
bool open_before(const OpenPrediction& a, const OpenPrediction& b);

// Fills the scores of `g` (Brier, log, skill, hit rate, too_small) from its scored
// forecasts, in the order given.
void score_group(GroupScore& g, const std::vector<Forecast>& forecasts,
                 const ScorecardOptions& options);

}  // namespace hindsight::score::detail
