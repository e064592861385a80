// The rules engine: the verdict on a claim as of a date, with the trace that shows
// why. Pure — no SQL, no clock: events come through an EventSource that cli/
// implements over the ledger, and `as_of` is an argument. See docs/rules.md.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/claim.hpp"
#include "core/date.hpp"
#include "core/event.hpp"
#include "core/outcome.hpp"
#include "core/result.hpp"
#include "rules/rule.hpp"
#include "rules/trace.hpp"

namespace hindsight::rules {

// Where the engine finds events: by kind only (the ledger's (kind, date) index), so
// that resolving never scans every event; the engine finds a window in them by
// binary search.
class EventSource {
 public:
  virtual ~EventSource() = default;

  // Every event of `kind`, sorted by date, then id. The vector must stay valid and
  // unchanged while the source lives (the engine keeps pointers into it). May throw
  // core::Failure.
  virtual const std::vector<core::Event>& events_of_kind(const std::string& kind) = 0;
};

// Settings of the engine itself (a rule's own settings come from its file).
struct EngineOptions {
  // The horizon and settle time of compound claims and of claims no rule settles.
  Duration default_horizon{12, 0};
  Duration settle{0, 3};
  // How far outside a window events are fetched, to show near misses in the trace.
  long near_days = 366;
  // How many rejected events of a selection the trace keeps, nearest to the window
  // first (the rest are counted).
  std::size_t nearest_rejected = 3;
  // Tests only: classify every fetched event one by one instead of walking out from
  // the window (the plain method the fast one must agree with).
  bool plain_selection = false;
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
  Trace trace;              // the whole reasoning, see docs/rules.md

  // The trace as JSON (what the ledger stores; see trace_json_text for the text).
  nlohmann::json trace_json() const { return rules::trace_json(trace); }
  // Whether some rule judged the claim (false: no rule accepts its topics and kind).
  bool judged() const { return trace.compound || !trace.runs.empty(); }
};

// What the engine keeps between claims about one selection over one kind of event:
// the events (date-sorted, from the EventSource), the longest span among them, and
// the attribute test's result per event when the test reads only the event.
struct KindCache {
  const std::vector<core::Event>* events = nullptr;
  long max_span = 0;              // the most days an event's `end` lies after its date
  bool cacheable = false;         // the attribute test reads no claim field
  std::vector<std::int8_t> held;  // per event: -1 untested, 0 failed, 1 held, 2 error
  std::unordered_map<std::size_t, std::string> errors;  // per event with held == 2
  // When the test is cacheable (or absent) and no event spans days: the indexes of
  // the events known by `as_of` that pass the test (`passed`) and of the others
  // (`failed`), so that a window's matched events are one range found by binary search.
  std::optional<core::Date> as_of;
  std::vector<std::uint32_t> passed, failed;
};

// The KindCaches of one engine.
class SelectionCache {
 public:
  explicit SelectionCache(EventSource& source) : m_source(source) {}

  // The cache of `selection` over events of `kind`, filled on first use.
  KindCache& get(const EventSelection& selection, const std::string& kind);

 private:
  EventSource& m_source;
  std::map<std::pair<const EventSelection*, std::string>, KindCache> m_caches;
  std::map<std::string, long, std::less<>> m_spans;
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
  SelectionCache m_cache;
  EngineOptions m_options;
};

// The outcome of `verdict` as a word ("true", "partial 0.75", "pending").
std::string describe(const Verdict& verdict);

}  // namespace hindsight::rules
