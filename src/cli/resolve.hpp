// Events, rules and verdicts from the command line: shared by `events`, `rules`,
// `resolve`, `explain`, `mark`, `history` and the stages of `hindsight demo`.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "rules/rule_loader.hpp"
#include "store/database.hpp"

namespace hindsight::cli {

// Imports an events file into `db` (all or nothing: any error or conflicting id
// imports none). Prints errors and a summary line on ctx.err; returns the exit code.
int import_events(Context& ctx, store::Database& db, const std::filesystem::path& file,
                  bool replace);

// The rule set of `paths`, or of ctx.root/rules/resolve when `paths` is empty. When
// it does not load, every error is printed to ctx.err and nullopt returned.
std::optional<rules::LoadedRules> load_rule_set(Context& ctx,
                                                const std::vector<std::filesystem::path>& paths);

// What `resolve` is asked to do.
struct ResolveRequest {
  core::Date as_of;
  bool dry_run = false;  // decide, show, write nothing
  bool json = false;     // one JSON object per claim on ctx.out
  bool confirm = false;  // record verdicts confirmed, whatever the rules' policy
  bool quiet = false;    // no line per claim (the demo prints its own summary)
  std::vector<std::filesystem::path> rule_paths;  // default: ctx.root/rules/resolve
};

// Where a `resolve` run spent its time (seconds), for --timings.
struct ResolveTimings {
  double load = 0;       // reading rules, events and the candidate claims
  double evaluate = 0;   // the engine alone
  double write = 0;      // serializing traces and recording verdicts
  double output = 0;     // printing a line (or JSON object) per claim
  double total = 0;      // the whole run
  long evaluations = 0;  // claims judged by some rule
};

// What `resolve` did.
struct ResolveTally {
  int claims = 0;     // claims some rule (or a part's rule) could judge
  int decided = 0;    // of which the rules decided
  int added = 0;      // verdicts appended (or that would be, in a dry run)
  int unchanged = 0;  // the ledger already had that verdict
  int kept = 0;       // a person's verdict is current: left alone
  int pending = 0;    // still open
  int errors = 0;     // claims whose evaluation failed (printed)
  ResolveTimings timings;
};

// Runs the rules on every candidate claim of `db` (found by topic through the
// index, and compound claims) as of request.as_of and records the verdicts that
// changed. nullopt when the rules do not load (nothing is resolved then).
std::optional<ResolveTally> resolve_claims(Context& ctx, store::Database& db,
                                           const ResolveRequest& request);

// "timings: load 0.512 s, evaluate 1.204 s (1000000 evaluations), write 3.010 s,
// total 5.002 s" (one line, as `resolve --timings` prints it).
std::string timings_line(const ResolveTimings& timings);

// "resolved 14 claims as of 2026-11-22: 11 decided (9 new, 2 unchanged, 0 kept), 3 pending".
std::string summary_line(const ResolveTally& tally, core::Date as_of, bool dry_run);

}  // namespace hindsight::cli
