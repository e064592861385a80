// The inline SVG charts of the HTML scorecard. Plain SVG 1.1 drawn by hand: no
// library, no script, every label html_escape'd.
#pragma once

#include <string>

#include "score/scorecard.hpp"

namespace hindsight::report {

// The calibration curve: observed frequency against mean forecast per bin, each
// point with its Wilson interval and count, the diagonal of perfect calibration,
// and the forecast counts per bin as a histogram strip below.
std::string calibration_svg(const score::Scorecard& card);

// A horizontal bar per group: its hit rate with the Wilson interval as a whisker,
// n, Brier and open/overdue counts beside it; too-small groups drawn pale.
std::string groups_svg(const score::Scorecard& card);

}  // namespace hindsight::report
