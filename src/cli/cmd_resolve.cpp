// hindsight resolve, explain CLAIM, mark CLAIM OUTCOME, history CLAIM.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/resolve.hpp"
#include "rules/engine.hpp"
#include "rules/trace_text.hpp"
#include "store/event_store.hpp"
#include "store/resolution_store.hpp"

namespace hindsight::cli {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

bool ledger_exists(Context& ctx) {
  if (ctx.db_path == ":memory:" || fs::exists(ctx.db_path)) return true;
  ctx.err << "hindsight: error: no ledger at " << ctx.db_path
          << " (import articles first: hindsight import PATH)\n";
  return false;
}

// --as-of, or today; nullopt (after a message) when it is not a date.
std::optional<core::Date> as_of_date(Context& ctx, const std::string& text) {
  if (text.empty()) return ctx.today;
  auto d = core::parse_date(text);
  if (!d) ctx.err << "hindsight: usage error: --as-of: " << d.error().message << "\n";
  return d ? std::optional(*d) : std::nullopt;
}

// The claim id that `prefix` names uniquely, or nullopt after a message.
std::optional<std::string> find_claim(Context& ctx, store::ResolutionStore& store,
                                      const std::string& prefix) {
  auto found = store.claims_with_prefix(prefix, 6);
  if (std::find(found.begin(), found.end(), prefix) != found.end()) return prefix;
  if (found.size() == 1) return found[0];
  if (found.empty()) {
    ctx.err << "hindsight: error: no claim '" << prefix << "' (see hindsight claims)\n";
  } else {
    std::string list;
    for (std::size_t i = 0; i < found.size() && i < 5; ++i) list += (i ? ", " : "") + found[i];
    ctx.err << "hindsight: error: '" << prefix << "' matches several claims: " << list
            << (found.size() > 5 ? ", …" : "") << "\n";
  }
  return std::nullopt;
}

std::string verdict_text(const core::Resolution& r) {
  std::string out = core::to_string(r.outcome);
  if (r.credit) out += fmt::format(" {:.4g}", *r.credit);
  return out;
}

json resolution_json(const core::Resolution& r) {
  return {{"type", "resolution"},
          {"claim", r.claim},
          {"outcome", core::to_string(r.outcome)},
          {"credit", r.credit ? json(*r.credit) : json()},
          {"as_of", core::format_date(r.as_of)},
          {"by", r.by},
          {"evidence", r.evidence},
          {"note", r.note},
          {"state", core::to_string(r.state)},
          {"recorded_at", r.recorded_at}};
}

struct ResolveFlags {
  std::string as_of;
  bool dry_run = false, json = false, confirm = false, timings = false;
};

int run_resolve(Context& ctx, const ResolveFlags& f) {
  auto as_of = as_of_date(ctx, f.as_of);
  if (!as_of) return kExitUsage;
  if (!ledger_exists(ctx)) return kExitError;
  store::Database db(ctx.db_path, false);
  ResolveRequest request;
  request.as_of = *as_of;
  request.dry_run = f.dry_run;
  request.json = f.json;
  request.confirm = f.confirm;
  auto tally = resolve_claims(ctx, db, request);
  if (!tally) return kExitError;
  ctx.err << summary_line(*tally, *as_of, f.dry_run) << "\n";
  if (f.timings) ctx.err << timings_line(tally->timings) << "\n";
  return tally->errors ? kExitError : kExitOk;
}

struct ExplainFlags {
  std::string claim, as_of;
  bool json = false;
};

int run_explain(Context& ctx, const ExplainFlags& f) {
  auto as_of = as_of_date(ctx, f.as_of);
  if (!as_of) return kExitUsage;
  if (!ledger_exists(ctx)) return kExitError;
  store::Database db(ctx.db_path, false);
  store::ResolutionStore verdicts(db);
  auto id = find_claim(ctx, verdicts, f.claim);
  if (!id) return kExitError;
  auto claim = verdicts.claim_for_rules(*id);
  auto loaded = load_rule_set(ctx, {});
  if (!loaded) return kExitError;
  store::EventStore event_store(db);
  // The events of each kind the rules ask for, read once.
  struct Source : rules::EventSource {
    explicit Source(store::EventStore& s) : store(s) {}
    const std::vector<core::Event>& events_of_kind(const std::string& kind) override {
      auto it = by_kind.find(kind);
      if (it == by_kind.end()) it = by_kind.emplace(kind, store.list(kind)).first;
      return it->second;
    }
    store::EventStore& store;
    std::map<std::string, std::vector<core::Event>> by_kind;
  } source(event_store);
  rules::Engine engine(loaded->set, source);
  auto verdict = engine.resolve(*claim, *as_of);
  if (!verdict) {
    ctx.err << "hindsight: error: " << verdict.error().to_string() << "\n";
    return kExitError;
  }
  auto current = verdicts.current(*id);
  if (f.json) {
    json out = verdict->trace_json();
    out["recorded"] = current ? resolution_json(*current) : json();
    ctx.out << out.dump() << "\n";
    return kExitOk;
  }
  ctx.out << fmt::format("claim {}: \"{}\"\n", *id, claim->text);
  std::string topics;
  for (const auto& t : claim->topics) topics += (topics.empty() ? "" : ", ") + t;
  ctx.out << fmt::format("  stated {} by {}; topics: {}\n", core::format_date(claim->stated_on),
                         claim->speaker ? claim->speaker->name : "(unknown)",
                         topics.empty() ? "(none)" : topics);
  if (claim->condition) ctx.out << "  condition: " << *claim->condition << "\n";
  ctx.out << fmt::format("as of {}: {}{}\n", core::format_date(*as_of), rules::describe(*verdict),
                         verdict->explanation.empty() ? "" : " — " + verdict->explanation);
  if (verdict->decided) {
    std::string evidence;
    for (const auto& e : verdict->evidence) evidence += (evidence.empty() ? "" : ", ") + e;
    ctx.out << fmt::format("  by {}; evidence: {}\n", verdict->by,
                           evidence.empty() ? "(none)" : evidence);
  }
  ctx.out << rules::trace_to_text(verdict->trace_json(), 2);
  ctx.out << (current ? fmt::format("recorded verdict: {} ({}, by {}, as of {})\n",
                                    verdict_text(*current), core::to_string(current->state),
                                    current->by, core::format_date(current->as_of))
                      : std::string("recorded verdict: none yet\n"));
  return kExitOk;
}

struct MarkFlags {
  std::string claim, outcome, by, note, as_of;
  std::vector<std::string> evidence;
  double credit = -1;
};

int run_mark(Context& ctx, const MarkFlags& f) {
  auto outcome = core::outcome_from_string(f.outcome);
  if (!outcome) {
    ctx.err << "hindsight: usage error: outcome '" << f.outcome
            << "' is not one of true, false, partial, void, ambiguous\n";
    return kExitUsage;
  }
  bool has_credit = f.credit >= 0;
  if (*outcome == core::Outcome::Partial && (!has_credit || f.credit > 1)) {
    ctx.err << "hindsight: usage error: a partial verdict needs --credit from 0 to 1\n";
    return kExitUsage;
  }
  if (*outcome != core::Outcome::Partial && has_credit) {
    ctx.err << "hindsight: usage error: --credit belongs to a partial verdict only\n";
    return kExitUsage;
  }
  auto as_of = as_of_date(ctx, f.as_of);
  if (!as_of) return kExitUsage;
  if (!ledger_exists(ctx)) return kExitError;
  store::Database db(ctx.db_path, false);
  store::ResolutionStore verdicts(db);
  auto id = find_claim(ctx, verdicts, f.claim);
  if (!id) return kExitError;
  store::EventStore events(db);
  for (const auto& e : f.evidence) {
    if (!events.get(e)) {
      ctx.err << "hindsight: error: --evidence: no event '" << e << "' (see hindsight events)\n";
      return kExitError;
    }
  }
  core::Resolution r;
  r.claim = *id;
  r.outcome = *outcome;
  if (has_credit) r.credit = f.credit;
  r.as_of = *as_of;
  r.by = f.by;
  r.evidence = f.evidence;
  r.note = f.note;
  r.trace = json{{"marked_by", f.by}}.dump();
  r.state = core::ResolutionState::Confirmed;
  r.recorded_at = ctx.now;
  verdicts.append(r);
  ctx.err << fmt::format("marked {} {} by {}\n", *id, verdict_text(r), f.by);
  return kExitOk;
}

int run_history(Context& ctx, const std::string& prefix, bool as_json) {
  if (!ledger_exists(ctx)) return kExitError;
  store::Database db(ctx.db_path, false);
  store::ResolutionStore verdicts(db);
  auto id = find_claim(ctx, verdicts, prefix);
  if (!id) return kExitError;
  // Reviews and verdicts interleaved by when they were recorded (ISO text sorts).
  std::vector<std::pair<std::string, json>> entries;
  for (const auto& r : verdicts.reviews(*id)) {
    entries.emplace_back(r.at, json{{"type", "review"},
                                    {"claim", r.claim},
                                    {"action", r.action},
                                    {"by", r.by},
                                    {"at", r.at},
                                    {"changes", json::parse(r.changes, nullptr, false)}});
  }
  for (const auto& r : verdicts.history(*id))
    entries.emplace_back(r.recorded_at, resolution_json(r));
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [at, e] : entries) {
    if (as_json) {
      ctx.out << e.dump() << "\n";
    } else if (e["type"] == "review") {
      ctx.out << fmt::format("{}  review   {:<12} by {}{}\n", at, e["action"].get<std::string>(),
                             e["by"].get<std::string>(),
                             e["changes"].empty() ? "" : "  " + e["changes"].dump());
    } else {
      std::string evidence;
      for (const auto& x : e["evidence"])
        evidence += (evidence.empty() ? "" : ", ") + x.get<std::string>();
      ctx.out << fmt::format("{}  verdict  {:<12} {:<10} by {}  as of {}  evidence: {}\n", at,
                             e["credit"].is_null()
                                 ? e["outcome"].get<std::string>()
                                 : fmt::format("{} {:.4g}", e["outcome"].get<std::string>(),
                                               e["credit"].get<double>()),
                             e["state"].get<std::string>(), e["by"].get<std::string>(),
                             e["as_of"].get<std::string>(), evidence.empty() ? "(none)" : evidence);
      if (!e["note"].get<std::string>().empty())
        ctx.out << fmt::format("{:>20}  {}\n", "", e["note"].get<std::string>());
    }
  }
  if (entries.empty() && !as_json) ctx.err << "no reviews or verdicts for " << *id << " yet\n";
  return kExitOk;
}

}  // namespace

void add_resolve_commands(CLI::App& app, Action& action) {
  auto* resolve = app.add_subcommand("resolve", "Run the rules: verdicts with their traces");
  auto rf = std::make_shared<ResolveFlags>();
  resolve->add_option("--as-of", rf->as_of, "Judge as of this date (default: today)");
  resolve->add_flag("--dry-run", rf->dry_run, "Show what would change; write nothing");
  resolve->add_flag("--json", rf->json, "One JSON object per claim");
  resolve->add_flag("--confirm", rf->confirm,
                    "Record the verdicts confirmed (default: as each rule file's 'confirm' says)");
  resolve->add_flag("--timings", rf->timings,
                    "Print where the time went (load, evaluate, write) on stderr at the end");
  resolve->callback(
      [&action, rf] { action = [rf](Context& ctx) { return run_resolve(ctx, *rf); }; });

  auto* explain = app.add_subcommand("explain", "Why a claim has its verdict (or is still open)");
  auto ef = std::make_shared<ExplainFlags>();
  explain->add_option("CLAIM", ef->claim, "A claim id or a unique prefix")->required();
  explain->add_option("--as-of", ef->as_of, "Judge as of this date (default: today)");
  explain->add_flag("--json", ef->json, "The trace as one JSON object");
  explain->callback(
      [&action, ef] { action = [ef](Context& ctx) { return run_explain(ctx, *ef); }; });

  auto* mark = app.add_subcommand("mark", "Record a person's verdict (it supersedes a rule's)");
  auto mf = std::make_shared<MarkFlags>();
  mark->add_option("CLAIM", mf->claim, "A claim id or a unique prefix")->required();
  mark->add_option("OUTCOME", mf->outcome, "true, false, partial, void or ambiguous")->required();
  mark->add_option("--by", mf->by, "Who decides")->required();
  mark->add_option("--evidence", mf->evidence, "Event ids");
  mark->add_option("--note", mf->note, "Why");
  mark->add_option("--credit", mf->credit, "For partial: the share that came true (0 to 1)");
  mark->add_option("--as-of", mf->as_of, "The date the verdict speaks for (default: today)");
  mark->callback([&action, mf] { action = [mf](Context& ctx) { return run_mark(ctx, *mf); }; });

  auto* history = app.add_subcommand("history", "Every review and verdict of a claim");
  auto claim = std::make_shared<std::string>();
  auto as_json = std::make_shared<bool>(false);
  history->add_option("CLAIM", *claim, "A claim id or a unique prefix")->required();
  history->add_flag("--json", *as_json, "One JSON object per entry");
  history->callback([&action, claim, as_json] {
    action = [claim, as_json](Context& ctx) { return run_history(ctx, *claim, *as_json); };
  });
}

}  // namespace hindsight::cli
