// The scorecard command's lean path (store::ScoreRows + score::ScorecardBuilder) gives
// exactly the scorecard of the whole claims (LedgerIo::claims + build_scorecard) on a
// varied ledger in SQLite: every group, bin, Murphy term and open prediction.
#include <doctest/doctest.h>

#include <map>

#include "cli/scorecard.hpp"
#include "scorecard_compare.hpp"
#include "store/article_store.hpp"
#include "store/database.hpp"
#include "store/ledger_io.hpp"
#include "varied_ledger.hpp"

using namespace hindsight;

namespace {

void fill(store::Database& db) {
  store::ArticleStore articles(db);
  for (const auto& a : varied_ledger::articles()) articles.add(a, "2026-01-01T00:00:00Z");
  std::map<std::string, core::LedgerArticle> files;
  for (auto& lc : varied_ledger::claims()) {
    auto& f = files[lc.claim.article];
    f.article.id = lc.claim.article;
    f.claims.push_back(std::move(lc));
  }
  std::vector<core::LedgerArticle> list;
  for (auto& [id, f] : files) list.push_back(std::move(f));
  auto imported = store::LedgerIo(db).import(list);
  REQUIRE(imported.errors.empty());
  REQUIRE(imported.claims_added == 400);
}

}  // namespace

TEST_SUITE("cli.scorecard_lean") {
  TEST_CASE("the lean scorecard of a ledger equals the scorecard of its whole claims") {
    store::Database db(":memory:");
    fill(db);
    auto articles = cli::ledger_articles(db);
    for (std::string d : {"2025-11-30", "2026-01-01", "2026-12-31"}) {
      auto as_of = *core::parse_date(d);
      auto claims = store::LedgerIo(db).claims(as_of).claims;
      for (auto by : {score::GroupBy::Speaker, score::GroupBy::Outlet, score::GroupBy::Topic,
                      score::GroupBy::Month}) {
        for (bool quoted : {false, true}) {
          for (int limit : {0, 5}) {
            std::string grouped = score::to_string(by);
            CAPTURE(d);
            CAPTURE(grouped);
            CAPTURE(quoted);
            CAPTURE(limit);
            score::ScorecardOptions options;
            options.by = by;
            options.as_of = as_of;
            options.include_quoted = quoted;
            options.open_limit = limit;
            auto reference = score::build_scorecard(claims, articles, options);
            REQUIRE(reference.overall.tally.scored > 5);
            scorecard_compare::check_same(cli::ledger_scorecard(db, options), reference);
          }
        }
      }
    }
  }
}
