// Running the rules over the ledger: the wiring between rules/ (pure) and store/.
#include "cli/resolve.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <ostream>
#include <set>

#include "rules/engine.hpp"
#include "store/event_store.hpp"
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
  std::vector<core::Event> events(const std::string& kind, core::Date from,
                                  core::Date to) override {
    auto it = m_by_kind.find(kind);
    if (it == m_by_kind.end()) it = m_by_kind.emplace(kind, m_events.list(kind)).first;
    const auto& all = it->second;
    auto lo = std::lower_bound(all.begin(), all.end(), from,
                               [](const core::Event& e, core::Date d) { return e.date < d; });
    auto hi = std::upper_bound(lo, all.end(), to,
                               [](core::Date d, const core::Event& e) { return d < e.date; });
    return {lo, hi};
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

std::optional<ResolveTally> resolve_claims(Context& ctx, store::Database& db,
                                           const ResolveRequest& request) {
  auto loaded = load_rule_set(ctx, request.rule_paths);
  if (!loaded) return std::nullopt;
  store::ResolutionStore verdicts(db);
  // Candidates by index: the claims of each topic some rule names, and compound
  // claims (judged by their parts' topics) — never every claim against every rule.
  std::set<std::string> ids;
  for (const auto& topic : loaded->set.topics())
    for (auto& id : verdicts.claims_with_topic(topic)) ids.insert(std::move(id));
  for (auto& id : verdicts.compound_claims()) ids.insert(std::move(id));

  LedgerEvents events(db);
  rules::Engine engine(loaded->set, events);
  ResolveTally tally;
  for (const auto& id : ids) {
    auto claim = verdicts.claim_for_rules(id);
    if (!claim) continue;
    auto verdict = engine.resolve(*claim, request.as_of);
    if (!verdict) {
      ++tally.errors;
      ctx.err << "hindsight: error: claim " << id << ": " << verdict.error().to_string() << "\n";
      continue;
    }
    bool judged = verdict->trace.value("compound", false) ||
                  !verdict->trace.value("runs", nlohmann::json::array()).empty();
    if (!judged) continue;  // a topic some rule names, but no rule accepts the claim
    ++tally.claims;
    std::string change = "pending";
    core::Resolution r;
    if (verdict->decided) {
      ++tally.decided;
      r.claim = id;
      r.outcome = verdict->outcome;
      r.credit = verdict->credit;
      r.as_of = request.as_of;
      r.by = verdict->by;
      r.evidence = verdict->evidence;
      r.note = verdict->explanation;
      r.trace = verdict->trace.dump();
      bool confirm = request.confirm || verdict->confirm == rules::ConfirmPolicy::Auto;
      r.state = confirm ? core::ResolutionState::Confirmed : core::ResolutionState::Proposed;
      r.recorded_at = ctx.now;
      auto result = verdicts.propose(r, request.dry_run);
      change = change_word(result);
      ++(result == store::ProposalResult::Added       ? tally.added
         : result == store::ProposalResult::Unchanged ? tally.unchanged
                                                      : tally.kept);
    } else {
      ++tally.pending;
    }
    if (request.json) {
      ctx.out << nlohmann::json{{"claim", id},
                                {"as_of", core::format_date(request.as_of)},
                                {"outcome", verdict->decided
                                                ? nlohmann::json(core::to_string(verdict->outcome))
                                                : nlohmann::json()},
                                {"credit", verdict->credit ? nlohmann::json(*verdict->credit)
                                                           : nlohmann::json()},
                                {"evidence", verdict->evidence},
                                {"by",
                                 verdict->decided ? nlohmann::json(verdict->by) : nlohmann::json()},
                                {"state", verdict->decided
                                              ? nlohmann::json(core::to_string(r.state))
                                              : nlohmann::json()},
                                {"change", change},
                                {"explanation", verdict->explanation}}
                     .dump()
              << "\n";
    } else if (!request.quiet) {
      ctx.out << fmt::format("{:<16}  {:<12}  {:<9}  {}{}\n", id, rules::describe(*verdict), change,
                             verdict->decided ? verdict->by : "",
                             verdict->evidence.empty() ? "" : "  " + join(verdict->evidence));
    }
  }
  return tally;
}

}  // namespace hindsight::cli
