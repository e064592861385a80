// The machine-readable scorecards: JSON and CSV, plus the small shared helpers.
#include <fmt/format.h>

#include "report/escape.hpp"
#include "report/scorecard.hpp"

namespace hindsight::report {

using nlohmann::json;

const char* to_string(Format f) {
  switch (f) {
    case Format::Text:
      return "text";
    case Format::Markdown:
      return "md";
    case Format::Html:
      return "html";
    case Format::Json:
      return "json";
    case Format::Csv:
      return "csv";
  }
  return "?";
}

std::optional<Format> format_from_string(std::string_view s) {
  for (auto f : {Format::Text, Format::Markdown, Format::Html, Format::Json, Format::Csv})
    if (s == to_string(f)) return f;
  if (s == "markdown") return Format::Markdown;
  return std::nullopt;
}

std::string fixed3(const std::optional<double>& x) {
  return x ? fmt::format("{:.3f}", *x) : "–";
}

std::string percent(const std::optional<double>& x) {
  return x ? fmt::format("{:.0f}%", *x * 100) : "–";
}

std::string percent_interval(const std::optional<score::Interval>& ci) {
  return ci ? fmt::format("{:.0f}–{:.0f}%", ci->low * 100, ci->high * 100) : "–";
}

namespace {

json number(const std::optional<double>& x) {
  return x ? json(*x) : json(nullptr);
}

json interval(const std::optional<score::Interval>& ci) {
  return ci ? json::array({ci->low, ci->high}) : json(nullptr);
}

json group_json(const score::GroupScore& g) {
  const auto& t = g.tally;
  return json{{"key", g.key},
              {"n", t.scored},
              {"predictions", t.predictions},
              {"resolved", t.resolved},
              {"brier", number(g.brier)},
              {"log", number(g.log)},
              {"brier_skill", number(g.brier_skill)},
              {"hit_rate", number(g.hits.rate)},
              {"hit_rate_ci", interval(g.hits.ci)},
              {"hits", g.hits.hits},
              {"calls", g.hits.calls},
              {"no_call", g.hits.no_call},
              {"open", t.open},
              {"overdue", t.overdue},
              {"void", t.void_count},
              {"ambiguous", t.ambiguous},
              {"unscored", t.unscored},
              {"too_small", g.too_small},
              {"rank", g.rank ? json(*g.rank) : json(nullptr)}};
}

json open_json(const score::OpenPrediction& o) {
  return json{{"claim", o.claim},
              {"speaker", o.speaker},
              {"text", o.text},
              {"outlet", o.outlet},
              {"title", o.title},
              {"stated_on", core::format_date(o.stated_on)},
              {"probability", number(o.probability)},
              {"deadline_end", o.deadline_end ? json(core::format_date(*o.deadline_end)) : json()},
              {"deadline_phrase", o.deadline_phrase},
              {"overdue", o.overdue}};
}

std::vector<std::string> csv_group(const score::GroupScore& g) {
  const auto& t = g.tally;
  auto ci = g.hits.ci;
  return {csv_text(g.key),
          std::to_string(t.scored),
          std::to_string(t.predictions),
          std::to_string(t.resolved),
          csv_number(g.brier),
          csv_number(g.log),
          csv_number(g.brier_skill),
          csv_number(g.hits.rate),
          csv_number(ci ? std::optional(ci->low) : std::nullopt),
          csv_number(ci ? std::optional(ci->high) : std::nullopt),
          std::to_string(t.open),
          std::to_string(t.overdue),
          std::to_string(t.void_count),
          std::to_string(t.ambiguous),
          std::to_string(t.unscored),
          g.too_small ? "true" : "false",
          g.rank ? std::to_string(*g.rank) : ""};
}

}  // namespace

json scorecard_to_json(const score::Scorecard& card) {
  json groups = json::array();
  for (const auto& g : card.groups) groups.push_back(group_json(g));
  json bins = json::array();
  for (const auto& b : card.calibration) {
    bins.push_back(json{{"low", b.low},
                        {"high", b.high},
                        {"n", b.n},
                        {"mean_forecast", number(b.mean_forecast)},
                        {"observed", number(b.observed)},
                        {"observed_ci", interval(b.observed_ci)}});
  }
  json murphy = nullptr;
  if (card.murphy) {
    murphy = json{{"reliability", card.murphy->reliability},
                  {"resolution", card.murphy->resolution},
                  {"uncertainty", card.murphy->uncertainty},
                  {"brier", card.murphy->brier}};
  }
  json open = json::array();
  for (const auto& o : card.open) open.push_back(open_json(o));
  return json{{"as_of", core::format_date(card.options.as_of)},
              {"by", score::to_string(card.options.by)},
              {"include_quoted", card.options.include_quoted},
              {"min_n", card.options.min_n},
              {"overall", group_json(card.overall)},
              {"groups", groups},
              {"calibration", bins},
              {"murphy", murphy},
              {"open_limit", card.options.open_limit},
              {"open", open}};
}

std::string scorecard_csv(const score::Scorecard& card) {
  std::string out =
      csv_row({csv_text(score::to_string(card.options.by)), "n", "predictions", "resolved", "brier",
               "log", "brier_skill", "hit_rate", "hit_rate_low", "hit_rate_high", "open", "overdue",
               "void", "ambiguous", "unscored", "too_small", "rank"});
  for (const auto& g : card.groups) out += csv_row(csv_group(g));
  out += csv_row(csv_group(card.overall));
  return out;
}

std::string render_scorecard(const score::Scorecard& card, Format format) {
  switch (format) {
    case Format::Text:
      return scorecard_text(card);
    case Format::Markdown:
      return scorecard_markdown(card);
    case Format::Html:
      return scorecard_html(card);
    case Format::Json:
      return scorecard_to_json(card).dump(2) + "\n";
    case Format::Csv:
      return scorecard_csv(card);
  }
  return {};
}

}  // namespace hindsight::report
