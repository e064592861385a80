// hindsight demo: the whole flow on the bundled corpus, as a list of stages. Each
// stage prints a short summary to stdout; a stage that is not built yet says so.
#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/extract.hpp"
#include "cli/import.hpp"
#include "cli/resolve.hpp"
#include "cli/scorecard.hpp"
#include "core/failure.hpp"
#include "store/article_store.hpp"

namespace hindsight::cli {

namespace {

namespace fs = std::filesystem;

// What the stages share: the command's context, the demo folder, its ledger.
struct Demo {
  Context& ctx;
  fs::path out_dir;
  core::Date as_of;
  store::Database& db;
};

// A stage returns an exit code; the demo stops at the first that fails.
struct Stage {
  const char* name;
  int (*run)(Demo&);
};

int import_stage(Demo& demo) {
  ImportRequest request;
  request.paths = {demo.ctx.root / "claims" / "articles"};
  request.per_article = false;
  auto tally = import_articles(demo.ctx, demo.db, request);
  if (tally.refused) return kExitError;
  demo.ctx.out << "import: " << summary_line(tally) << " from "
               << (demo.ctx.root / "claims" / "articles").string() << "\n";
  store::ArticleStore articles(demo.db);
  for (const auto& s : articles.list()) {
    demo.ctx.out << fmt::format("  {}  {}  {}\n", s.id,
                                s.published ? core::format_date(*s.published) : "undated",
                                s.title.empty() ? fs::path(s.source).filename().string() : s.title);
  }
  return tally.failed > 0 ? kExitError : kExitOk;
}

int extract_stage(Demo& demo) {
  auto knowledge = load_knowledge(demo.ctx);
  if (!knowledge) return kExitError;
  auto tally = extract_articles(demo.ctx, demo.db, *knowledge, {});
  demo.ctx.out << "extract: " << summary_line(tally) << "\n";
  return tally.failed ? kExitError : kExitOk;
}

int events_stage(Demo& demo) {
  auto file = demo.ctx.root / "claims" / "events.yaml";
  int rc = import_events(demo.ctx, demo.db, file, false);
  if (rc == kExitOk) demo.ctx.out << "events: the timeline of " << file.string() << "\n";
  return rc;
}

int resolve_stage(Demo& demo) {
  ResolveRequest request;
  request.as_of = demo.as_of;
  request.quiet = true;
  auto tally = resolve_claims(demo.ctx, demo.db, request);
  if (!tally) return kExitError;
  demo.ctx.out << "resolve: " << summary_line(*tally, demo.as_of, false) << "\n";
  return tally->errors > 0 ? kExitError : kExitOk;
}

int scorecard_stage(Demo& demo) {
  auto page = write_demo_scorecard(demo.ctx, demo.db, demo.as_of, demo.out_dir);
  demo.ctx.out << "scorecard: " << page.string() << "\n";
  return kExitOk;
}

// The flow of DESIGN.md, in order.
constexpr Stage kStages[] = {
    {"import", import_stage},   {"extract", extract_stage},     {"events", events_stage},
    {"resolve", resolve_stage}, {"scorecard", scorecard_stage},
};

int run_demo(Context& ctx, const std::string& out_dir, const std::string& as_of_text) {
  auto as_of = ctx.today;
  if (!as_of_text.empty()) {
    auto d = core::parse_date(as_of_text);
    if (!d) {
      ctx.err << "hindsight: usage error: --as-of: " << d.error().message << "\n";
      return kExitUsage;
    }
    as_of = *d;
  }
  fs::path dir(out_dir);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw core::Failure("cannot create " + dir.string() + ": " + ec.message());
  auto db_path = dir / "hindsight.db";
  // A fresh ledger each time, so the demo shows the same result on every run.
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_path.string() + suffix, ec);
  store::Database db(db_path.string());
  ctx.out << "hindsight demo: the bundled corpus as of " << core::format_date(as_of) << ", into "
          << db_path.string() << "\n";
  Demo demo{ctx, dir, as_of, db};
  for (const auto& stage : kStages) {
    if (!stage.run) {
      ctx.out << stage.name << ": not built yet\n";
      continue;
    }
    int rc = stage.run(demo);
    if (rc != kExitOk) {
      ctx.err << "hindsight: demo stopped at the " << stage.name << " stage\n";
      return rc;
    }
  }
  return kExitOk;
}

}  // namespace

void add_demo_commands(CLI::App& app, Action& action) {
  auto out_dir = std::make_shared<std::string>("demo-out");
  auto as_of = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("demo", "Run the whole flow on the bundled corpus");
  cmd->add_option("--out", *out_dir, "The folder for the demo's ledger and scorecard")
      ->capture_default_str();
  cmd->add_option("--as-of", *as_of, "Judge as of this date (YYYY-MM-DD; default today)");
  cmd->callback([&action, out_dir, as_of] {
    action = [out_dir, as_of](Context& ctx) { return run_demo(ctx, *out_dir, *as_of); };
  });
}

}  // namespace hindsight::cli
