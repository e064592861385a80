// The scorecard as tables: aligned text for the terminal and Markdown. Both are
// built from the same Table values so that they always say the same thing.
#include <fmt/format.h>

#include "report/escape.hpp"
#include "report/scorecard.hpp"
#include "report/table.hpp"

namespace hindsight::report {

namespace {

// The width a claim's text is cut to in the open-predictions table.
constexpr std::size_t kClaimWidth = 72;

std::string count(int n) {
  return std::to_string(n);
}

std::string hits(const score::GroupScore& g) {
  if (!g.hits.rate) return "–";
  return fmt::format("{} ({}/{})", percent(g.hits.rate), g.hits.hits, g.hits.calls);
}

void add_group(Table& t, const score::GroupScore& g, const std::string& rank) {
  const auto& n = g.tally;
  t.add({rank, g.key, count(n.predictions), count(n.scored), fixed3(g.brier), fixed3(g.log),
         fixed3(g.brier_skill), hits(g), percent_interval(g.hits.ci), count(n.open),
         count(n.overdue), count(n.void_count), count(n.ambiguous),
         g.too_small ? "too small to rank" : ""});
}

Table groups_table(const score::Scorecard& card) {
  Table t({{"rank", true},
           {score::to_string(card.options.by)},
           {"predictions", true},
           {"n", true},
           {"Brier", true},
           {"log", true},
           {"skill", true},
           {"hit rate", true},
           {"95% CI", true},
           {"open", true},
           {"overdue", true},
           {"void", true},
           {"ambiguous", true},
           {"note"}});
  for (const auto& g : card.groups) add_group(t, g, g.rank ? count(*g.rank) : "–");
  add_group(t, card.overall, "");
  return t;
}

Table calibration_table(const score::Scorecard& card) {
  Table t({{"forecast"}, {"n", true}, {"mean p", true}, {"observed", true}, {"95% CI", true}});
  for (const auto& b : card.calibration) {
    t.add({fmt::format("{:.1f}–{:.1f}", b.low, b.high), count(b.n), fixed3(b.mean_forecast),
           fixed3(b.observed), percent_interval(b.observed_ci)});
  }
  return t;
}

Table open_table(const score::Scorecard& card) {
  Table t({{"deadline"}, {"overdue"}, {"speaker"}, {"p", true}, {"claim"}});
  for (const auto& o : card.open) {
    t.add({o.deadline_end ? core::format_date(*o.deadline_end) : "none", o.overdue ? "yes" : "",
           o.speaker, o.probability ? fmt::format("{:.2f}", *o.probability) : "–",
           truncate(o.text, kClaimWidth)});
  }
  return t;
}

std::string title(const score::Scorecard& card) {
  return fmt::format("Scorecard by {} as of {}", score::to_string(card.options.by),
                     core::format_date(card.options.as_of));
}

std::string explanation(const score::Scorecard& card) {
  std::string voice;
  if (card.options.by == score::GroupBy::Outlet)
    voice = card.options.include_quoted ? " Outlets include the claims they quoted."
                                        : " Outlets are scored on their own voice only.";
  return fmt::format(
      "n = scored predictions (a probability and a true, false or partial verdict). "
      "Brier and log: lower is better; skill: against always saying 50%. "
      "Groups with n < {} are shown but too small to rank.{}",
      card.options.min_n, voice);
}

std::string murphy_line(const score::Scorecard& card) {
  if (!card.murphy) return "Murphy decomposition: no scored predictions.";
  const auto& m = *card.murphy;
  return fmt::format(
      "Murphy decomposition: reliability {:.3f} − resolution {:.3f} + uncertainty {:.3f} "
      "= {:.3f} (Brier {:.3f})",
      m.reliability, m.resolution, m.uncertainty, m.reliability - m.resolution + m.uncertainty,
      m.brier);
}

std::string open_heading(const score::Scorecard& card) {
  std::string heading = fmt::format("Open predictions: {} ({} overdue)", card.overall.tally.open,
                                    card.overall.tally.overdue);
  if (static_cast<int>(card.open.size()) < card.overall.tally.open)
    heading += fmt::format(", the {} nearest deadlines listed", card.open.size());
  return heading;
}

}  // namespace

std::string scorecard_text(const score::Scorecard& card) {
  std::string out = title(card) + "\n" + explanation(card) + "\n\n";
  out += groups_table(card).text();
  out += "\nCalibration (" + count(card.overall.tally.scored) + " scored predictions)\n";
  out += calibration_table(card).text();
  out += murphy_line(card) + "\n";
  out += "\n" + open_heading(card) + "\n";
  if (!card.open.empty()) out += open_table(card).text();
  return out;
}

std::string scorecard_markdown(const score::Scorecard& card) {
  std::string out = "# " + markdown_escape(title(card)) + "\n\n";
  out += markdown_escape(explanation(card)) + "\n\n";
  out += groups_table(card).markdown();
  out += "\n## Calibration\n\n" + calibration_table(card).markdown();
  out += "\n" + markdown_escape(murphy_line(card)) + "\n";
  out += "\n## " + markdown_escape(open_heading(card)) + "\n\n";
  if (!card.open.empty()) out += open_table(card).markdown();
  return out;
}

std::string speaker_summary(const score::Scorecard& card) {
  Table t({{"speaker"}, {"found", true}, {"resolved", true}, {"Brier", true}, {"open"}});
  auto row = [&](const score::GroupScore& g) {
    std::string open = count(g.tally.open);
    if (g.tally.overdue > 0) open += fmt::format(" ({} overdue)", g.tally.overdue);
    t.add({g.key, count(g.tally.predictions), count(g.tally.resolved), fixed3(g.brier), open});
  };
  for (const auto& g : card.groups) row(g);
  row(card.overall);
  return t.text();
}

}  // namespace hindsight::report
