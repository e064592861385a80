// Calibration: how often predictions made with a given confidence came true, per
// probability bin, and the Murphy (1973) decomposition of the Brier score over the
// same bins. See docs/scores.md.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "score/metrics.hpp"

namespace hindsight::score {

// The default number of equal-width bins over [0, 1].
inline constexpr int kDefaultBins = 10;

// One probability bin [low, high) — the last bin is closed, [0.9, 1.0].
struct CalibrationBin {
  double low = 0;
  double high = 0;
  int n = 0;                            // forecasts whose p falls in the bin
  std::optional<double> mean_forecast;  // mean p; nullopt when n is 0
  std::optional<double> observed;       // mean o (observed frequency); nullopt when n is 0
  std::optional<Interval> observed_ci;  // Wilson 95% interval of `observed`
};

// The index of the bin that holds p among `bins` equal bins (p is clamped to [0, 1];
// p = 1 falls in the last bin).
int bin_index(double p, int bins = kDefaultBins);

// Every bin of [0, 1] (empty ones included, so that a table or chart has a fixed
// shape), with the forecasts of `fs` sorted into them. `bins` must be ≥ 1.
std::vector<CalibrationBin> calibration(std::span<const Forecast> fs, int bins = kDefaultBins);

// Murphy's decomposition, BS ≈ REL − RES + UNC, over calibration bins:
//   REL = Σₖ nₖ (f̄ₖ − ōₖ)² / N   reliability (lower is better)
//   RES = Σₖ nₖ (ōₖ − ō)² / N    resolution (higher is better)
//   UNC = ō (1 − ō)              uncertainty of the outcomes themselves
// The identity is exact when outcomes are binary and the forecasts within each bin
// are equal; otherwise `brier − (REL − RES + UNC)` is the within-bin remainder.
struct Murphy {
  double reliability = 0;
  double resolution = 0;
  double uncertainty = 0;
  double brier = 0;  // the mean Brier score of the same forecasts, for comparison
};

// The decomposition of `fs` over `bins` equal bins; nullopt for no forecasts.
std::optional<Murphy> murphy(std::span<const Forecast> fs, int bins = kDefaultBins);

}  // namespace hindsight::score
