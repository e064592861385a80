// Checks that two scorecards say exactly the same thing: every group's tally and
// scores (doubles compared exactly, to the last bit), the calibration, Murphy and the
// open list. Shared by the tests of the lean scorecard path.
#pragma once

#include <doctest/doctest.h>

#include "score/scorecard.hpp"

namespace scorecard_compare {

inline void check_group(const hindsight::score::GroupScore& a,
                        const hindsight::score::GroupScore& b) {
  CAPTURE(a.key);
  CHECK(a.key == b.key);
  CHECK(a.tally.predictions == b.tally.predictions);
  CHECK(a.tally.resolved == b.tally.resolved);
  CHECK(a.tally.scored == b.tally.scored);
  CHECK(a.tally.unscored == b.tally.unscored);
  CHECK(a.tally.void_count == b.tally.void_count);
  CHECK(a.tally.ambiguous == b.tally.ambiguous);
  CHECK(a.tally.open == b.tally.open);
  CHECK(a.tally.overdue == b.tally.overdue);
  CHECK(a.brier == b.brier);
  CHECK(a.log == b.log);
  CHECK(a.brier_skill == b.brier_skill);
  CHECK(a.hits.hits == b.hits.hits);
  CHECK(a.hits.calls == b.hits.calls);
  CHECK(a.hits.no_call == b.hits.no_call);
  CHECK(a.hits.rate == b.hits.rate);
  CHECK(a.hits.ci == b.hits.ci);
  CHECK(a.too_small == b.too_small);
  CHECK(a.rank == b.rank);
}

// `lean` against `reference`, whose open list is cut to lean's limit first.
inline void check_same(const hindsight::score::Scorecard& lean,
                       const hindsight::score::Scorecard& reference) {
  check_group(lean.overall, reference.overall);
  REQUIRE(lean.groups.size() == reference.groups.size());
  for (std::size_t i = 0; i < lean.groups.size(); ++i)
    check_group(lean.groups[i], reference.groups[i]);
  REQUIRE(lean.calibration.size() == reference.calibration.size());
  for (std::size_t i = 0; i < lean.calibration.size(); ++i) {
    const auto& a = lean.calibration[i];
    const auto& b = reference.calibration[i];
    CAPTURE(i);
    CHECK(a.low == b.low);
    CHECK(a.high == b.high);
    CHECK(a.n == b.n);
    CHECK(a.mean_forecast == b.mean_forecast);
    CHECK(a.observed == b.observed);
    CHECK(a.observed_ci == b.observed_ci);
  }
  REQUIRE(lean.murphy.has_value() == reference.murphy.has_value());
  if (lean.murphy) {
    CHECK(lean.murphy->reliability == reference.murphy->reliability);
    CHECK(lean.murphy->resolution == reference.murphy->resolution);
    CHECK(lean.murphy->uncertainty == reference.murphy->uncertainty);
    CHECK(lean.murphy->brier == reference.murphy->brier);
  }
  REQUIRE(lean.open.size() == reference.open.size());
  for (std::size_t i = 0; i < lean.open.size(); ++i) {
    const auto& a = lean.open[i];
    const auto& b = reference.open[i];
    CAPTURE(a.claim);
    CHECK(a.claim == b.claim);
    CHECK(a.speaker == b.speaker);
    CHECK(a.text == b.text);
    CHECK(a.outlet == b.outlet);
    CHECK(a.title == b.title);
    CHECK(a.stated_on == b.stated_on);
    CHECK(a.probability == b.probability);
    CHECK(a.deadline_end == b.deadline_end);
    CHECK(a.deadline_phrase == b.deadline_phrase);
    CHECK(a.overdue == b.overdue);
  }
}

}  // namespace scorecard_compare
