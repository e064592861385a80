#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/failure.hpp"
#include "store/resolution_batch.hpp"
#include "store/resolution_store.hpp"

using namespace hindsight;

namespace {

// A bare claim row, enough for the resolutions' foreign key.
void add_claim(store::Database& db, const std::string& id, const std::string& topic,
               const std::string& review = "candidate") {
  db.sql().exec(
      "INSERT OR IGNORE INTO articles (id, raw_text, text, imported_at) VALUES ('a', '', '', '')");
  SQLite::Statement q(db.sql(),
                      "INSERT INTO claims (id, kind, text, article_id, span_start, span_end, "
                      "stated_on, review) VALUES (?, 'prediction', 't', 'a', 0, 1, "
                      "'2025-07-27', ?)");
  q.bind(1, id);
  q.bind(2, review);
  q.exec();
  SQLite::Statement t(db.sql(), "INSERT INTO claim_topics (claim_id, topic) VALUES (?, ?)");
  t.bind(1, id);
  t.bind(2, topic);
  t.exec();
}

core::Resolution verdict(const std::string& claim, core::Outcome outcome, const std::string& by,
                         core::ResolutionState state = core::ResolutionState::Proposed) {
  core::Resolution r;
  r.claim = claim;
  r.outcome = outcome;
  r.as_of = *core::parse_date("2025-08-12");
  r.by = by;
  r.evidence = {"E2"};
  r.state = state;
  r.recorded_at = "2025-08-12T10:00:00Z";
  return r;
}

}  // namespace

TEST_SUITE("store.resolution_store") {
  TEST_CASE("a rule's verdict is appended only when it differs from its last one") {
    store::Database db(":memory:");
    add_claim(db, "c1", "trade.truce.extend");
    store::ResolutionStore rs(db);
    auto r = verdict("c1", core::Outcome::True, "rule:truce@1#abcd1234");
    CHECK(rs.propose(r, true) == store::ProposalResult::Added);
    CHECK(rs.history("c1").empty());  // a dry run writes nothing
    CHECK(rs.propose(r) == store::ProposalResult::Added);
    CHECK(rs.propose(r) == store::ProposalResult::Unchanged);
    r.state = core::ResolutionState::Confirmed;
    CHECK(rs.propose(r) == store::ProposalResult::Added);  // confirming is a change
    r.state = core::ResolutionState::Proposed;
    CHECK(rs.propose(r) == store::ProposalResult::Unchanged);
    r.evidence = {"E2", "E3"};
    CHECK(rs.propose(r) == store::ProposalResult::Added);
    CHECK(rs.history("c1").size() == 3);
  }

  TEST_CASE("a person's verdict supersedes a rule's and rules then leave it alone") {
    store::Database db(":memory:");
    add_claim(db, "c1", "trade.truce.extend");
    store::ResolutionStore rs(db);
    rs.propose(verdict("c1", core::Outcome::True, "rule:truce@1#abcd1234",
                       core::ResolutionState::Confirmed));
    auto mark = verdict("c1", core::Outcome::False, "Ana Lima", core::ResolutionState::Confirmed);
    mark.note = "the extension was announced, not signed";
    rs.append(mark);
    CHECK(rs.propose(verdict("c1", core::Outcome::Partial, "rule:truce@2#ffff0000")) ==
          store::ProposalResult::KeptMark);
    auto history = rs.history("c1");
    REQUIRE(history.size() == 2);
    CHECK(history[0].state == core::ResolutionState::Superseded);
    CHECK(history[1].state == core::ResolutionState::Confirmed);
    CHECK(history[1].note == "the extension was announced, not signed");
    CHECK(rs.current("c1")->by == "Ana Lima");
  }

  TEST_CASE("the ledger refuses to rewrite a verdict") {
    store::Database db(":memory:");
    add_claim(db, "c1", "x");
    store::ResolutionStore rs(db);
    rs.append(verdict("c1", core::Outcome::True, "Ana"));
    CHECK_THROWS_WITH_AS(db.sql().exec("UPDATE resolutions SET outcome = 'false'"),
                         "resolutions are append-only", SQLite::Exception);
    CHECK_THROWS_WITH_AS(db.sql().exec("DELETE FROM resolutions"), "resolutions are append-only",
                         SQLite::Exception);
  }

  TEST_CASE("claims are found by topic, by parts and by id prefix, rejected ones left out") {
    store::Database db(":memory:");
    add_claim(db, "abc1", "visit.trump-to-china");
    add_claim(db, "abd2", "visit.trump-to-china", "rejected");
    add_claim(db, "b%_3", "summit.trump-xi");
    db.sql().exec(
        "INSERT INTO claim_parts (claim_id, idx, text) VALUES ('abc1', 0, 'x'), "
        "('abc1', 1, 'y'), ('b%_3', 0, 'z')");
    store::ResolutionStore rs(db);
    CHECK(rs.claims_with_topic("visit.trump-to-china") == std::vector<std::string>{"abc1"});
    CHECK(rs.compound_claims() == std::vector<std::string>{"abc1"});
    CHECK(rs.claims_with_prefix("ab") == std::vector<std::string>{"abc1", "abd2"});
    CHECK(rs.claims_with_prefix("b%") == std::vector<std::string>{"b%_3"});
    CHECK(rs.claims_with_prefix("a%").empty());
  }

  TEST_CASE("a verdict on an unknown claim is an environment failure") {
    store::Database db(":memory:");
    store::ResolutionStore rs(db);
    CHECK_THROWS_AS(rs.append(verdict("nope", core::Outcome::True, "Ana")), core::Failure);
  }

  TEST_CASE(
      "a batch of rule verdicts is decided as one at a time would be, and a dry run writes none") {
    store::Database db(":memory:");
    for (const char* id : {"c1", "c2", "c3", "c4"}) add_claim(db, id, "t");
    store::ResolutionStore one(db);
    one.append(verdict("c2", core::Outcome::True, "rule:r@1#a", core::ResolutionState::Confirmed));
    one.append(verdict("c3", core::Outcome::False, "Ana Lima", core::ResolutionState::Confirmed));
    store::VerdictRecorder recorder(db);
    auto confirmed = core::ResolutionState::Confirmed;
    std::vector<core::Resolution> batch{
        verdict("c1", core::Outcome::True, "rule:r@1#a", confirmed),
        verdict("c2", core::Outcome::True, "rule:r@1#a", confirmed),
        verdict("c3", core::Outcome::True, "rule:r@1#a", confirmed),
        verdict("c4", core::Outcome::False, "rule:r@1#a", confirmed)};
    using P = store::ProposalResult;
    auto dry = recorder.record(batch, true);
    CHECK(dry == std::vector<P>{P::Added, P::Unchanged, P::KeptMark, P::Added});
    CHECK(one.history("c1").empty());
    int traced = 0;
    auto done = recorder.record(batch, false, [&](std::size_t i) {
      ++traced;
      return "{\"n\":" + std::to_string(i) + "}";
    });
    CHECK(done == dry);
    CHECK(traced == 2);  // traces are made only for the verdicts appended
    REQUIRE(one.history("c4").size() == 1);
    CHECK(one.history("c4")[0].trace == "{\"n\":3}");
    CHECK(recorder.record(batch) ==
          std::vector<P>{P::Unchanged, P::Unchanged, P::KeptMark, P::Unchanged});
  }

  TEST_CASE(
      "claims for the rules come in batches with their sorted topics, rejected ones left out") {
    store::Database db(":memory:");
    add_claim(db, "b", "z.topic");
    add_claim(db, "a", "y.topic");
    add_claim(db, "c", "x.topic", "rejected");
    db.sql().exec("INSERT INTO claim_topics (claim_id, topic) VALUES ('b', 'a.topic')");
    store::ClaimsForRules reader(db);
    std::vector<core::Claim> claims;
    REQUIRE(reader.next(1, claims));
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].id == "b");  // in the order they were recorded
    CHECK(claims[0].topics == std::vector<std::string>{"a.topic", "z.topic"});
    REQUIRE(reader.next(5, claims));
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].id == "a");
    CHECK(claims[0].topics == std::vector<std::string>{"y.topic"});
    CHECK(!reader.next(5, claims));
  }
}
