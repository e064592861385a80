#include <doctest/doctest.h>

#include "extract/extractor.hpp"
#include "extract/matching.hpp"
#include "extract_fixture.hpp"

using namespace hindsight;

namespace {

core::Article article(const std::string& text, const std::string& outlet = "The Paper") {
  core::Article a;
  a.id = "art1";
  a.outlet = outlet;
  a.text = text;
  a.raw_text = text;
  a.published = *core::parse_date("2025-10-27");
  return a;
}

std::vector<core::Claim> claims_of(const core::Article& a) {
  static const extract::Extractor x(fixture::lexicon(), fixture::taxonomy());
  return x.extract(a).claims;
}

}  // namespace

TEST_SUITE("extract.extractor") {
  TEST_CASE("one sentence with two predictions gives two claims, each its clause (seed 004)") {
    auto c = claims_of(article(
        "The US is anticipated to refrain from implementing new 100% tariffs, while China is "
        "expected to delay its new export restrictions for a year."));
    REQUIRE(c.size() == 2);
    CHECK(c[0].text == "The US is anticipated to refrain from implementing new 100% tariffs");
    CHECK(c[1].text == "China is expected to delay its new export restrictions for a year.");
    CHECK(c[0].topics == std::vector<std::string>{"trade.tariff.threat-dropped"});
  }

  TEST_CASE("a prediction with no time in it gets the default horizon") {
    auto c = claims_of(
        article("The issue of Taiwan is also expected to be a central point of discussion."));
    REQUIRE(c.size() == 1);
    CHECK(c[0].kind == core::ClaimKind::Prediction);
    CHECK(c[0].deadline.basis == core::DeadlineBasis::Default);
    CHECK(c[0].deadline.end == *core::parse_date("2026-10-27"));
    CHECK(c[0].speaker->name == "The Paper");
    CHECK(c[0].speaker->basis == core::SpeakerBasis::Outlet);
    CHECK(c[0].cue == "expected to");
  }

  TEST_CASE("a prediction with no time takes the date of the event named next to it (seed 003)") {
    auto a = article(
        "The two leaders will also discuss issues such as fentanyl control. However, the biggest "
        "progress at this week's summit will be to underline the potential for talks.");
    a.published = *core::parse_date("2025-10-29");
    auto c = claims_of(a);
    REQUIRE(!c.empty());
    CHECK(c[0].text.starts_with("The two leaders will also discuss"));
    CHECK(c[0].deadline.basis == core::DeadlineBasis::Inferred);
    CHECK(c[0].deadline.start == *core::parse_date("2025-10-29"));
    CHECK(c[0].deadline.end == *core::parse_date("2025-11-02"));
  }

  TEST_CASE("an event dated in another paragraph does not date a prediction") {
    auto c = claims_of(article(
        "The two leaders will also discuss issues such as fentanyl control.\n\nThe biggest "
        "progress at this week's summit will be to underline the potential for talks."));
    REQUIRE(!c.empty());
    CHECK(c[0].deadline.basis == core::DeadlineBasis::Default);
  }

  TEST_CASE("what a meeting will lead to is not a prediction that the summit takes place") {
    auto c = claims_of(
        article("There is reason to believe that this week's meeting will lay the foundation for "
                "Trump and Xi to establish a much more constructive relationship."));
    REQUIRE(c.size() == 1);
    CHECK(c[0].topics.empty());
  }

  TEST_CASE("the background a clause recounts after 'come after' gives it no topic (seed 002)") {
    auto c = claims_of(article(
        "Set to begin on Monday in Stockholm, the talks come after a series of key developments, "
        "including Washington's partial rollback of export controls on China."));
    REQUIRE(c.size() == 1);
    CHECK(c[0].topics.empty());
  }

  TEST_CASE("a condition is kept and compound parts get their own topics (seed 004)") {
    auto c = claims_of(article(
        "Should the summit prove accomplished, a visit by Donald Trump to China early next year, "
        "potentially followed by a reciprocal visit from Xi Jinping to the United States, is "
        "anticipated."));
    REQUIRE(c.size() == 1);
    CHECK(c[0].condition == "Should the summit prove accomplished");
    REQUIRE(c[0].parts.size() == 2);
    CHECK(c[0].parts[0].text == "a visit by Donald Trump to China early next year");
    CHECK(c[0].parts[0].topics == std::vector<std::string>{"visit.trump-to-china"});
    CHECK(c[0].parts[1].topics == std::vector<std::string>{"visit.xi-to-us"});
    CHECK(*c[0].parts[1].probability < *c[0].parts[0].probability);
  }

  TEST_CASE("a list after including is a compound prediction (seed 000)") {
    auto c = claims_of(article(
        "When Trump and Xi finally meet, they will announce advances on other issues, including "
        "major investments in energy, a crackdown on exports of fentanyl precursors, a "
        "resolution of the TikTok standoff, and promises of purchases of more U.S. products."));
    REQUIRE(c.size() == 1);
    CHECK(c[0].condition == "When Trump and Xi finally meet");
    REQUIRE(c[0].parts.size() == 4);
    CHECK(c[0].parts[3].text == "promises of purchases of more U.S. products");
  }

  TEST_CASE("checkable factual claims: a percentage, an amount, a dated past event") {
    auto c = claims_of(article(
        "China controls about 70% of the world's mining and processing capacity for rare earths. "
        "Bilateral trade between China and Asean totalled $771bn last year, the figures show. "
        "On October 9th, Beijing announced expanded restrictions on rare earth exports. "
        "Last month, China announced new controls on fentanyl precursors and other opioids."));
    REQUIRE(c.size() == 3);
    for (const auto& claim : c) {
      CHECK(claim.kind == core::ClaimKind::Factual);
      CHECK(claim.speaker->basis == core::SpeakerBasis::Outlet);
      CHECK_FALSE(claim.probability);
      CHECK(claim.deadline.basis == core::DeadlineBasis::None);
    }
  }

  TEST_CASE("what only looks like a prediction gives no claim (seeds 001–004)") {
    auto c = claims_of(article(
        "Despite this, Bessent remains optimistic, highlighting constructive progress with "
        "China. This move may be seen as a sign that the US is trying to reduce its reliance. "
        "Xi Jinping aims to secure a weakening of US support for the island. “This is a fragile "
        "ceasefire,” Bessent said. Analysts say China now sees itself in a stronger position. "
        "Will the talks succeed?"));
    CHECK(c.empty());
  }

  TEST_CASE("a repeated paragraph is one claim with an appearance per raw occurrence") {
    std::string para = "The two leaders will also discuss issues such as fentanyl control.";
    auto a = article(para);
    a.raw_text = para + "\n" + para;
    a.repeats = {{{0, para.size()}, {{0, para.size()}, {para.size() + 1, 2 * para.size() + 1}}}};
    auto c = claims_of(a);
    REQUIRE(c.size() == 1);
    REQUIRE(c[0].appearances.size() == 2);
    CHECK(c[0].appearances[1].raw->start == para.size() + 1);
    CHECK(c[0].appearances[1].span == c[0].span);
  }

  TEST_CASE("the same statement said twice in an article is one claim (seed 003)") {
    auto c = claims_of(article(
        "Donald Trump's long-awaited meeting with Xi Jinping could bring an end to months of "
        "global economic chaos caused by the trade war. Other things happened. The meeting "
        "could bring an end to months of global economic chaos caused by the trade war, but it "
        "remains to be seen whether these talks will yield concrete results."));
    REQUIRE(c.size() == 1);
    CHECK(c[0].appearances.size() == 2);
  }

  TEST_CASE("claim ids are stable and the proposition joins topics and deadline") {
    auto a = article("In exchange, the US is expected to lower tariffs on Chinese goods.");
    auto first = claims_of(a), second = claims_of(a);
    REQUIRE(first.size() == 1);
    CHECK(first[0].id == second[0].id);
    CHECK(first[0].id.size() == 16);
    CHECK(first[0].proposition == "trade.tariff.us-lower@open");
  }

  TEST_CASE("the same speaker's statement in two outlets is one claim (seeds 001 and 002)") {
    auto a = article(
        "Treasury Secretary Scott Bessent indicated a likely extension of the current "
        "trade truce.");
    auto b = article(
        "Ahead of the talks, Bessent said the two parties would likely agree to "
        "extend the current trade truce.",
        "Other Outlet");
    b.id = "art2";
    auto ca = claims_of(a), cb = claims_of(b);
    REQUIRE(ca.size() == 1);
    REQUIRE(cb.size() == 1);
    CHECK(extract::same_statement(ca[0], cb[0]));
    auto merged = extract::merge_across_articles({ca[0], cb[0]});
    REQUIRE(merged.size() == 1);
    CHECK(merged[0].appearances.size() == 2);
  }

  TEST_CASE("different speakers predicting the same thing stay apart but share the proposition") {
    auto a = article("Bessent said the truce would likely be extended.");
    auto b = article("Lutnick said the truce would likely be extended.");
    b.id = "art2";
    auto ca = claims_of(a), cb = claims_of(b);
    REQUIRE(ca.size() == 1);
    REQUIRE(cb.size() == 1);
    CHECK_FALSE(extract::same_statement(ca[0], cb[0]));
    CHECK(ca[0].proposition == cb[0].proposition);
    CHECK(extract::merge_across_articles({ca[0], cb[0]}).size() == 2);
  }

  TEST_CASE("the outlet's voice falls back to the URL host, then the source file") {
    core::Article a;
    a.url = "https://www.example.com/news/1";
    CHECK(extract::outlet_speaker(a)->name == "example.com");
    a.url.clear();
    a.source = "claims/articles/001.txt";
    CHECK(extract::outlet_speaker(a)->name == "001.txt");
    a.source.clear();
    CHECK_FALSE(extract::outlet_speaker(a));
  }
}
