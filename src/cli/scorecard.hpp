// Scorecards from the command line: shared by `hindsight scorecard`, the exports and
// the last stage of `hindsight demo`.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "cli/context.hpp"
#include "score/scorecard.hpp"
#include "store/database.hpp"

namespace hindsight::cli {

// The scorecard of the ledger `db` as `options` say (verdicts as of options.as_of).
score::Scorecard ledger_scorecard(store::Database& db, const score::ScorecardOptions& options);

// The article index (outlet, title, url, published per article id) of the ledger.
score::ArticleIndex ledger_articles(store::Database& db);

// The demo's last stage: writes `dir`/scorecard.html (by speaker, as of `as_of`) and
// prints the per-speaker table (predictions found, resolved, Brier, open) on ctx.out.
// Returns the path of the page. Throws core::Failure when it cannot be written.
std::filesystem::path write_demo_scorecard(Context& ctx, store::Database& db,
                                           const core::Date& as_of,
                                           const std::filesystem::path& dir);

// Writes `text` to `path` (atomically; "-" or empty is ctx.out). Throws core::Failure
// when the file cannot be written.
void write_output(Context& ctx, const std::string& path, const std::string& text);

// True when the ledger file exists (or is ":memory:"); otherwise prints
// "hindsight: error: no ledger at …" on ctx.err.
bool ledger_exists(Context& ctx);

}  // namespace hindsight::cli
