// Proper scores for probability forecasts and the intervals that go with them: pure
// functions over (forecast p, observed o) pairs. o is 1 when a prediction came true,
// 0 when it did not, and the credit of a partial verdict in between. The formulas and
// their references are in docs/scores.md.
#pragma once

#include <optional>
#include <span>
#include <vector>

namespace hindsight::score {

// One scored prediction: the forecast probability p and the observed value o, both
// in [0, 1].
struct Forecast {
  double p = 0;
  double o = 0;
};

// The log score clamps p to [kLogClamp, 1 − kLogClamp] so that a forecast of 0 or 1
// that went wrong costs −ln(0.001) ≈ 6.91 instead of infinity.
inline constexpr double kLogClamp = 0.001;

// The z of a 95% two-sided interval.
inline constexpr double kZ95 = 1.959963984540054;

// Brier score of one forecast: (p − o)². Lower is better; 0 is perfect.
double brier(const Forecast& f);

// Log loss of one forecast: −[o·ln p + (1 − o)·ln(1 − p)] with p clamped (kLogClamp).
// Lower is better; a forecast of 0.5 always costs ln 2 ≈ 0.693.
double log_loss(const Forecast& f);

// Mean Brier score, or nullopt for no forecasts.
std::optional<double> mean_brier(std::span<const Forecast> fs);

// Mean log loss, or nullopt for no forecasts.
std::optional<double> mean_log_loss(std::span<const Forecast> fs);

// Brier skill score against always forecasting 0.5: 1 − BS / BS₀.₅ where BS₀.₅ is
// the mean of (0.5 − o)². 1 is perfect, 0 no better than a coin, negative worse.
// nullopt for no forecasts or when BS₀.₅ is 0 (every o is exactly 0.5).
std::optional<double> brier_skill(std::span<const Forecast> fs);

// A closed interval [low, high] within [0, 1].
struct Interval {
  double low = 0;
  double high = 0;
  bool operator==(const Interval&) const = default;
};

// Wilson score interval (Wilson 1927) for `successes` out of `n` trials at the given
// z (95% by default). `successes` may be fractional (a sum of partial credits).
// nullopt when n is 0.
std::optional<Interval> wilson_interval(double successes, double n, double z = kZ95);

// Which way a forecast or an outcome points: p > 0.5 (or o > 0.5) is Yes, below is
// No, exactly 0.5 is None (no call).
enum class Side { Yes, No, None };

// The side of a probability or observed value.
Side side_of(double x);

// Hits and calls of a set of forecasts. A forecast is a call when both p and o have a
// side; a call is a hit when the sides agree: p = 0.8 that came true and p = 0.2
// that did not are both hits. Forecasts of exactly 0.5, and partial verdicts of
// exactly 0.5 credit, are no calls, counted in `no_call`.
struct HitRate {
  int hits = 0;
  int calls = 0;
  int no_call = 0;
  std::optional<double> rate;  // hits / calls; nullopt without calls
  std::optional<Interval> ci;  // Wilson 95% interval of the rate
};

// Counts the hits of `fs` (see HitRate).
HitRate hit_rate(std::span<const Forecast> fs);

}  // namespace hindsight::score
