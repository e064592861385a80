// The HTML scorecard: one file that opens anywhere without a network. A Content
// Security Policy forbids every fetch and script, as a second wall behind the
// escaping: even a claim that slipped through unescaped could not run or load.
#include <fmt/format.h>

#include "report/escape.hpp"
#include "report/scorecard.hpp"
#include "report/svg.hpp"

namespace hindsight::report {

namespace {

constexpr std::string_view kStyle = R"css(
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
       sans-serif; color: #1d2330; background: #fff; margin: 2rem auto; max-width: 1100px;
       padding: 0 1.5rem; line-height: 1.45; }
h1 { font-size: 1.7rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid #d8dce4; }
.meta { color: #5a6275; margin-top: 0; }
.figures { display: flex; flex-wrap: wrap; gap: 0.8rem; margin: 1.2rem 0; }
.figure { border: 1px solid #d8dce4; border-radius: 6px; padding: 0.5rem 0.9rem; min-width: 7rem; }
.figure b { display: block; font-size: 1.35rem; }
.figure span { color: #5a6275; font-size: 0.85rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #eceef3;
         vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.date { white-space: nowrap; }
tr.small td { color: #7a8194; }
.badge { display: inline-block; padding: 0 0.4rem; border-radius: 4px; font-size: 0.8rem; }
.overdue { background: #fde2e1; color: #9b1c1c; }
.pending { background: #e6effc; color: #1c4a9b; }
.note { color: #5a6275; font-size: 0.85rem; }
svg text { font-family: inherit; }
)css";

std::string figure(std::string_view value, std::string_view label) {
  return fmt::format("<div class=\"figure\"><b>{}</b><span>{}</span></div>", html_escape(value),
                     html_escape(label));
}

std::string figures(const score::Scorecard& card) {
  const auto& g = card.overall;
  const auto& t = g.tally;
  std::string out = "<div class=\"figures\">";
  out += figure(std::to_string(t.predictions), "predictions");
  out += figure(std::to_string(t.scored), "scored (n)");
  out += figure(fixed3(g.brier), "Brier (lower is better)");
  out += figure(fixed3(g.log), "log loss");
  out += figure(fixed3(g.brier_skill), "skill vs. 50%");
  out += figure(percent(g.hits.rate) + " " + percent_interval(g.hits.ci), "hit rate, 95% CI");
  out += figure(std::to_string(t.open), "open");
  out += figure(std::to_string(t.overdue), "overdue");
  out += figure(std::to_string(t.void_count) + " / " + std::to_string(t.ambiguous),
                "void / ambiguous");
  return out + "</div>\n";
}

std::string td(std::string_view text, bool num = false) {
  return fmt::format("<td{}>{}</td>", num ? " class=\"num\"" : "", html_escape(text));
}

std::string groups_table(const score::Scorecard& card) {
  std::string out = fmt::format(
      "<table><thead><tr><th class=\"num\">rank</th><th>{}</th><th class=\"num\">predictions"
      "</th><th class=\"num\">n</th><th class=\"num\">Brier</th><th class=\"num\">log</th>"
      "<th class=\"num\">skill</th><th class=\"num\">hit rate</th><th class=\"num\">95% CI</th>"
      "<th class=\"num\">open</th><th class=\"num\">overdue</th><th class=\"num\">void</th>"
      "<th class=\"num\">ambiguous</th></tr></thead><tbody>\n",
      html_escape(score::to_string(card.options.by)));
  auto row = [&](const score::GroupScore& g, const std::string& rank) {
    const auto& t = g.tally;
    out += g.too_small ? "<tr class=\"small\">" : "<tr>";
    out += td(rank, true) + td(g.key) + td(std::to_string(t.predictions), true) +
           td(std::to_string(t.scored), true) + td(fixed3(g.brier), true) +
           td(fixed3(g.log), true) + td(fixed3(g.brier_skill), true) +
           td(percent(g.hits.rate), true) + td(percent_interval(g.hits.ci), true) +
           td(std::to_string(t.open), true) + td(std::to_string(t.overdue), true) +
           td(std::to_string(t.void_count), true) + td(std::to_string(t.ambiguous), true);
    out += "</tr>\n";
  };
  for (const auto& g : card.groups) row(g, g.rank ? std::to_string(*g.rank) : "–");
  row(card.overall, "");
  return out + "</tbody></table>\n";
}

std::string open_table(const score::Scorecard& card) {
  if (card.open.empty()) return "<p class=\"note\">No open predictions.</p>\n";
  std::string out =
      "<table><thead><tr><th>deadline</th><th>status</th><th>speaker</th>"
      "<th class=\"num\">p</th><th>prediction</th><th>source</th></tr></thead><tbody>\n";
  for (const auto& o : card.open) {
    std::string deadline = o.deadline_end ? core::format_date(*o.deadline_end) : "none";
    std::string status = o.overdue ? "<span class=\"badge overdue\">overdue</span>"
                                   : "<span class=\"badge pending\">pending</span>";
    std::string source = o.outlet + (o.title.empty() ? "" : ", " + o.title);
    out += "<tr><td class=\"date\">" + html_escape(deadline) + "</td><td>" + status + "</td>" +
           td(o.speaker) + td(o.probability ? fmt::format("{:.2f}", *o.probability) : "–", true) +
           "<td>" + html_escape(o.text) +
           (o.deadline_phrase.empty() ? ""
                                      : "<br><span class=\"note\">deadline from “" +
                                            html_escape(o.deadline_phrase) + "”</span>") +
           "</td>" + td(source) + "</tr>\n";
  }
  return out + "</tbody></table>\n";
}

std::string methods(const score::Scorecard& card) {
  return fmt::format(
      "<p class=\"note\">Only predictions count: accepted, edited and candidate ones (rejected "
      "are left out), stated on or before {}. n is the number scored — with a probability and "
      "a true, false or partial verdict; void and ambiguous verdicts are counted, not scored. "
      "Brier = mean (p − o)² with o = 1, 0 or the partial credit (Brier 1950); log loss = mean "
      "−[o ln p + (1 − o) ln(1 − p)] with p clamped to [0.001, 0.999]; skill = 1 − Brier / "
      "Brier of always 50%. A prediction is a hit when p and o fall on the same side of 50% "
      "(p or o exactly 50% is no call); intervals are Wilson 95% (Wilson 1927). Groups with n "
      "&lt; {} are shown, greyed, but not ranked. Calibration bins are tenths of p; the "
      "Murphy decomposition (Murphy 1973) uses the same bins.</p>\n",
      core::format_date(card.options.as_of), card.options.min_n);
}

}  // namespace

std::string scorecard_html(const score::Scorecard& card) {
  std::string by = score::to_string(card.options.by);
  std::string as_of = core::format_date(card.options.as_of);
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<title>hindsight scorecard by {} as of {}</title>\n", html_escape(by), as_of);
  out += "<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
  out += fmt::format("<h1>Prediction scorecard by {}</h1>\n", html_escape(by));
  std::string voice;
  if (card.options.by == score::GroupBy::Outlet)
    voice = card.options.include_quoted ? " · outlets with the claims they quoted"
                                        : " · outlets in their own voice";
  out += fmt::format("<p class=\"meta\">as of {} · groups under n = {} not ranked{}</p>\n", as_of,
                     card.options.min_n, html_escape(voice));
  out += figures(card);
  out += "<h2>Calibration</h2>\n" + calibration_svg(card);
  if (card.murphy) {
    const auto& m = *card.murphy;
    out += fmt::format(
        "<p class=\"note\">Murphy decomposition: reliability {:.3f} − resolution {:.3f} + "
        "uncertainty {:.3f} = {:.3f}; Brier {:.3f}.</p>\n",
        m.reliability, m.resolution, m.uncertainty, m.reliability - m.resolution + m.uncertainty,
        m.brier);
  }
  out += fmt::format("<h2>Hit rate by {}</h2>\n", html_escape(by)) + groups_svg(card);
  out += fmt::format("<h2>Scores by {}</h2>\n", html_escape(by)) + groups_table(card);
  out += fmt::format("<h2>Open and overdue predictions ({} open, {} overdue)</h2>\n",
                     card.overall.tally.open, card.overall.tally.overdue);
  if (static_cast<int>(card.open.size()) < card.overall.tally.open)
    out +=
        fmt::format("<p class=\"note\">The {} with the nearest deadlines.</p>\n", card.open.size());
  out += open_table(card);
  out += "<h2>How to read this</h2>\n" + methods(card);
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace hindsight::report
