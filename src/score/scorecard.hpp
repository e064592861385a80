// A scorecard: the predictions of the ledger grouped by speaker, outlet, topic or
// month, each group with its proper scores, hit rate and counts, plus the
// calibration of all of them and the open predictions. Pure: the caller reads the
// claims (with their verdicts as of `as_of`) and the articles; nothing here reads a
// clock or a file. The rules of what counts are in docs/scores.md.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/claim.hpp"
#include "core/date.hpp"
#include "score/calibration.hpp"
#include "score/metrics.hpp"

namespace hindsight::score {

// What a scorecard groups predictions by.
enum class GroupBy { Speaker, Outlet, Topic, Month };

// "speaker", "outlet", "topic", "month".
const char* to_string(GroupBy by);
std::optional<GroupBy> group_by_from_string(std::string_view s);

// What a scorecard needs to know of an article: the outlet (for --by outlet) and
// what a reader of the open predictions wants to see.
struct ArticleInfo {
  std::string outlet;
  std::string title;
  std::string url;
  std::optional<core::Date> published;
};

// Article id → its info. A claim whose article is missing here has an unknown outlet.
using ArticleIndex = std::map<std::string, ArticleInfo>;

// The group keys used when a claim has no speaker, outlet or topic.
inline constexpr std::string_view kUnknownSpeaker = "(unknown speaker)";
inline constexpr std::string_view kUnknownOutlet = "(unknown outlet)";
inline constexpr std::string_view kNoTopic = "(no topic)";

// How many open predictions a scorecard lists by default.
inline constexpr int kDefaultOpenLimit = 50;

struct ScorecardOptions {
  GroupBy by = GroupBy::Speaker;
  core::Date as_of;             // claims stated later are left out; deadlines compare to it
  bool include_quoted = false;  // --by outlet: also the claims the outlet reported from others
  int min_n = 5;                // groups with fewer scored predictions are not ranked
  int bins = kDefaultBins;      // calibration bins
  // The open predictions listed (nearest deadline first); 0 lists all. A ledger of a
  // million claims has hundreds of thousands open: a reader wants the overdue and the
  // nearest ones, and the tallies keep the full counts (docs/scores.md).
  int open_limit = kDefaultOpenLimit;
};

// The counts of a group. Every counted prediction is exactly one of: scored, unscored
// (a true/false/partial verdict but no probability, or a partial without credit),
// void, ambiguous, or open. `overdue` is the part of `open` whose deadline ended
// before as_of.
struct Tally {
  int predictions = 0;  // counted predictions in the group
  int resolved = 0;     // with a verdict of any kind (scored + unscored + void + ambiguous)
  int scored = 0;       // n: a probability and an observed value
  int unscored = 0;
  int void_count = 0;
  int ambiguous = 0;
  int open = 0;
  int overdue = 0;
};

// One row of a scorecard.
struct GroupScore {
  std::string key;
  Tally tally;
  std::optional<double> brier;        // mean (p − o)²
  std::optional<double> log;          // mean log loss
  std::optional<double> brier_skill;  // against always 0.5
  HitRate hits;
  bool too_small = false;   // scored < min_n: shown, not ranked
  std::optional<int> rank;  // 1 = lowest Brier among the groups large enough to rank
};

// A prediction still waiting for a verdict, for the scorecard's list.
struct OpenPrediction {
  std::string claim;
  std::string speaker;  // the speaker's name, or kUnknownSpeaker
  std::string text;
  std::string outlet;
  std::string title;
  core::Date stated_on;
  std::optional<double> probability;
  std::optional<core::Date> deadline_end;
  std::string deadline_phrase;
  bool overdue = false;
};

struct Scorecard {
  ScorecardOptions options;
  GroupScore overall;              // key "all": every claim in some group, once
  std::vector<GroupScore> groups;  // ranked groups by Brier, then the too-small ones
  std::vector<CalibrationBin> calibration;
  std::optional<Murphy> murphy;
  // The first options.open_limit open predictions by deadline end (none last), then
  // stated_on, id; overall.tally.open counts them all.
  std::vector<OpenPrediction> open;
};

// True when `claim` counts in scorecards as of `as_of`: a prediction, not rejected,
// stated on or before as_of.
bool counts(const core::Claim& claim, const core::Date& as_of);

// The observed value o of the claim's current verdict (core::observed_value), or
// nullopt when it has none, is void or ambiguous.
std::optional<double> observed(const core::Claim& claim);

// The groups `claim` belongs to under `options` (empty when it belongs to none, e.g.
// a quoted claim under --by outlet without include_quoted). Sorted, no duplicates.
std::vector<std::string> group_keys(const core::Claim& claim, const ArticleIndex& articles,
                                    const ScorecardOptions& options);

// Scores `claims` (their outcome/credit fields hold the verdicts as of
// options.as_of) grouped as `options` says.
Scorecard build_scorecard(std::span<const core::Claim> claims, const ArticleIndex& articles,
                          const ScorecardOptions& options);

}  // namespace hindsight::score
