// ScorecardBuilder, fed one row at a time in any order, gives exactly the scorecard
// build_scorecard gives over whole claims in the ledger's order.
#include <doctest/doctest.h>

#include <algorithm>
#include <tuple>

#include "score/scorecard_builder.hpp"
#include "scorecard_compare.hpp"
#include "varied_ledger.hpp"

using namespace hindsight;
using namespace hindsight::score;

namespace {

// The claims with their verdicts as of `as_of`: the last confirmed resolution (they
// are listed in the order recorded) whose as_of is on or before it.
std::vector<core::Claim> as_of(const std::vector<core::LedgerClaim>& ledger, core::Date d) {
  std::vector<core::Claim> out;
  for (const auto& lc : ledger) {
    auto c = lc.claim;
    for (const auto& r : lc.resolutions) {
      if (r.state != core::ResolutionState::Confirmed || d < r.as_of) continue;
      c.outcome = r.outcome;
      c.credit = r.credit;
    }
    out.push_back(std::move(c));
  }
  // The order LedgerIo::claims reads them in.
  std::sort(out.begin(), out.end(), [](const core::Claim& a, const core::Claim& b) {
    return std::tie(a.article, a.span.start, a.id) < std::tie(b.article, b.span.start, b.id);
  });
  return out;
}

ArticleIndex index() {
  ArticleIndex out;
  for (const auto& a : varied_ledger::articles())
    out[a.id] = ArticleInfo{a.outlet, a.title, a.url, a.published};
  return out;
}

// Feeds the claims that count, last first, and completes the open texts.
Scorecard lean(const std::vector<core::Claim>& claims, const ArticleIndex& articles,
               const ScorecardOptions& options) {
  ScorecardBuilder builder(articles, options);
  for (auto it = claims.rbegin(); it != claims.rend(); ++it) {
    const auto& c = *it;
    if (c.kind != core::ClaimKind::Prediction || c.review == core::Review::Rejected) continue;
    std::vector<std::string_view> topics(c.topics.begin(), c.topics.end());
    std::vector<std::string_view> apps;
    for (const auto& a : c.appearances) apps.push_back(a.article);
    PredictionRow row;
    row.id = c.id;
    row.article = c.article;
    row.span_start = static_cast<std::int64_t>(c.span.start);
    if (c.speaker) {
      row.speaker = c.speaker->name;
      row.basis = c.speaker->basis;
    }
    row.stated_on = c.stated_on;
    row.probability = c.probability;
    row.deadline_end = c.deadline.end;
    row.outcome = c.outcome;
    row.credit = c.credit;
    row.topics = topics;
    row.appearances = apps;
    builder.add(row);
  }
  auto card = builder.finish();
  for (auto& o : card.open) {
    auto it = std::find_if(claims.begin(), claims.end(),
                           [&](const core::Claim& c) { return c.id == o.claim; });
    REQUIRE(it != claims.end());
    o.text = it->text;
    o.deadline_phrase = it->deadline.phrase;
  }
  return card;
}

}  // namespace

TEST_SUITE("score.builder") {
  TEST_CASE("the builder's scorecard is build_scorecard's, every way and as of any date") {
    auto ledger = varied_ledger::claims();
    auto articles = index();
    for (std::string d : {"2025-11-30", "2026-01-01", "2026-12-31"}) {
      auto claims = as_of(ledger, *core::parse_date(d));
      for (auto by : {GroupBy::Speaker, GroupBy::Outlet, GroupBy::Topic, GroupBy::Month}) {
        for (bool quoted : {false, true}) {
          for (int limit : {0, 7}) {
            CAPTURE(d);
            std::string grouped = to_string(by);
            CAPTURE(grouped);
            CAPTURE(quoted);
            CAPTURE(limit);
            ScorecardOptions options;
            options.by = by;
            options.as_of = *core::parse_date(d);
            options.include_quoted = quoted;
            options.open_limit = limit;
            auto reference = build_scorecard(claims, articles, options);
            REQUIRE(reference.overall.tally.scored > 5);
            scorecard_compare::check_same(lean(claims, articles, options), reference);
          }
        }
      }
    }
  }

  TEST_CASE("the open list keeps the nearest deadlines and the tally counts them all") {
    auto ledger = varied_ledger::claims();
    ScorecardOptions options;
    options.as_of = *core::parse_date("2026-01-01");
    options.open_limit = 3;
    auto claims = as_of(ledger, options.as_of);
    auto card = lean(claims, index(), options);
    REQUIRE(card.open.size() == 3);
    CHECK(card.overall.tally.open > 3);
    CHECK(card.open[0].deadline_end <= card.open[1].deadline_end);
    CHECK(card.open[1].deadline_end <= card.open[2].deadline_end);
    options.open_limit = 0;
    auto all = lean(claims, index(), options);
    CHECK(static_cast<int>(all.open.size()) == all.overall.tally.open);
    CHECK(all.open[0].claim == card.open[0].claim);
    CHECK(all.open[2].claim == card.open[2].claim);
  }

  TEST_CASE("a prediction stated after the scorecard's date is left out") {
    ScorecardOptions options;
    options.as_of = *core::parse_date("2026-01-01");
    ArticleIndex articles;
    ScorecardBuilder builder(articles, options);
    PredictionRow row;
    row.id = "late";
    row.article = "a1";
    row.stated_on = *core::parse_date("2026-01-02");
    builder.add(row);
    auto card = builder.finish();
    CHECK(card.overall.tally.predictions == 0);
    CHECK(card.groups.empty());
  }
}
