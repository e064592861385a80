// Renderers of a score::Scorecard: text for the terminal, Markdown, one
// self-contained HTML page with inline SVG charts, JSON and CSV. Every text that came
// from an article is escaped for its format (report/escape.hpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "score/scorecard.hpp"

namespace hindsight::report {

// The formats of `hindsight scorecard --format`.
enum class Format { Text, Markdown, Html, Json, Csv };

// "text", "md", "html", "json", "csv".
const char* to_string(Format f);
std::optional<Format> format_from_string(std::string_view s);

// The scorecard as one JSON object: {"as_of", "by", "include_quoted", "min_n",
// "overall", "groups": [...], "calibration": [...], "murphy", "open_limit", "open": [...]}
// (open lists at most open_limit predictions, 0: all; overall.open counts them all).
// Each group: key, n (scored), predictions, resolved, brier, log, brier_skill,
// hit_rate, hit_rate_ci ([low, high] or null), hits, calls, no_call, open, overdue,
// void, ambiguous, unscored, too_small, rank. Missing figures are null.
nlohmann::json scorecard_to_json(const score::Scorecard& card);

// Aligned tables for the terminal: groups, calibration, Murphy, open predictions.
std::string scorecard_text(const score::Scorecard& card);

// The same tables in GitHub-flavoured Markdown.
std::string scorecard_markdown(const score::Scorecard& card);

// One CSV table, a row per group and a last row "all" (RFC 4180, CRLF, text cells
// neutralised against formula injection).
std::string scorecard_csv(const score::Scorecard& card);

// One self-contained HTML page (no network: inline CSS and SVG, no script, system
// fonts) with the calibration curve, a bar per group with its Wilson interval, and
// the open and overdue predictions with their deadlines.
std::string scorecard_html(const score::Scorecard& card);

// The scorecard in `format`.
std::string render_scorecard(const score::Scorecard& card, Format format);

// The demo's terminal table, a row per speaker: predictions found, resolved, Brier,
// open (overdue) — then the total.
std::string speaker_summary(const score::Scorecard& card);

// Number formatting shared by the renderers: "0.118", "75%", "30–95%"; "–" for none.
std::string fixed3(const std::optional<double>& x);
std::string percent(const std::optional<double>& x);
std::string percent_interval(const std::optional<score::Interval>& ci);

}  // namespace hindsight::report
