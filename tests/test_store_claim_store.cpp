#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/article_store.hpp"
#include "store/claim_store.hpp"
#include "store/resolution_store.hpp"

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
  c.topics = {"trade.truce.extend"};
  c.parts = {{"part one", 0.5, {"taiwan"}}};
  c.proposition = "trade.truce.extend@2025-08-12";
  return c;
}

core::Resolution verdict(const std::string& claim_id, core::Outcome o, const char* by) {
  core::Resolution r;
  r.claim = claim_id;
  r.outcome = o;
  r.as_of = d("2025-09-01");
  r.by = by;
  r.evidence = {"E2"};
  r.state = core::ResolutionState::Confirmed;
  r.recorded_at = "2025-09-01T00:00:00Z";
  return r;
}

}  // namespace

TEST_SUITE("store.claim_store") {
  TEST_CASE("match candidates share the proposition, the named speaker and a fortnight") {
    store::Database db(":memory:");
    add_article(db, "a1");
    store::ClaimStore claims(db);
    auto same = claim("same", "a1");
    auto other_speaker = claim("other", "a1", 20);
    other_speaker.speaker->name = "He Lifeng";
    auto later = claim("later", "a1", 40);
    later.stated_on = d("2025-09-01");
    claims.save_extraction("a1", {same, other_speaker, later});
    auto probe = claim("probe", "a2");
    probe.stated_on = d("2025-08-05");
    auto found = claims.match_candidates(probe, 14);
    REQUIRE(found.size() == 1);
    CHECK(found[0].id == "same");
    probe.speaker->basis = core::SpeakerBasis::Outlet;  // an outlet's voice is never merged
    CHECK(claims.match_candidates(probe, 14).empty());
  }

  TEST_CASE("a saved claim reads back with appearances, topics and parts") {
    store::Database db(":memory:");
    add_article(db, "a1");
    store::ClaimStore claims(db);
    CHECK(claims.save_extraction("a1", {claim("c1", "a1")}) == 1);
    auto c = claims.get("c1");
    REQUIRE(c);
    CHECK(c->text == "It will do.");
    CHECK(c->speaker->name == "Scott Bessent");
    CHECK(c->speaker->role == "Treasury Secretary");
    CHECK(c->deadline.end == d("2025-08-12"));
    CHECK(c->topics == std::vector<std::string>{"trade.truce.extend"});
    REQUIRE(c->parts.size() == 1);
    CHECK(c->parts[0].topics == std::vector<std::string>{"taiwan"});
    REQUIRE(c->appearances.size() == 1);
    CHECK_FALSE(c->outcome);
  }

  TEST_CASE("re-extracting an article replaces its candidates and keeps reviewed claims") {
    store::Database db(":memory:");
    add_article(db, "a1");
    store::ClaimStore claims(db);
    claims.save_extraction("a1", {claim("c1", "a1"), claim("c2", "a1", 20)});
    auto reviewed = *claims.get("c2");
    reviewed.review = core::Review::Accepted;
    claims.review(reviewed, {"accept", "ann", "2025-07-28T00:00:00Z", "{}"});
    claims.save_extraction("a1", {claim("c3", "a1", 40)});
    CHECK_FALSE(claims.get("c1"));
    REQUIRE(claims.get("c2"));
    CHECK(claims.get("c2")->review == core::Review::Accepted);
    CHECK(claims.get("c2")->appearances.size() == 1);
    CHECK(claims.get("c3"));
  }

  TEST_CASE("re-extracting one article never loses another article's appearance") {
    store::Database db(":memory:");
    add_article(db, "a1");
    add_article(db, "a2");
    store::ClaimStore claims(db);
    claims.save_extraction("a1", {claim("c1", "a1")});
    auto same = claim("c1", "a2", 5);  // the same statement, matched to c1
    claims.save_extraction("a2", {same});
    CHECK(claims.get("c1")->appearances.size() == 2);
    claims.save_extraction("a1", {});
    auto c = claims.get("c1");
    REQUIRE(c);
    REQUIRE(c->appearances.size() == 1);
    CHECK(c->appearances[0].article == "a2");
    CHECK(c->article == "a2");
  }

  TEST_CASE("the current outcome is the latest confirmed resolution") {
    store::Database db(":memory:");
    add_article(db, "a1");
    store::ClaimStore claims(db);
    claims.save_extraction("a1", {claim("c1", "a1")});
    store::ResolutionStore res(db);
    res.append(verdict("c1", core::Outcome::False, "ann"));
    res.append(verdict("c1", core::Outcome::True, "bob"));
    auto proposed = verdict("c1", core::Outcome::Void, "rule:x@1#0");
    proposed.state = core::ResolutionState::Proposed;
    res.propose(proposed);
    auto c = claims.get("c1");
    REQUIRE(c->outcome);
    CHECK(*c->outcome == core::Outcome::True);
    CHECK(c->resolved_by == "bob");
    CHECK(c->evidence == std::vector<std::string>{"E2"});
  }

  TEST_CASE("listing filters by status, speaker, topic, due date and overdue") {
    store::Database db(":memory:");
    add_article(db, "a1");
    store::ClaimStore claims(db);
    auto late = claim("c2", "a1", 20);
    late.deadline.end = d("2026-01-31");
    late.speaker->name = "Xi Jinping";
    late.topics = {"summit.trump-xi"};
    claims.save_extraction("a1", {claim("c1", "a1"), late});
    store::ResolutionStore(db).append(verdict("c1", core::Outcome::True, "ann"));
    auto ids = [&](auto set) {
      store::ClaimFilter f;
      set(f);
      std::vector<std::string> out;
      for (const auto& c : claims.list(f)) out.push_back(c.id);
      return out;
    };
    using V = std::vector<std::string>;
    CHECK(ids([](auto&) {}) == V{"c1", "c2"});
    CHECK(ids([&](auto& f) { f.status = "open"; }) == V{"c2"});
    CHECK(ids([&](auto& f) { f.status = "true"; }) == V{"c1"});
    CHECK(ids([&](auto& f) { f.status = "candidate"; }) == V{"c1", "c2"});
    CHECK(ids([&](auto& f) { f.speaker = "Xi Jinping"; }) == V{"c2"});
    CHECK(ids([&](auto& f) { f.topic = "trade.*"; }) == V{"c1"});
    CHECK(ids([&](auto& f) { f.topic = "summit.trump-xi"; }) == V{"c2"});
    CHECK(ids([&](auto& f) { f.due_before = d("2025-09-01"); }) == V{"c1"});
    CHECK(ids([&](auto& f) { f.overdue_as_of = d("2026-02-01"); }) == V{"c2"});
    CHECK(ids([&](auto& f) { f.overdue_as_of = d("2025-12-01"); }).empty());
  }

  TEST_CASE("a review updates the claim and is appended with who and when") {
    store::Database db(":memory:");
    add_article(db, "a1");
    store::ClaimStore claims(db);
    claims.save_extraction("a1", {claim("c1", "a1")});
    auto c = *claims.get("c1");
    c.probability = 0.6;
    c.topics = {"taiwan"};
    c.review = core::Review::Edited;
    claims.review(
        c, {"edit", "ann", "2025-07-28T10:00:00Z", R"({"probability":{"from":0.9,"to":0.6}})"});
    auto back = *claims.get("c1");
    CHECK(back.review == core::Review::Edited);
    CHECK(*back.probability == doctest::Approx(0.6));
    CHECK(back.topics == std::vector<std::string>{"taiwan"});
    auto reviews = store::ResolutionStore(db).reviews("c1");
    REQUIRE(reviews.size() == 1);
    CHECK(reviews[0].by == "ann");
    CHECK(reviews[0].at == "2025-07-28T10:00:00Z");
    CHECK(reviews[0].action == "edit");
  }

  TEST_CASE("status names are checked") {
    CHECK(store::valid_status("candidate"));
    CHECK(store::valid_status("overdue") == false);
    CHECK(store::valid_status("partial"));
  }
}
