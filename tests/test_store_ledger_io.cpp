#include <doctest/doctest.h>

#include "store/article_store.hpp"
#include "store/database.hpp"
#include "store/ledger_io.hpp"
#include "store/resolution_store.hpp"

using namespace hindsight;

namespace {

core::Date day(const char* iso) {
  return *core::parse_date(iso);
}

core::LedgerArticle one_claim(const std::string& article) {
  core::LedgerClaim lc;
  core::Claim& c = lc.claim;
  c.id = "c1";
  c.text = "The truce will be extended.";
  c.article = article;
  c.span = {0, 27};
  c.appearances = {{article, {0, 27}, std::nullopt}};
  c.speaker = core::Speaker{"Ana", core::SpeakerBasis::Quoted, "Minister"};
  c.stated_on = day("2025-07-27");
  c.probability = 0.7;
  c.deadline.end = day("2025-08-12");
  c.deadline.basis = core::DeadlineBasis::Stated;
  c.topics = {"trade.truce.extend"};
  c.review = core::Review::Accepted;
  lc.reviews.push_back({"accept", "ana", "2025-08-01T00:00:00Z", "{}"});
  core::LedgerArticle la;
  la.article.id = article;
  la.claims.push_back(lc);
  return la;
}

core::Resolution verdict(core::Outcome o, const char* as_of, core::ResolutionState state) {
  core::Resolution r;
  r.claim = "c1";
  r.outcome = o;
  r.as_of = day(as_of);
  r.by = "ana";
  r.state = state;
  r.recorded_at = std::string(as_of) + "T12:00:00Z";
  return r;
}

std::string with_article(store::Database& db) {
  core::Article a;
  a.id = "a1";
  a.outlet = "Daily";
  a.raw_text = a.text = "The truce will be extended.";
  store::ArticleStore(db).add(a, "2025-07-27T00:00:00Z");
  return a.id;
}

}  // namespace

TEST_SUITE("store.ledger_io") {
  TEST_CASE("a claim's verdict as of a date is the latest confirmed one by then") {
    store::Database db(":memory:");
    store::LedgerIo io(db);
    auto done = io.import({one_claim(with_article(db))});
    REQUIRE(done.errors.empty());
    CHECK(done.claims_added == 1);
    store::ResolutionStore res(db);
    using S = core::ResolutionState;
    res.append(verdict(core::Outcome::False, "2025-08-15", S::Confirmed));
    res.append(verdict(core::Outcome::True, "2025-09-01", S::Proposed));
    res.append(verdict(core::Outcome::True, "2025-10-01", S::Confirmed));

    CHECK_FALSE(io.claims(day("2025-08-14")).claims.at(0).outcome.has_value());
    auto mid = io.claims(day("2025-09-30"));
    CHECK(mid.claims.at(0).outcome == core::Outcome::False);  // the proposal does not count
    CHECK(core::format_date(mid.verdict_dates.at("c1")) == "2025-08-15");
    CHECK(io.claims(day("2025-10-01")).claims.at(0).outcome == core::Outcome::True);
    CHECK(io.claims().claims.at(0).outcome == core::Outcome::True);
  }

  TEST_CASE("the reviewed ledger reads back what was imported, with stored states") {
    store::Database db(":memory:");
    store::LedgerIo io(db);
    auto file = one_claim(with_article(db));
    file.claims[0].resolutions = {
        verdict(core::Outcome::False, "2025-08-15", core::ResolutionState::Confirmed),
        verdict(core::Outcome::True, "2025-10-01", core::ResolutionState::Confirmed)};
    REQUIRE(io.import({file}).errors.empty());
    auto back = io.reviewed();
    REQUIRE(back.size() == 1);
    CHECK(back[0].article.outlet == "Daily");
    REQUIRE(back[0].claims.size() == 1);
    const auto& lc = back[0].claims[0];
    CHECK(lc.claim.speaker->role == "Minister");
    CHECK(lc.claim.topics == std::vector<std::string>{"trade.truce.extend"});
    CHECK(lc.reviews == file.claims[0].reviews);
    REQUIRE(lc.resolutions.size() == 2);
    CHECK(lc.resolutions[0].state == core::ResolutionState::Confirmed);  // as stored
    auto again = io.import({file});
    CHECK(again.claims_added == 0);
    CHECK(again.claims_updated == 0);
    CHECK(again.reviews_added == 0);
    CHECK(again.resolutions_added == 0);
  }

  TEST_CASE("an edited claim in the ledger updates the claim in the database") {
    store::Database db(":memory:");
    store::LedgerIo io(db);
    auto file = one_claim(with_article(db));
    REQUIRE(io.import({file}).errors.empty());
    file.claims[0].claim.probability = 0.6;
    file.claims[0].claim.topics = {"summit"};
    auto done = io.import({file});
    CHECK(done.claims_updated == 1);
    auto c = io.claims().claims.at(0);
    CHECK(*c.probability == 0.6);
    CHECK(c.topics == std::vector<std::string>{"summit"});
  }

  TEST_CASE("a claim whose article is missing is refused with its place, nothing written") {
    store::Database db(":memory:");
    store::LedgerIo io(db);
    auto file = one_claim("nowhere");
    file.claims[0].where = core::Location{"ledger/nowhere.yaml", 11, 5};
    auto done = io.import({file});
    REQUIRE(done.errors.size() == 1);
    CHECK(done.errors[0].to_string() ==
          "ledger/nowhere.yaml:11:5: claim c1: article nowhere is not in the ledger (import the "
          "articles first)");
    CHECK(io.claims().claims.empty());
  }
}
