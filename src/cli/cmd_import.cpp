// hindsight import PATH… and hindsight articles.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/export.hpp"
#include "cli/import.hpp"
#include "cli/import_claims.hpp"
#include "ingest/ledger_yaml.hpp"
#include "ingest/sources.hpp"
#include "store/article_store.hpp"

namespace hindsight::cli {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// A one-line bar on a terminal, redrawn in place; cleared before any other message.
class Progress {
 public:
  Progress(std::ostream& err, std::size_t total, bool enabled)
      : m_err(err), m_total(total), m_enabled(enabled) {}

  void show(std::size_t done) {
    if (!m_enabled) return;
    constexpr std::size_t kWidth = 30;
    std::size_t filled = m_total ? done * kWidth / m_total : kWidth;
    m_err << fmt::format("\r[{}{}] {}/{} files", std::string(filled, '#'),
                         std::string(kWidth - filled, ' '), done, m_total)
          << std::flush;
  }
  void clear() {
    // Spaces, not ESC [K: every byte printed passes SafeOutput, which shows ESC.
    if (m_enabled) m_err << "\r" << std::string(kLineWidth, ' ') << "\r";
  }
  bool enabled() const { return m_enabled; }

 private:
  static constexpr std::size_t kLineWidth = 60;  // wider than the bar and its counts
  std::ostream& m_err;
  std::size_t m_total;
  bool m_enabled;
};

void report_article(Context& ctx, const ImportRequest& request, const core::Article& a,
                    bool added) {
  if (request.json) {
    ctx.out << json{{"source", a.source}, {"id", a.id}, {"status", added ? "imported" : "skipped"}}
                   .dump()
            << "\n";
  } else if (request.per_article) {
    ctx.out << fmt::format("{}  {}  {}\n", added ? "imported" : "skipped (already imported)", a.id,
                           a.source);
  }
}

void report_error(Context& ctx, const ImportRequest& request, const core::Error& e) {
  ctx.err << "hindsight: error: " << e.to_string() << "\n";
  if (request.json) {
    ctx.out << json{{"source", e.where.file}, {"status", "failed"}, {"error", e.to_string()}}.dump()
            << "\n";
  }
}

}  // namespace

std::string summary_line(const ImportTally& t) {
  return fmt::format("imported {} article{} ({} skipped, {} failed)", t.imported,
                     t.imported == 1 ? "" : "s", t.skipped, t.failed);
}

ImportTally import_articles(Context& ctx, store::Database& db, const ImportRequest& request) {
  ImportTally tally;
  auto plan = ingest::plan_import(request.paths, request.manifest);
  tally.ignored = plan.ignored;
  if (!plan.errors.empty()) {
    for (const auto& e : plan.errors) ctx.err << "hindsight: error: " << e.to_string() << "\n";
    tally.refused = true;
    return tally;
  }
  store::ArticleStore articles(db);
  constexpr std::size_t kProgressAbove = 20;
  Progress progress(ctx.err, plan.files.size(),
                    ctx.err_is_terminal && !request.json && plan.files.size() > kProgressAbove);
  for (std::size_t i = 0; i < plan.files.size(); ++i) {
    const auto& file = plan.files[i];
    progress.show(i);
    auto results =
        ingest::read_articles(file.path, file.manifest ? &*file.manifest : nullptr, request.read);
    for (auto& r : results) {
      if (!r) {
        progress.clear();
        report_error(ctx, request, r.error());
        ++tally.failed;
        continue;
      }
      bool added = articles.add(*r, ctx.now);
      ++(added ? tally.imported : tally.skipped);
      if (!progress.enabled()) report_article(ctx, request, *r, added);
    }
  }
  progress.show(plan.files.size());
  progress.clear();
  return tally;
}

namespace {

struct ImportFlags {
  std::vector<std::string> paths;
  std::string manifest, outlet, title, url, author, published;
  std::uintmax_t max_file_size = ingest::kDefaultMaxFileBytes;
  bool json = false;
  bool claims = false;         // the paths are claims files (JSON lines)
  std::size_t batch_size = 0;  // --claims: commit every N claims (0: one transaction)
};

int run_import(Context& ctx, const ImportFlags& f) {
  if (f.claims) {
    store::Database db(ctx.db_path);
    return import_claim_files(ctx, db, {f.paths.begin(), f.paths.end()}, f.batch_size);
  }
  ImportRequest request;
  // A ledger folder (from `export yaml`) is read after the articles it refers to.
  std::vector<fs::path> ledgers;
  for (const auto& p : f.paths)
    (ingest::is_ledger_folder(p) ? ledgers : request.paths).emplace_back(p);
  if (!f.manifest.empty()) request.manifest = f.manifest;
  auto& flags = request.read.flags;
  if (!f.outlet.empty()) flags.outlet = f.outlet;
  if (!f.title.empty()) flags.title = f.title;
  if (!f.url.empty()) flags.url = f.url;
  if (!f.author.empty()) flags.author = f.author;
  if (!f.published.empty()) {
    auto date = core::parse_date(f.published);
    if (!date) {
      ctx.err << "hindsight: usage error: --published: " << date.error().message << "\n";
      return kExitUsage;
    }
    flags.published = *date;
    flags.published_basis = core::PublishedBasis::Given;
  }
  request.read.max_file_bytes = f.max_file_size;
  request.json = f.json;
  store::Database db(ctx.db_path);
  if (request.paths.empty()) return import_ledger_folders(ctx, db, ledgers);
  auto tally = import_articles(ctx, db, request);
  if (tally.refused) {
    ctx.err << "hindsight: nothing imported: fix the errors above\n";
    return kExitError;
  }
  ctx.err << summary_line(tally) << "\n";
  if (tally.ignored > 0)
    ctx.err << fmt::format("ignored {} file{} that are not articles (.txt, .md, .jsonl)\n",
                           tally.ignored, tally.ignored == 1 ? "" : "s");
  int status = tally.failed > 0 ? kExitError : kExitOk;
  return std::max(status, import_ledger_folders(ctx, db, ledgers));
}

std::string published_text(const store::ArticleSummary& s) {
  if (!s.published) return "undated";
  return core::format_date(*s.published) + " (" + core::to_string(s.published_basis) + ")";
}

int run_articles(Context& ctx, bool as_json) {
  if (ctx.db_path != ":memory:" && !fs::exists(ctx.db_path)) {
    ctx.err << "hindsight: error: no ledger at " << ctx.db_path
            << " (import articles first: hindsight import PATH)\n";
    return kExitError;
  }
  store::Database db(ctx.db_path, false);
  store::ArticleStore articles(db);
  auto all = articles.list();
  for (const auto& s : all) {
    if (as_json) {
      ctx.out << json{{"id", s.id},
                      {"outlet", s.outlet},
                      {"title", s.title},
                      {"published", s.published ? json(core::format_date(*s.published)) : json()},
                      {"published_basis", core::to_string(s.published_basis)},
                      {"source", s.source},
                      {"claims", s.claims}}
                     .dump()
              << "\n";
    } else {
      ctx.out << fmt::format("{}  {:<23}  {:<16}  {:>3} claim{}  {}\n", s.id, published_text(s),
                             s.outlet.empty() ? "-" : s.outlet, s.claims, s.claims == 1 ? " " : "s",
                             s.title.empty() ? "(no title)" : s.title);
    }
  }
  if (all.empty()) ctx.err << "no articles yet (import some: hindsight import PATH)\n";
  return kExitOk;
}

}  // namespace

void add_import_commands(CLI::App& app, Action& action) {
  auto f = std::make_shared<ImportFlags>();
  auto* cmd = app.add_subcommand("import", "Read article files or folders into the ledger");
  cmd->add_option("paths", f->paths, "Files (.txt, .md, .jsonl) or folders")->required();
  cmd->add_option("--manifest", f->manifest,
                  "A YAML manifest of metadata per file (default: FOLDER.yaml beside a folder)");
  cmd->add_option("--outlet", f->outlet, "The outlet of every article imported");
  cmd->add_option("--title", f->title, "The title of every article imported");
  cmd->add_option("--url", f->url, "The URL of every article imported");
  cmd->add_option("--author", f->author, "The author of every article imported");
  cmd->add_option("--published", f->published, "The publication date (YYYY-MM-DD)");
  cmd->add_option("--max-file-size", f->max_file_size,
                  "Refuse files larger than this many bytes (default 64 MiB)");
  cmd->add_flag("--json", f->json, "One JSON object per article on stdout");
  cmd->add_flag("--claims", f->claims,
                "The paths are claims as JSON lines (as 'extract --stdin --json' prints them) "
                "whose articles are in the ledger");
  cmd->add_option("--batch-size", f->batch_size,
                  "With --claims: commit every N claims (default: all or nothing in one "
                  "transaction)");
  cmd->callback([&action, f] { action = [f](Context& ctx) { return run_import(ctx, *f); }; });

  auto json_flag = std::make_shared<bool>(false);
  auto* list = app.add_subcommand("articles", "List the imported articles");
  list->add_flag("--json", *json_flag, "One JSON object per article");
  list->callback([&action, json_flag] {
    action = [json_flag](Context& ctx) { return run_articles(ctx, *json_flag); };
  });
}

}  // namespace hindsight::cli
