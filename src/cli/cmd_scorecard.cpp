// hindsight scorecard [--by …] [--as-of D] [--include-quoted] [--min-n N] [--format …] [-o F]
#include <fmt/format.h>

#include <memory>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/scorecard.hpp"
#include "core/failure.hpp"
#include "report/scorecard.hpp"
#include "score/scorecard_builder.hpp"
#include "store/ledger_io.hpp"
#include "store/score_rows.hpp"
#include "util/file.hpp"

namespace hindsight::cli {

namespace fs = std::filesystem;

score::ArticleIndex ledger_articles(store::Database& db) {
  score::ArticleIndex index;
  for (const auto& a : store::LedgerIo(db).articles())
    index[a.id] = score::ArticleInfo{a.outlet, a.title, a.url, a.published};
  return index;
}

score::Scorecard ledger_scorecard(store::Database& db, const score::ScorecardOptions& options) {
  auto articles = ledger_articles(db);
  score::ScorecardBuilder builder(articles, options);
  auto list = options.by == score::GroupBy::Topic    ? store::ScoreList::Topics
              : options.by == score::GroupBy::Outlet ? store::ScoreList::Appearances
                                                     : store::ScoreList::None;
  store::ScoreRows rows(db);
  rows.scan(options.as_of, list, [&](const store::ScoreRow& r) {
    score::PredictionRow p{
        r.id,          r.article,      r.span_start, r.speaker, r.basis, r.stated_on,
        r.probability, r.deadline_end, r.outcome,    r.credit,  {},      {}};
    if (list == store::ScoreList::Topics) p.topics = r.list;
    if (list == store::ScoreList::Appearances) p.appearances = r.list;
    builder.add(p);
  });
  auto card = builder.finish();
  // Only the listed open predictions need their text: read those few by id.
  std::vector<std::string> ids;
  for (const auto& o : card.open) ids.push_back(o.claim);
  auto texts = rows.open_texts(ids);
  for (auto& o : card.open) {
    auto it = texts.find(o.claim);
    if (it == texts.end()) continue;
    o.text = it->second.text;
    o.deadline_phrase = it->second.deadline_phrase;
  }
  return card;
}

void write_output(Context& ctx, const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    ctx.out << text;
    return;
  }
  try {
    util::write_file_atomic(path, text);
  } catch (const std::exception& e) {
    throw core::Failure("cannot write " + path + ": " + e.what());
  }
}

bool ledger_exists(Context& ctx) {
  if (ctx.db_path == ":memory:" || fs::exists(ctx.db_path)) return true;
  ctx.err << "hindsight: error: no ledger at " << ctx.db_path
          << " (import articles first: hindsight import PATH)\n";
  return false;
}

fs::path write_demo_scorecard(Context& ctx, store::Database& db, const core::Date& as_of,
                              const fs::path& dir) {
  score::ScorecardOptions options;
  options.as_of = as_of;
  auto card = ledger_scorecard(db, options);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw core::Failure("cannot create " + dir.string() + ": " + ec.message());
  fs::path page = dir / "scorecard.html";
  write_output(ctx, page.string(), report::scorecard_html(card));
  ctx.out << report::speaker_summary(card);
  return page;
}

namespace {

struct ScorecardFlags {
  std::string by = "speaker", as_of, format = "text", output;
  bool include_quoted = false;
  int min_n = 5;
  int open_limit = score::kDefaultOpenLimit;
};

int run_scorecard(Context& ctx, const ScorecardFlags& f) {
  score::ScorecardOptions options;
  options.by = score::group_by_from_string(f.by).value_or(score::GroupBy::Speaker);
  options.as_of = ctx.today;
  if (!f.as_of.empty()) {
    auto d = core::parse_date(f.as_of);
    if (!d) {
      ctx.err << "hindsight: usage error: --as-of: " << d.error().message << "\n";
      return kExitUsage;
    }
    options.as_of = *d;
  }
  options.include_quoted = f.include_quoted;
  options.min_n = f.min_n;
  options.open_limit = f.open_limit;
  auto format = report::format_from_string(f.format).value_or(report::Format::Text);
  if (!ledger_exists(ctx)) return kExitError;
  store::Database db(ctx.db_path, false);
  auto card = ledger_scorecard(db, options);
  write_output(ctx, f.output, report::render_scorecard(card, format));
  if (!f.output.empty() && f.output != "-")
    ctx.err << fmt::format("wrote the {} scorecard by {} as of {} to {}\n", f.format, f.by,
                           core::format_date(options.as_of), f.output);
  return kExitOk;
}

}  // namespace

void add_scorecard_commands(CLI::App& app, Action& action) {
  auto f = std::make_shared<ScorecardFlags>();
  auto* cmd = app.add_subcommand("scorecard", "Accuracy scorecards: Brier, log, calibration");
  cmd->add_option("--by", f->by, "Group by speaker, outlet, topic or month (default speaker)")
      ->check(CLI::IsMember({"speaker", "outlet", "topic", "month"}));
  cmd->add_option("--as-of", f->as_of, "Verdicts and deadlines as of this date (default today)");
  cmd->add_flag("--include-quoted", f->include_quoted,
                "--by outlet: also count the claims the outlet reported from others");
  cmd->add_option("--min-n", f->min_n, "Rank only groups with this many scored predictions")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--open-limit", f->open_limit,
                  "List this many open predictions, nearest deadline first (0: all; default 50)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--format", f->format, "text, md, html, json or csv (default text)")
      ->check(CLI::IsMember({"text", "md", "markdown", "html", "json", "csv"}));
  cmd->add_option("-o,--output", f->output, "Write to this file instead of stdout");
  cmd->callback([&action, f] { action = [f](Context& ctx) { return run_scorecard(ctx, *f); }; });
}

}  // namespace hindsight::cli
