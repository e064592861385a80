// The rules engine: the verdict on a claim as of a date, with the trace that shows
// why. Pure — no SQL, no clock: events come through an EventSource that cli/
// implements over the ledger, and `as_of` is an argument. See docs/rules.md.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/claim.hpp"
#include "core/date.hpp"
#include "core/event.hpp"
#include "core/outcome.hpp"
#include "core/result.hpp"
#include "rules/rule.hpp"

namespace hindsight::rules {

// Where the engine finds events: by kind and date range only (the ledger's
// (kind, date) index), so that resolving never scans every event.
class EventSource {
 public:
  virtual ~EventSource() = default;

  // The events of `kind` whose date lies in [from, to], in any order. May throw
  // core::Failure.
  virtual std::vector<core::Event> events(const std::string& kind, core::Date from,
                                          core::Date to) = 0;
};

// Settings of the engine itself (a rule's own settings come from its file).
struct EngineOptions {
  // The horizon and settle time of compound claims and of claims no rule settles.
  Duration default_horizon{12, 0};
  Duration settle{0, 3};
  // How far outside a window events are fetched, to show near misses in the trace.
  long near_days = 366;
};

// The engine's answer for one claim.
struct Verdict {
  bool decided = false;  // false: still open (pending)
  core::Outcome outcome = core::Outcome::Ambiguous;
  std::optional<double> credit;       // partial only
  std::vector<std::string> evidence;  // event ids
  std::string by;                     // "rule:ID@VERSION#HASH" (or compound.parts)
  ConfirmPolicy confirm = ConfirmPolicy::Manual;
  std::string explanation;  // one line for people
  nlohmann::json trace;     // the whole reasoning, see docs/rules.md
};

// `d` plus a duration: months first (clamped to a shorter month's end), then days.
core::Date add_duration(const core::Date& d, const Duration& duration);

class Engine {
 public:
  // Resolves with `rules` (which must outlive the engine) over `events`.
  Engine(const RuleSet& rules, EventSource& events, EngineOptions options = {});

  // The verdict on `claim` as of `as_of`: the first candidate rule (found through
  // the topic index; a compound claim part by part) that decides, or pending.
  // Events count only when known by `as_of`. An error in evaluating a rule (an
  // attribute of the wrong type) is an error value naming the rule.
  core::Result<Verdict> resolve(const core::Claim& claim, core::Date as_of);

  // The candidate rules for `claim` with the topic that found each, in rule order.
  std::vector<std::pair<const Rule*, std::string>> candidates(const core::Claim& claim) const;

 private:
  core::Result<Verdict> resolve_single(const core::Claim& claim, core::Date as_of);
  core::Result<Verdict> resolve_compound(const core::Claim& claim, core::Date as_of);

  const RuleSet& m_rules;
  EventSource& m_events;
  EngineOptions m_options;
};

// The outcome of `verdict` as a word ("true", "partial 0.75", "pending").
std::string describe(const Verdict& verdict);

}  // namespace hindsight::rules
