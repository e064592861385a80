// The trace of a verdict, kept compact while the engine runs (pointers to the rule
// and events, dates, counts) and serialized once, when it is written or shown. The
// JSON it serializes to is the one docs/rules.md describes ("The trace"); keys come
// out sorted, as nlohmann::json writes them.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/claim.hpp"
#include "core/date.hpp"
#include "core/event.hpp"
#include "core/outcome.hpp"
#include "rules/rule.hpp"

namespace hindsight::rules {

// Why an event of a selection's kind is not among its matched events, in the order
// the engine checks: not known by as_of, the attribute test failed, outside the window.
enum class Rejection : std::uint8_t { Unknown, Attribute, Before, After };

// A rejected event the trace shows.
struct RejectedEvent {
  const core::Event* event = nullptr;
  Rejection code = Rejection::Unknown;
  long days = 0;      // distance to the window (0 when the event overlaps it)
  std::string error;  // why the attribute test could not be evaluated, if so
};

// One selection of a rule run: its window, every matched event, and the rejected
// events nearest to the window (the rest are only counted).
struct SelectionTrace {
  const EventSelection* selection = nullptr;  // name and attribute test
  std::string kind;                           // empty: a generic rule found no kind
  core::Date from, to;
  std::vector<const core::Event*> matched;  // date order (then id)
  std::vector<RejectedEvent> rejected;      // date order (then id)
  std::size_t rejected_not_shown = 0;
};

// The outcome part that runs, single claims and compound claims share.
struct TraceOutcome {
  bool decided = false;
  core::Outcome outcome = core::Outcome::Ambiguous;
  std::optional<double> credit;
  std::vector<std::string> evidence;
  std::string explanation;
};

// One rule applied to one claim.
struct RunTrace {
  const Rule* rule = nullptr;
  std::string topic;  // the claim topic that found the rule
  core::Date deadline_end;
  core::DeadlineBasis basis = core::DeadlineBasis::None;
  std::string phrase;
  bool defaulted = false;  // the default horizon from stated_on applies
  core::Date stated_on;
  core::Date as_of;  // for the "not yet known" reasons
  core::Date window_start, window_end;
  std::vector<SelectionTrace> selections;
  std::size_t clauses_tested = 0;  // clauses evaluated: every one before `fired` did not hold
  std::optional<std::size_t> fired;
  TraceOutcome result;
};

struct PartTrace;

// The whole reasoning about one claim (or one part of a compound claim).
struct Trace {
  std::string claim;                // empty for a part's trace
  std::optional<core::Date> as_of;  // absent for a part's trace
  std::string note;                 // why no rule could judge, or why a compound waits
  bool no_rule = false;             // no candidate rule: `topics` and `note` say why
  std::vector<std::string> topics;
  std::vector<RunTrace> runs;
  std::string decided_by;
  TraceOutcome result;
  // Compound claims only.
  bool compound = false;
  core::Date deadline_end;
  bool deadline_defaulted = false;
  std::vector<PartTrace> parts;
};

// One part of a compound claim.
struct PartTrace {
  std::size_t index = 0;  // from 1
  std::string text;
  std::vector<std::string> topics;
  std::string outcome;     // describe() of the part's verdict
  std::string counted_as;  // set when an undecided part counts as false
  Trace trace;
};

// How many events of a selection the serialized trace lists at most.
struct TraceLimits {
  std::size_t matched = 3;  // the first ones by date, plus every matched event cited as evidence
};

// The trace as JSON text (what `resolutions.trace` stores). Matched events beyond
// the limits are counted in "matched_not_shown". Invalid UTF-8 in a text is
// replaced by U+FFFD.
std::string trace_json_text(const Trace& trace, const TraceLimits& limits = {});

// Appends the JSON text of `trace` to `out` (reuses its capacity).
void append_trace_json(std::string& out, const Trace& trace, const TraceLimits& limits = {});

// The trace as a JSON value (for `explain` and tests).
nlohmann::json trace_json(const Trace& trace, const TraceLimits& limits = {});

}  // namespace hindsight::rules
