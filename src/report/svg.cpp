#include "report/svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/escape.hpp"
#include "report/scorecard.hpp"

namespace hindsight::report {

namespace {

// The calibration plot's square and the histogram strip below it, in SVG units.
constexpr double kLeft = 60, kTop = 20, kSize = 400;
constexpr double kStripTop = 455, kStripHeight = 45;

double px(double p) {
  return kLeft + kSize * p;
}
double py(double o) {
  return kTop + kSize * (1.0 - o);
}

std::string text(double x, double y, std::string_view s, std::string_view attrs = "") {
  return fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" {}>{}</text>", x, y, attrs, html_escape(s));
}

std::string calibration_axes() {
  std::string out;
  out += fmt::format(
      "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#fafbfd\" stroke=\"#c9ceda\"/>",
      kLeft, kTop, kSize, kSize);
  for (int i = 0; i <= 10; i += 2) {
    double v = i / 10.0;
    out += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#eceef3\"/>"
        "<line x1=\"{3}\" y1=\"{4:.1f}\" x2=\"{5}\" y2=\"{4:.1f}\" stroke=\"#eceef3\"/>",
        px(v), kTop, kTop + kSize, kLeft, py(v), kLeft + kSize);
    out += text(px(v), kTop + kSize + 16, fmt::format("{:.1f}", v),
                "text-anchor=\"middle\" font-size=\"11\" fill=\"#5a6275\"");
    out += text(kLeft - 8, py(v) + 4, fmt::format("{:.1f}", v),
                "text-anchor=\"end\" font-size=\"11\" fill=\"#5a6275\"");
  }
  out += fmt::format(
      "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#8a93a8\" "
      "stroke-dasharray=\"5 4\"><title>perfect calibration</title></line>",
      px(0), py(0), px(1), py(1));
  out += text(px(0.5), kStripTop + kStripHeight + 32, "forecast probability p (mean per bin)",
              "text-anchor=\"middle\" font-size=\"12\" fill=\"#1d2330\"");
  out += fmt::format(
      "<text x=\"16\" y=\"{0:.1f}\" transform=\"rotate(-90 16 {0:.1f})\" text-anchor=\"middle\" "
      "font-size=\"12\" fill=\"#1d2330\">observed frequency (came true)</text>",
      py(0.5));
  out += fmt::format(
      "<text x=\"{0:.1f}\" y=\"{1:.1f}\" transform=\"rotate(-45 {0:.1f} {1:.1f})\" "
      "font-size=\"11\" fill=\"#8a93a8\">perfect calibration</text>",
      px(0.12), py(0.09));
  return out;
}

std::string calibration_points(const std::vector<score::CalibrationBin>& bins) {
  std::string out, curve;
  for (const auto& b : bins) {
    if (b.n == 0) continue;
    double x = px(*b.mean_forecast), y = py(*b.observed);
    curve += fmt::format("{:.1f},{:.1f} ", x, y);
    if (b.observed_ci) {
      double lo = py(b.observed_ci->low), hi = py(b.observed_ci->high);
      out += fmt::format(
          "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#2f6fdb\" "
          "stroke-width=\"1.5\"/><line x1=\"{3:.1f}\" y1=\"{1:.1f}\" x2=\"{4:.1f}\" "
          "y2=\"{1:.1f}\" stroke=\"#2f6fdb\"/><line x1=\"{3:.1f}\" y1=\"{2:.1f}\" x2=\"{4:.1f}\" "
          "y2=\"{2:.1f}\" stroke=\"#2f6fdb\"/>",
          x, lo, hi, x - 4, x + 4);
    }
    double r = std::min(4.0 + std::sqrt(static_cast<double>(b.n)), 12.0);
    out += fmt::format(
        "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\" fill=\"#2f6fdb\" fill-opacity=\"0.85\">"
        "<title>{}</title></circle>",
        x, y, r,
        html_escape(fmt::format("p {:.1f}–{:.1f}: n {}, mean p {:.2f}, observed {:.2f}", b.low,
                                b.high, b.n, *b.mean_forecast, *b.observed)));
    out += text(x + r + 3, y - 4, fmt::format("n={}", b.n),
                "font-size=\"11\" fill=\"#1d2330\" font-weight=\"600\"");
  }
  if (!curve.empty()) {
    out =
        fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"#2f6fdb\" stroke-width=\"2\"/>",
                    curve) +
        out;
  }
  return out;
}

std::string histogram(const std::vector<score::CalibrationBin>& bins) {
  int most = 1;
  for (const auto& b : bins) most = std::max(most, b.n);
  std::string out = text(kLeft - 8, kStripTop + kStripHeight - 2, "count",
                         "text-anchor=\"end\" font-size=\"11\" fill=\"#5a6275\"");
  for (const auto& b : bins) {
    double h = kStripHeight * b.n / most;
    double x = px(b.low) + 2, w = kSize * (b.high - b.low) - 4;
    out += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"#b9cdf3\"/>", x,
        kStripTop + kStripHeight - h, w, h);
    out += text(x + w / 2, kStripTop + kStripHeight - h - 3, std::to_string(b.n),
                "text-anchor=\"middle\" font-size=\"10\" fill=\"#5a6275\"");
  }
  return out;
}

}  // namespace

std::string calibration_svg(const score::Scorecard& card) {
  std::string out =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 500 540\" width=\"500\" "
      "height=\"540\" role=\"img\" aria-label=\"calibration curve\">";
  out += calibration_axes();
  out += calibration_points(card.calibration);
  out += histogram(card.calibration);
  if (card.overall.tally.scored == 0)
    out += text(px(0.5), py(0.5), "no scored predictions yet",
                "text-anchor=\"middle\" font-size=\"14\" fill=\"#5a6275\"");
  return out + "</svg>\n";
}

std::string groups_svg(const score::Scorecard& card) {
  constexpr double kLabel = 220, kBar = 360, kRow = 30, kHead = 28;
  const double height = kHead + kRow * static_cast<double>(card.groups.size()) + 10;
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1050 {0:.0f}\" width=\"100%\" "
      "role=\"img\" aria-label=\"hit rate by group\">",
      height);
  for (int i = 0; i <= 4; ++i) {
    double x = kLabel + kBar * i / 4.0;
    out += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#d8dce4\"{3}/>", x,
        kHead - 6, height - 6, i == 2 ? " stroke-dasharray=\"4 3\"" : "");
    out += text(x, kHead - 10, fmt::format("{}%", i * 25),
                "text-anchor=\"middle\" font-size=\"11\" fill=\"#5a6275\"");
  }
  double y = kHead;
  for (const auto& g : card.groups) {
    double mid = y + kRow / 2;
    const char* fill = g.too_small ? "#c9d6ee" : "#2f6fdb";
    out += fmt::format("<g><title>{}</title>", html_escape(g.key));
    out += text(kLabel - 10, mid + 4, truncate(g.key, 32),
                "text-anchor=\"end\" font-size=\"12\" fill=\"#1d2330\"");
    if (g.hits.rate) {
      out += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"/>",
          kLabel, y + 7, kBar * *g.hits.rate, kRow - 14, fill);
      double lo = kLabel + kBar * g.hits.ci->low, hi = kLabel + kBar * g.hits.ci->high;
      out += fmt::format(
          "<line x1=\"{0:.1f}\" y1=\"{2:.1f}\" x2=\"{1:.1f}\" y2=\"{2:.1f}\" stroke=\"#1d2330\" "
          "stroke-width=\"1.5\"/><line x1=\"{0:.1f}\" y1=\"{3:.1f}\" x2=\"{0:.1f}\" "
          "y2=\"{4:.1f}\" stroke=\"#1d2330\"/><line x1=\"{1:.1f}\" y1=\"{3:.1f}\" x2=\"{1:.1f}\" "
          "y2=\"{4:.1f}\" stroke=\"#1d2330\"/>",
          lo, hi, mid, mid - 5, mid + 5);
    }
    std::string note = g.tally.scored > 0
                           ? fmt::format("{} {} · n {} · Brier {} · open {}", percent(g.hits.rate),
                                         percent_interval(g.hits.ci), g.tally.scored,
                                         fixed3(g.brier), g.tally.open)
                           : fmt::format("no scored prediction · open {}", g.tally.open);
    if (g.tally.overdue > 0) note += fmt::format(" ({} overdue)", g.tally.overdue);
    if (g.too_small) note += " · too small";
    out += text(kLabel + kBar + 12, mid + 4, note, "font-size=\"12\" fill=\"#1d2330\"");
    out += "</g>";
    y += kRow;
  }
  return out + "</svg>\n";
}

}  // namespace hindsight::report
