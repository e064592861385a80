// hindsight export claimreview|csv|yaml, and the import of a YAML ledger folder.
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <ostream>
#include <set>

#include "cli/commands.hpp"
#include "cli/export.hpp"
#include "cli/scorecard.hpp"
#include "core/failure.hpp"
#include "ingest/ledger_yaml.hpp"
#include "report/claimreview.hpp"
#include "report/claims_csv.hpp"
#include "report/escape.hpp"
#include "report/ledger_yaml.hpp"
#include "store/ledger_io.hpp"

namespace hindsight::cli {

namespace fs = std::filesystem;

int import_ledger_folder(Context& ctx, store::Database& db, const fs::path& dir) {
  auto read = ingest::read_ledger_folder(dir);
  for (const auto& e : read.errors) ctx.err << "hindsight: error: " << e.to_string() << "\n";
  if (!read.errors.empty()) {
    ctx.err << "hindsight: ledger " << dir.string() << " not imported: fix the errors above\n";
    return kExitError;
  }
  auto done = store::LedgerIo(db).import(read.articles);
  for (const auto& e : done.errors) ctx.err << "hindsight: error: " << e.to_string() << "\n";
  if (!done.errors.empty()) {
    ctx.err << "hindsight: ledger " << dir.string() << " not imported: fix the errors above\n";
    return kExitError;
  }
  ctx.err << fmt::format(
      "imported ledger {}: {} claims added, {} updated, {} reviews and {} resolutions added\n",
      dir.string(), done.claims_added, done.claims_updated, done.reviews_added,
      done.resolutions_added);
  return kExitOk;
}

int import_ledger_folders(Context& ctx, store::Database& db, const std::vector<fs::path>& dirs) {
  int status = kExitOk;
  for (const auto& dir : dirs) status = std::max(status, import_ledger_folder(ctx, db, dir));
  return status;
}

namespace {

struct ExportFlags {
  std::string output, as_of, org = "hindsight", org_url, url_base;
};

// The --as-of date (default today), or nullopt after printing a usage error.
std::optional<core::Date> as_of_flag(Context& ctx, const std::string& text) {
  if (text.empty()) return ctx.today;
  auto d = core::parse_date(text);
  if (!d) {
    ctx.err << "hindsight: usage error: --as-of: " << d.error().message << "\n";
    return std::nullopt;
  }
  return *d;
}

int run_claimreview(Context& ctx, const ExportFlags& f) {
  auto as_of = as_of_flag(ctx, f.as_of);
  if (!as_of) return kExitUsage;
  if (!ledger_exists(ctx)) return kExitError;
  store::Database db(ctx.db_path, false);
  auto ledger = store::LedgerIo(db).claims(*as_of);
  report::ClaimReviewOptions options{f.org, f.org_url, f.url_base};
  auto reviews = report::claim_reviews(ledger.claims, ledger.verdict_dates, *as_of,
                                       ledger_articles(db), options);
  write_output(ctx, f.output, report::json_for_script(reviews.dump(2)) + "\n");
  ctx.err << fmt::format("exported {} ClaimReview{} as of {}\n", reviews.size(),
                         reviews.size() == 1 ? "" : "s", core::format_date(*as_of));
  return kExitOk;
}

int run_csv(Context& ctx, const ExportFlags& f) {
  auto as_of = as_of_flag(ctx, f.as_of);
  if (!as_of) return kExitUsage;
  if (!ledger_exists(ctx)) return kExitError;
  store::Database db(ctx.db_path, false);
  auto ledger = store::LedgerIo(db).claims(*as_of);
  write_output(ctx, f.output, report::claims_csv(ledger.claims, ledger_articles(db)));
  ctx.err << fmt::format("exported {} claim{} as of {}\n", ledger.claims.size(),
                         ledger.claims.size() == 1 ? "" : "s", core::format_date(*as_of));
  return kExitOk;
}

// Removes the article files of an earlier export that this one no longer writes —
// only in a folder that already was a ledger, so a mistyped -o cannot delete files.
void remove_stale(const fs::path& dir, const std::set<fs::path>& written) {
  for (const auto& entry : fs::directory_iterator(dir)) {
    const auto& p = entry.path();
    if (entry.is_regular_file() && p.extension() == ".yaml" &&
        p.filename() != report::kLedgerMarker && !written.count(p.filename()))
      fs::remove(p);
  }
}

int run_yaml(Context& ctx, const ExportFlags& f) {
  if (!ledger_exists(ctx)) return kExitError;
  fs::path dir = f.output.empty() ? fs::path("claims") / "ledger" : fs::path(f.output);
  store::Database db(ctx.db_path, false);
  auto files = store::LedgerIo(db).reviewed();
  bool was_ledger = ingest::is_ledger_folder(dir);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw core::Failure("cannot create " + dir.string() + ": " + ec.message());
  write_output(ctx, (dir / report::kLedgerMarker).string(), report::ledger_marker_yaml());
  std::set<fs::path> written;
  std::size_t claims = 0;
  for (const auto& file : files) {
    written.insert(report::ledger_file_name(file));
    write_output(ctx, (dir / report::ledger_file_name(file)).string(), report::ledger_yaml(file));
    claims += file.claims.size();
  }
  if (was_ledger) remove_stale(dir, written);
  ctx.err << fmt::format("exported {} reviewed claim{} in {} file{} to {}\n", claims,
                         claims == 1 ? "" : "s", files.size(), files.size() == 1 ? "" : "s",
                         dir.string());
  return kExitOk;
}

using Runner = int (*)(Context&, const ExportFlags&);

void add_export(CLI::App& parent, Action& action, const char* name, const char* help, Runner run,
                bool reviews_flags) {
  auto f = std::make_shared<ExportFlags>();
  auto* cmd = parent.add_subcommand(name, help);
  if (std::string(name) == "yaml") {
    cmd->add_option("-o,--output", f->output, "The ledger folder (default claims/ledger)");
  } else {
    cmd->add_option("-o,--output", f->output, "Write to this file instead of stdout");
    cmd->add_option("--as-of", f->as_of, "Verdicts as of this date (default today)");
  }
  if (reviews_flags) {
    cmd->add_option("--org", f->org, "The fact-checking organisation (default hindsight)");
    cmd->add_option("--org-url", f->org_url, "Its home page");
    cmd->add_option("--url-base", f->url_base,
                    "Each review's page is URL-BASE + claim id (default: #claim-ID anchors)");
  }
  cmd->callback([&action, f, run] { action = [f, run](Context& ctx) { return run(ctx, *f); }; });
}

}  // namespace

void add_export_commands(CLI::App& app, Action& action) {
  auto* cmd = app.add_subcommand("export", "Export the ledger: claimreview, csv or yaml");
  cmd->require_subcommand(1);
  add_export(*cmd, action, "claimreview", "schema.org ClaimReview JSON-LD for every resolved claim",
             run_claimreview, true);
  add_export(*cmd, action, "csv", "Every claim as a CSV row, for spreadsheets", run_csv, false);
  add_export(*cmd, action, "yaml",
             "The reviewed claims, reviews and verdicts as YAML files (read back by import)",
             run_yaml, false);
}

}  // namespace hindsight::cli
