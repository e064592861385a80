// A small ledger built by hand; every expected figure is worked out in a comment.
#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "score/scorecard.hpp"

using namespace hindsight;
using namespace hindsight::score;
using doctest::Approx;

namespace {

core::Date day(const char* iso) {
  return *core::parse_date(iso);
}

core::Claim make(const char* id, const char* speaker, core::SpeakerBasis basis,
                 std::optional<double> p, std::optional<core::Outcome> outcome,
                 const char* article = "a1", const char* stated = "2025-07-28") {
  core::Claim c;
  c.id = id;
  c.text = std::string("claim ") + id;
  c.article = article;
  c.appearances.push_back(core::Appearance{article, {0, 10}, std::nullopt});
  if (speaker) c.speaker = core::Speaker{speaker, basis, ""};
  c.stated_on = day(stated);
  c.probability = p;
  c.outcome = outcome;
  return c;
}

// Ana (quoted) in a1, five scored predictions:
//   c1 0.8 true 0.04 · c2 0.7 false 0.49 · c3 0.9 true 0.01 · c4 0.6 partial 0.5 0.01
//   c5 0.2 false 0.04 → Brier 0.59 / 5 = 0.118; hits c1 c3 c5, miss c2, c4 no call.
// Daily (the outlet's own voice) in a1, also printed in a2 (Wire):
//   c6 0.6 true 0.16 · c7 void · c8 open, overdue · c9 open · c10 true, no probability.
// Left out: c11 rejected, c12 factual, c13 stated after as_of.
// c14: no speaker, in a3 (no outlet), ambiguous.
std::vector<core::Claim> ledger() {
  using core::Outcome;
  using core::SpeakerBasis;
  std::vector<core::Claim> cs;
  cs.push_back(make("c1", "Ana", SpeakerBasis::Quoted, 0.8, Outcome::True));
  cs.back().topics = {"summit", "trade.truce"};
  cs.push_back(make("c2", "Ana", SpeakerBasis::Quoted, 0.7, Outcome::False));
  cs.back().topics = {"trade.truce"};
  cs.push_back(make("c3", "Ana", SpeakerBasis::Quoted, 0.9, Outcome::True));
  cs.push_back(make("c4", "Ana", SpeakerBasis::Quoted, 0.6, Outcome::Partial));
  cs.back().credit = 0.5;
  cs.push_back(make("c5", "Ana", SpeakerBasis::Quoted, 0.2, Outcome::False));
  for (const char* id : {"c6", "c7", "c8", "c9", "c10"}) {
    cs.push_back(make(id, "Daily", SpeakerBasis::Outlet, 0.6, std::nullopt, "a1", "2025-10-29"));
    cs.back().appearances.push_back(core::Appearance{"a2", {5, 9}, std::nullopt});
  }
  cs[5].outcome = Outcome::True;
  cs[6].probability = 0.3;
  cs[6].outcome = Outcome::Void;
  cs[7].deadline.end = day("2025-12-01");
  cs[7].deadline.phrase = "by December";
  cs[8].deadline.end = day("2026-03-01");
  cs[9].probability.reset();
  cs[9].outcome = Outcome::True;
  cs.push_back(make("c11", "Ana", SpeakerBasis::Quoted, 0.9, Outcome::False));
  cs.back().review = core::Review::Rejected;
  cs.push_back(make("c12", "Ana", SpeakerBasis::Quoted, 0.9, Outcome::False));
  cs.back().kind = core::ClaimKind::Factual;
  cs.push_back(make("c13", "Ana", SpeakerBasis::Quoted, 0.1, Outcome::True, "a1", "2026-02-01"));
  cs.push_back(
      make("c14", nullptr, SpeakerBasis::Outlet, 0.4, Outcome::Ambiguous, "a3", "2025-10-01"));
  return cs;
}

ArticleIndex articles() {
  return {{"a1", {"Daily", "Title one", "https://daily.example/1", std::nullopt}},
          {"a2", {"Wire", "Title two", "", std::nullopt}},
          {"a3", {"", "", "", std::nullopt}}};
}

ScorecardOptions options(GroupBy by) {
  ScorecardOptions o;
  o.by = by;
  o.as_of = day("2026-01-01");
  return o;
}

const GroupScore& group(const Scorecard& card, const std::string& key) {
  auto it = std::find_if(card.groups.begin(), card.groups.end(),
                         [&](const GroupScore& g) { return g.key == key; });
  REQUIRE_MESSAGE(it != card.groups.end(), "no group " << key);
  return *it;
}

}  // namespace

TEST_SUITE("score.scorecard") {
  TEST_CASE("group names parse and print") {
    CHECK(group_by_from_string("outlet") == GroupBy::Outlet);
    CHECK(std::string(to_string(GroupBy::Month)) == "month");
    CHECK_FALSE(group_by_from_string("weekday").has_value());
  }

  TEST_CASE("by speaker: Brier, log loss, hit rate and counts per speaker") {
    auto cs = ledger();
    auto card = build_scorecard(cs, articles(), options(GroupBy::Speaker));
    REQUIRE(card.groups.size() == 3);
    const auto& ana = card.groups[0];
    CHECK(ana.key == "Ana");
    CHECK(ana.tally.predictions == 5);
    CHECK(ana.tally.scored == 5);
    CHECK(*ana.brier == Approx(0.118));
    // −[ln 0.8 + ln 0.3 + ln 0.9 + (0.5 ln 0.6 + 0.5 ln 0.4) + ln 0.8] / 5
    CHECK(*ana.log == Approx((0.2231436 + 1.2039728 + 0.1053605 + 0.7135582 + 0.2231436) / 5));
    // reference (0.25·4 + 0) / 5 = 0.2 → 1 − 0.118 / 0.2
    CHECK(*ana.brier_skill == Approx(0.41));
    CHECK(ana.hits.hits == 3);
    CHECK(ana.hits.calls == 4);
    CHECK(ana.hits.no_call == 1);
    CHECK_FALSE(ana.too_small);
    CHECK(ana.rank == 1);

    const auto& daily = card.groups[1];
    CHECK(daily.key == "Daily");
    CHECK(daily.tally.predictions == 5);
    CHECK(daily.tally.resolved == 3);
    CHECK(daily.tally.scored == 1);
    CHECK(daily.tally.unscored == 1);
    CHECK(daily.tally.void_count == 1);
    CHECK(daily.tally.open == 2);
    CHECK(daily.tally.overdue == 1);
    CHECK(*daily.brier == Approx(0.16));
    CHECK(daily.too_small);
    CHECK_FALSE(daily.rank.has_value());

    const auto& nobody = card.groups[2];
    CHECK(nobody.key == kUnknownSpeaker);
    CHECK(nobody.tally.ambiguous == 1);
    CHECK(nobody.tally.scored == 0);
    CHECK_FALSE(nobody.brier.has_value());
  }

  TEST_CASE("rejected, factual and later claims do not count") {
    auto cs = ledger();
    auto card = build_scorecard(cs, articles(), options(GroupBy::Speaker));
    CHECK(card.overall.key == "all");
    CHECK(card.overall.tally.predictions == 11);
    CHECK(card.overall.tally.scored == 6);
    CHECK(*card.overall.brier == Approx(0.125));  // (0.59 + 0.16) / 6
    CHECK(counts(cs[0], day("2026-01-01")));
    CHECK_FALSE(counts(cs[10], day("2026-01-01")));  // rejected
    CHECK_FALSE(counts(cs[11], day("2026-01-01")));  // factual
    CHECK_FALSE(counts(cs[12], day("2026-01-01")));  // stated 2026-02-01
    CHECK(counts(cs[12], day("2026-02-01")));
  }

  TEST_CASE("a smaller min-n ranks smaller groups, a group without scores never") {
    auto cs = ledger();
    auto opts = options(GroupBy::Speaker);
    opts.min_n = 1;
    auto card = build_scorecard(cs, articles(), opts);
    CHECK(group(card, "Ana").rank == 1);
    CHECK(group(card, "Daily").rank == 2);
    CHECK_FALSE(group(card, std::string(kUnknownSpeaker)).rank.has_value());
  }

  TEST_CASE("by outlet counts the outlet's own voice in every outlet that printed it") {
    auto cs = ledger();
    auto card = build_scorecard(cs, articles(), options(GroupBy::Outlet));
    REQUIRE(card.groups.size() == 3);
    CHECK(group(card, "Daily").tally.predictions == 5);
    CHECK(group(card, "Wire").tally.predictions == 5);
    CHECK(*group(card, "Wire").brier == Approx(0.16));
    // c14 has no speaker at all: unattributed, so the outlet's voice; a3 has no outlet
    CHECK(group(card, std::string(kUnknownOutlet)).tally.ambiguous == 1);
    CHECK(card.overall.tally.predictions == 6);  // Ana's quotes are left out
  }

  TEST_CASE("by outlet with quoted claims adds what the outlet reported from others") {
    auto cs = ledger();
    auto opts = options(GroupBy::Outlet);
    opts.include_quoted = true;
    auto card = build_scorecard(cs, articles(), opts);
    const auto& daily = group(card, "Daily");
    CHECK(daily.tally.predictions == 10);
    CHECK(daily.tally.scored == 6);
    CHECK(*daily.brier == Approx(0.125));
    CHECK(daily.rank == 1);
    CHECK(group(card, "Wire").tally.predictions == 5);
  }

  TEST_CASE("by topic a claim counts in each of its topics") {
    auto cs = ledger();
    auto card = build_scorecard(cs, articles(), options(GroupBy::Topic));
    CHECK(group(card, "trade.truce").tally.scored == 2);
    CHECK(*group(card, "trade.truce").brier == Approx(0.265));  // (0.04 + 0.49) / 2
    CHECK(*group(card, "summit").brier == Approx(0.04));
    CHECK(group(card, std::string(kNoTopic)).tally.predictions == 9);
    CHECK(card.overall.tally.predictions == 11);  // each claim once in the total
  }

  TEST_CASE("by month groups on the month the claim was stated") {
    auto cs = ledger();
    auto card = build_scorecard(cs, articles(), options(GroupBy::Month));
    REQUIRE(card.groups.size() == 2);
    CHECK(*group(card, "2025-07").brier == Approx(0.118));
    CHECK(group(card, "2025-10").tally.predictions == 6);
  }

  TEST_CASE("open predictions are listed by deadline with the overdue ones marked") {
    auto cs = ledger();
    auto card = build_scorecard(cs, articles(), options(GroupBy::Speaker));
    REQUIRE(card.open.size() == 2);
    CHECK(card.open[0].claim == "c8");
    CHECK(card.open[0].overdue);
    CHECK(card.open[0].deadline_phrase == "by December");
    CHECK(card.open[0].outlet == "Daily");
    CHECK(card.open[0].title == "Title one");
    CHECK(card.open[1].claim == "c9");
    CHECK_FALSE(card.open[1].overdue);
  }

  TEST_CASE("the scorecard's calibration covers every scored prediction once") {
    auto cs = ledger();
    auto card = build_scorecard(cs, articles(), options(GroupBy::Topic));
    REQUIRE(card.calibration.size() == 10);
    int n = 0;
    for (const auto& b : card.calibration) n += b.n;
    CHECK(n == 6);
    // 0.6 → partial 0.5 (Ana) and 0.6 → true (Daily): observed (0.5 + 1) / 2
    CHECK(card.calibration[6].n == 2);
    CHECK(*card.calibration[6].observed == Approx(0.75));
    REQUIRE(card.murphy);
    CHECK(card.murphy->brier == Approx(0.125));
  }
}
