#include "score/metrics.hpp"

#include <algorithm>
#include <cmath>

namespace hindsight::score {

double brier(const Forecast& f) {
  double d = f.p - f.o;
  return d * d;
}

double log_loss(const Forecast& f) {
  double p = std::clamp(f.p, kLogClamp, 1.0 - kLogClamp);
  return -(f.o * std::log(p) + (1.0 - f.o) * std::log(1.0 - p));
}

namespace {

template <class F>
std::optional<double> mean_of(std::span<const Forecast> fs, F score) {
  if (fs.empty()) return std::nullopt;
  double sum = 0;
  for (const auto& f : fs) sum += score(f);
  return sum / static_cast<double>(fs.size());
}

}  // namespace

std::optional<double> mean_brier(std::span<const Forecast> fs) {
  return mean_of(fs, [](const Forecast& f) { return brier(f); });
}

std::optional<double> mean_log_loss(std::span<const Forecast> fs) {
  return mean_of(fs, [](const Forecast& f) { return log_loss(f); });
}

std::optional<double> brier_skill(std::span<const Forecast> fs) {
  auto bs = mean_brier(fs);
  auto ref = mean_of(fs, [](const Forecast& f) { return brier(Forecast{0.5, f.o}); });
  if (!bs || !ref || *ref == 0.0) return std::nullopt;
  return 1.0 - *bs / *ref;
}

std::optional<Interval> wilson_interval(double successes, double n, double z) {
  if (n <= 0) return std::nullopt;
  double phat = successes / n;
  double z2 = z * z;
  double denom = 1.0 + z2 / n;
  double center = (phat + z2 / (2.0 * n)) / denom;
  double half = z / denom * std::sqrt(phat * (1.0 - phat) / n + z2 / (4.0 * n * n));
  // Rounding can push a bound a hair outside [0, 1] when phat is 0 or 1.
  return Interval{std::max(0.0, center - half), std::min(1.0, center + half)};
}

Side side_of(double x) {
  if (x > 0.5) return Side::Yes;
  if (x < 0.5) return Side::No;
  return Side::None;
}

HitRate hit_rate(std::span<const Forecast> fs) {
  HitRate r;
  for (const auto& f : fs) {
    Side said = side_of(f.p);
    Side came = side_of(f.o);
    if (said == Side::None || came == Side::None) {
      ++r.no_call;
      continue;
    }
    ++r.calls;
    if (said == came) ++r.hits;
  }
  if (r.calls > 0) {
    r.rate = static_cast<double>(r.hits) / r.calls;
    r.ci = wilson_interval(r.hits, r.calls);
  }
  return r;
}

}  // namespace hindsight::score
