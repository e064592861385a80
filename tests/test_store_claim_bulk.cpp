#include <doctest/doctest.h>

#include "store/article_store.hpp"
#include "store/claim_bulk.hpp"
#include "store/claim_store.hpp"

using namespace hindsight;

namespace {

core::Date d(const char* s) {
  return *core::parse_date(s);
}

void add_article(store::Database& db, const std::string& id) {
  core::Article a;
  a.id = id;
  a.text = "Some text of " + id + ". It will do.";
  a.raw_text = a.text;
  a.published = d("2025-07-27");
  store::ArticleStore(db).add(a, "2025-07-27T00:00:00Z");
}

core::Claim claim(const std::string& id, const std::string& article, std::size_t start = 0) {
  core::Claim c;
  c.id = id;
  c.text = "It will do.";
  c.article = article;
  c.span = {start, start + 11};
  c.appearances = {{article, c.span, std::nullopt}};
  c.speaker = core::Speaker{"Scott Bessent", core::SpeakerBasis::Reported, "Treasury Secretary"};
  c.stated_on = d("2025-07-27");
  c.cue = "will";
  c.probability = 0.9;
  c.probability_basis = core::ProbabilityBasis::Lexicon;
  c.deadline = {d("2025-07-27"), d("2025-08-12"), "on 12 August", core::DeadlineBasis::Stated};
  c.topics = {"trade.truce.extend", "bench.t001"};
  c.parts = {{"part one", 0.5, {"taiwan"}}, {"part two", std::nullopt, {}}};
  c.proposition = "trade.truce.extend@2025-08-12";
  c.condition = "Should the summit go well";
  return c;
}

}  // namespace

TEST_SUITE("store.claim_bulk") {
  TEST_CASE("a bulk-loaded claim reads back like a saved one") {
    store::Database db(":memory:");
    add_article(db, "a1");
    {
      store::ClaimBulkLoader loader(db);
      CHECK(loader.add(claim("c1", "a1")).status == store::BulkAdd::Status::Added);
      loader.commit();
    }
    auto c = store::ClaimStore(db).get("c1");
    REQUIRE(c);
    auto want = claim("c1", "a1");
    CHECK(c->text == want.text);
    CHECK(c->article == "a1");
    CHECK(c->span.start == 0);
    CHECK(c->span.end == 11);
    REQUIRE(c->speaker);
    CHECK(c->speaker->name == "Scott Bessent");
    CHECK(c->speaker->basis == core::SpeakerBasis::Reported);
    CHECK(c->speaker->role == "Treasury Secretary");
    CHECK(c->probability == doctest::Approx(0.9));
    CHECK(c->probability_basis == core::ProbabilityBasis::Lexicon);
    CHECK(c->deadline.end == want.deadline.end);
    CHECK(c->deadline.phrase == "on 12 August");
    CHECK(c->deadline.basis == core::DeadlineBasis::Stated);
    CHECK(c->topics == std::vector<std::string>{"bench.t001", "trade.truce.extend"});
    REQUIRE(c->parts.size() == 2);
    CHECK(c->parts[0].topics == std::vector<std::string>{"taiwan"});
    CHECK(!c->parts[1].probability);
    CHECK(c->condition == want.condition);
    CHECK(c->proposition == want.proposition);
    REQUIRE(c->appearances.size() == 1);
    CHECK(c->appearances[0].article == "a1");
  }

  TEST_CASE("a claim already in the ledger gains only the appearances it lacked") {
    store::Database db(":memory:");
    add_article(db, "a1");
    add_article(db, "a2");
    store::ClaimBulkLoader loader(db);
    CHECK(loader.add(claim("c1", "a1")).status == store::BulkAdd::Status::Added);
    auto again = claim("c1", "a1");
    again.text = "A different text is not taken.";
    again.appearances.push_back({"a2", {5, 16}, std::nullopt});
    CHECK(loader.add(again).status == store::BulkAdd::Status::Existing);
    loader.commit();
    auto c = store::ClaimStore(db).get("c1");
    REQUIRE(c);
    CHECK(c->text == "It will do.");
    CHECK(c->appearances.size() == 2);
  }

  TEST_CASE("a claim naming an article not in the ledger is refused and nothing is written") {
    store::Database db(":memory:");
    add_article(db, "a1");
    store::ClaimBulkLoader loader(db);
    auto r = loader.add(claim("c1", "missing"));
    CHECK(r.status == store::BulkAdd::Status::MissingArticle);
    CHECK(r.missing_article == "missing");
    auto other = claim("c2", "a1");
    other.appearances.push_back({"gone", {0, 11}, std::nullopt});
    r = loader.add(other);
    CHECK(r.status == store::BulkAdd::Status::MissingArticle);
    CHECK(r.missing_article == "gone");
    loader.commit();
    CHECK(store::ClaimStore(db).list().empty());
  }

  TEST_CASE("without a batch size nothing is written until commit, and rollback drops it all") {
    store::Database db(":memory:");
    add_article(db, "a1");
    store::ClaimBulkLoader loader(db);
    for (int i = 0; i < 5; ++i) loader.add(claim("c" + std::to_string(i), "a1"));
    loader.rollback();
    CHECK(store::ClaimStore(db).list().empty());
  }

  TEST_CASE("with a batch size every full batch is committed") {
    store::Database db(":memory:");
    add_article(db, "a1");
    store::ClaimBulkLoader loader(db, 2);
    for (int i = 0; i < 5; ++i) loader.add(claim("c" + std::to_string(i), "a1"));
    loader.rollback();  // drops the fifth, in the batch still open
    CHECK(store::ClaimStore(db).list().size() == 4);
  }

  TEST_CASE("a loader destroyed without commit writes nothing") {
    store::Database db(":memory:");
    add_article(db, "a1");
    { store::ClaimBulkLoader(db).add(claim("c1", "a1")); }
    CHECK(!store::ClaimStore(db).get("c1"));
  }
}
