// Running the rules over the ledger: the wiring between rules/ (pure) and store/.
#include "cli/resolve.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <ostream>
#include <set>

#include "rules/engine.hpp"
#include "rules/trace.hpp"
#include "store/event_store.hpp"
#include "store/resolution_batch.hpp"
#include "store/resolution_store.hpp"

namespace hindsight::cli {

namespace {

// The engine's EventSource over the ledger. The events of a kind are read once (by
// the (kind, date) index) and kept sorted by date, so that each claim's window is a
// binary search instead of a query: one resolve run judges against one snapshot of
// the timeline, and a million claims cost a handful of queries.
class LedgerEvents : public rules::EventSource {
 public:
  explicit LedgerEvents(store::Database& db) : m_events(db) {}
  const std::vector<core::Event>& events_of_kind(const std::string& kind) override {
    auto it = m_by_kind.find(kind);
    if (it == m_by_kind.end()) it = m_by_kind.emplace(kind, m_events.for_rules(kind)).first;
    return it->second;
  }

 private:
  store::EventStore m_events;
  std::map<std::string, std::vector<core::Event>, std::less<>> m_by_kind;
};

const char* change_word(store::ProposalResult r) {
  switch (r) {
    case store::ProposalResult::Added:
      return "new";
    case store::ProposalResult::Unchanged:
      return "unchanged";
    case store::ProposalResult::KeptMark:
      return "kept";
  }
  return "?";
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : " ") + s;
  return out;
}

}  // namespace

std::string summary_line(const ResolveTally& t, core::Date as_of, bool dry_run) {
  return fmt::format(
      "{} {} claim{} as of {}: {} decided ({} {}, {} unchanged, {} kept by a person's mark), "
      "{} pending{}",
      dry_run ? "dry run:" : "resolved", t.claims, t.claims == 1 ? "" : "s",
      core::format_date(as_of), t.decided, t.added, dry_run ? "would be new" : "new", t.unchanged,
      t.kept, t.pending, t.errors ? fmt::format(", {} failed", t.errors) : "");
}

namespace {

// Seconds spent in each phase of a run, for --timings (the clock lives here, in cli/).
class Stopwatch {
 public:
  using Clock = std::chrono::steady_clock;
  // Adds the time since the last lap (or the start) to `phase`.
  void lap(double& phase) {
    auto now = Clock::now();
    phase += std::chrono::duration<double>(now - m_last).count();
    m_last = now;
  }
  double total() const { return std::chrono::duration<double>(Clock::now() - m_start).count(); }

 private:
  Clock::time_point m_start = Clock::now(), m_last = m_start;
};

// Claims are read, judged and recorded this many at a time: one read per batch and
// one write transaction per batch, with memory bounded by the batch.
constexpr std::size_t kBatch = 4096;

void print_claim(Context& ctx, const ResolveRequest& request, const core::Claim& claim,
                 const rules::Verdict& v, const std::string& change, core::ResolutionState state) {
  if (request.json) {
    ctx.out << nlohmann::json{{"claim", claim.id},
                              {"as_of", core::format_date(request.as_of)},
                              {"outcome", v.decided ? nlohmann::json(core::to_string(v.outcome))
                                                    : nlohmann::json()},
                              {"credit", v.credit ? nlohmann::json(*v.credit) : nlohmann::json()},
                              {"evidence", v.evidence},
                              {"by", v.decided ? nlohmann::json(v.by) : nlohmann::json()},
                              {"state", v.decided ? nlohmann::json(core::to_string(state))
                                                  : nlohmann::json()},
                              {"change", change},
                              {"explanation", v.explanation}}
                   .dump()
            << "\n";
  } else if (!request.quiet) {
    ctx.out << fmt::format("{:<16}  {:<12}  {:<9}  {}{}\n", claim.id, rules::describe(v), change,
                           v.decided ? v.by : "",
                           v.evidence.empty() ? "" : "  " + join(v.evidence));
  }
}

}  // namespace

std::optional<ResolveTally> resolve_claims(Context& ctx, store::Database& db,
                                           const ResolveRequest& request) {
  Stopwatch clock;
  ResolveTimings time;
  auto loaded = load_rule_set(ctx, request.rule_paths);
  if (!loaded) return std::nullopt;
  LedgerEvents events(db);
  // The events of the kinds the rules name are read now; a generic rule's kinds
  // (named by each claim's topic) when first needed.
  for (const auto& rule : loaded->set.rules())
    for (const auto& sel : rule.selections)
      if (!sel.kind_from_topic()) events.events_of_kind(sel.kind);
  rules::Engine engine(loaded->set, events);
  // Every claim not rejected, in id order; the engine skips those no rule judges
  // (found through the topic index, and compound claims by their parts' topics).
  store::ClaimsForRules reader(db);
  store::VerdictRecorder recorder(db);
  ResolveTally tally;
  std::vector<core::Claim> claims;
  std::vector<std::optional<rules::Verdict>> verdicts;
  std::vector<core::Resolution> decided;
  std::vector<const rules::Verdict*> decided_verdict;
  clock.lap(time.load);
  while (reader.next(kBatch, claims)) {
    clock.lap(time.load);
    verdicts.clear();
    verdicts.reserve(claims.size());
    for (const auto& claim : claims) {
      auto verdict = engine.resolve(claim, request.as_of);
      if (!verdict) {
        ++tally.errors;
        ctx.err << "hindsight: error: claim " << claim.id << ": " << verdict.error().to_string()
                << "\n";
        verdicts.emplace_back();
        continue;
      }
      if (verdict->judged()) ++time.evaluations;
      verdicts.emplace_back(std::move(*verdict));
    }
    clock.lap(time.evaluate);
    decided.clear();
    decided_verdict.clear();
    for (std::size_t i = 0; i < claims.size(); ++i) {
      const auto& v = verdicts[i];
      if (!v || !v->judged() || !v->decided) continue;
      core::Resolution r;
      r.claim = claims[i].id;
      r.outcome = v->outcome;
      r.credit = v->credit;
      r.as_of = request.as_of;
      r.by = v->by;
      r.evidence = v->evidence;
      r.note = v->explanation;
      bool confirm = request.confirm || v->confirm == rules::ConfirmPolicy::Auto;
      r.state = confirm ? core::ResolutionState::Confirmed : core::ResolutionState::Proposed;
      r.recorded_at = ctx.now;
      decided.push_back(std::move(r));
      decided_verdict.push_back(&*v);
    }
    // The trace is serialized only for the verdicts appended.
    auto results = recorder.record(decided, request.dry_run, [&](std::size_t i) {
      return rules::trace_json_text(decided_verdict[i]->trace);
    });
    clock.lap(time.write);
    std::size_t next = 0;
    for (std::size_t i = 0; i < claims.size(); ++i) {
      const auto& v = verdicts[i];
      if (!v || !v->judged()) continue;
      ++tally.claims;
      std::string change = "pending";
      core::ResolutionState state = core::ResolutionState::Proposed;
      if (v->decided) {
        ++tally.decided;
        state = decided[next].state;
        auto result = results[next++];
        change = change_word(result);
        ++(result == store::ProposalResult::Added       ? tally.added
           : result == store::ProposalResult::Unchanged ? tally.unchanged
                                                        : tally.kept);
      } else {
        ++tally.pending;
      }
      print_claim(ctx, request, claims[i], *v, change, state);
    }
    clock.lap(time.output);
  }
  clock.lap(time.load);
  time.total = clock.total();
  tally.timings = time;
  return tally;
}

std::string timings_line(const ResolveTimings& t) {
  return fmt::format(
      "timings: load {:.3f} s, evaluate {:.3f} s ({} evaluations), write {:.3f} s, "
      "total {:.3f} s",
      t.load, t.evaluate, t.evaluations, t.write, t.total);
}

}  // namespace hindsight::cli
