#include "score/calibration.hpp"

#include <algorithm>
#include <cmath>

namespace hindsight::score {

int bin_index(double p, int bins) {
  double clamped = std::clamp(p, 0.0, 1.0);
  // A small epsilon keeps 0.3 (stored as 0.29999…) in the bin [0.3, 0.4) where a
  // reader expects it, rather than in [0.2, 0.3).
  auto i = static_cast<int>(std::floor(clamped * bins + 1e-9));
  return std::min(i, bins - 1);
}

std::vector<CalibrationBin> calibration(std::span<const Forecast> fs, int bins) {
  bins = std::max(bins, 1);
  std::vector<CalibrationBin> out(static_cast<std::size_t>(bins));
  std::vector<double> sum_p(out.size(), 0.0), sum_o(out.size(), 0.0);
  for (std::size_t k = 0; k < out.size(); ++k) {
    out[k].low = static_cast<double>(k) / bins;
    out[k].high = static_cast<double>(k + 1) / bins;
  }
  for (const auto& f : fs) {
    auto k = static_cast<std::size_t>(bin_index(f.p, bins));
    ++out[k].n;
    sum_p[k] += f.p;
    sum_o[k] += f.o;
  }
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (out[k].n == 0) continue;
    double n = out[k].n;
    out[k].mean_forecast = sum_p[k] / n;
    out[k].observed = sum_o[k] / n;
    out[k].observed_ci = wilson_interval(sum_o[k], n);
  }
  return out;
}

std::optional<Murphy> murphy(std::span<const Forecast> fs, int bins) {
  if (fs.empty()) return std::nullopt;
  double total = static_cast<double>(fs.size());
  double obar = 0;
  for (const auto& f : fs) obar += f.o;
  obar /= total;
  Murphy m;
  for (const auto& b : calibration(fs, bins)) {
    if (b.n == 0) continue;
    double rel = *b.mean_forecast - *b.observed;
    double res = *b.observed - obar;
    m.reliability += b.n * rel * rel;
    m.resolution += b.n * res * res;
  }
  m.reliability /= total;
  m.resolution /= total;
  m.uncertainty = obar * (1.0 - obar);
  m.brier = *mean_brier(fs);
  return m;
}

}  // namespace hindsight::score
