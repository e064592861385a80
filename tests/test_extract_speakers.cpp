#include <doctest/doctest.h>

#include "extract/extractor.hpp"
#include "extract_fixture.hpp"

using namespace hindsight;

namespace {

// The speaker of the last claim found in `text`.
std::optional<core::Speaker> speaker(const std::string& text) {
  static const extract::Extractor x(fixture::lexicon(), fixture::taxonomy());
  core::Article a;
  a.id = "a";
  a.outlet = "The Paper";
  a.text = text;
  a.published = *core::parse_date("2025-07-27");
  auto claims = x.extract(a).claims;
  REQUIRE_FALSE(claims.empty());
  return claims.back().speaker;
}

}  // namespace

TEST_SUITE("extract.speakers") {
  TEST_CASE("indirect speech: the subject of said, resolved to the full name and role (seed 002)") {
    auto s = speaker(
        "U.S. Treasury Secretary Scott Bessent heads the American side. Ahead of the "
        "negotiations, Bessent said the two parties would likely agree to extend the truce.");
    REQUIRE(s);
    CHECK(s->name == "Scott Bessent");
    CHECK(s->role == "Treasury Secretary");
    CHECK(s->basis == core::SpeakerBasis::Reported);
  }

  TEST_CASE("an appositive between the name and the verb (seed 001)") {
    auto s = speaker(
        "Treasury Secretary Scott Bessent, heading the US delegation, indicated a "
        "likely extension of the current trade truce.");
    CHECK(s->name == "Scott Bessent");
  }

  TEST_CASE("attribution: X from a body anticipates (seed 001: Lipsky)") {
    auto s = speaker("Josh Lipsky from the Atlantic Council anticipates a temporary agreement.");
    CHECK(s->name == "Josh Lipsky");
    CHECK(s->basis == core::SpeakerBasis::Attributed);
  }

  TEST_CASE("a family name first resolves too (seed 001: Wu suggests)") {
    auto s = speaker(
        "Wu Xinbo from Fudan University notes that the US has changed. Wu suggests "
        "China will increasingly utilize these assets.");
    CHECK(s->name == "Wu Xinbo");
  }

  TEST_CASE("a body that reports: CNN reported that (seed 002)") {
    auto s = speaker(
        "CNN reported that Beijing is also likely to demand a further loosening of "
        "export controls.");
    CHECK(s->name == "CNN");
  }

  TEST_CASE("according to names the speaker; unnamed analysts leave the outlet's voice") {
    auto s = speaker("According to Goldman Sachs economist Jan Hatzius, the Fed will cut rates.");
    CHECK(s->name == "Jan Hatzius");
    CHECK(s->basis == core::SpeakerBasis::Attributed);
    auto t = speaker("Analysts say the Fed will cut rates.");
    CHECK(t->basis == core::SpeakerBasis::Outlet);
  }

  TEST_CASE("a direct quote's speaker, also in the quote's next sentence") {
    auto s = speaker("“We will extend the truce,” Jane Doe said.");
    CHECK(s->name == "Jane Doe");
    CHECK(s->basis == core::SpeakerBasis::Quoted);
    auto t = speaker(
        "“The talks went well,” said Professor Wu Xinbo. “China will use its cards "
        "when necessary.”");
    CHECK(t->name == "Wu Xinbo");
    CHECK(t->role == "Professor");
    CHECK(t->basis == core::SpeakerBasis::Quoted);
  }

  TEST_CASE(
      "an intention belongs to its subject; his resolves to the last named person (seed 001)") {
    auto s = speaker(
        "Recent developments include President Trump's trade agreements with the UK. "
        "His tone towards China has softened, expressing eagerness to visit soon.");
    CHECK(s->name == "Donald Trump");
    auto t = speaker(
        "U.S. President Donald Trump, who recently concluded trade deals, has also "
        "softened his rhetoric, expressing interest in visiting the country.");
    CHECK(t->name == "Donald Trump");
    CHECK(t->role == "President");
  }

  TEST_CASE("He before a capitalized name is a name, not a pronoun (seed 002: He Lifeng)") {
    auto s = speaker("Vice Premier He Lifeng said China will hold firm.");
    CHECK(s->name == "He Lifeng");
    CHECK(s->role == "Vice Premier");
  }
}

TEST_SUITE("extract.speakers") {
  TEST_CASE("a role ends at the last title word before the name (Fed Chair Jerome Powell)") {
    auto s = speaker("Fed Chair Jerome Powell said the central bank will act as appropriate.");
    CHECK(s->name == "Jerome Powell");
    CHECK(s->role == "Fed Chair");
  }

  TEST_CASE("a quoted explicit chance belongs to the quote's speaker") {
    auto s = speaker(
        "“I think there is a 70% chance that we cut twice this year,” said Jan "
        "Hatzius, chief economist at Goldman Sachs.");
    CHECK(s->name == "Jan Hatzius");
    CHECK(s->basis == core::SpeakerBasis::Quoted);
  }

  TEST_CASE("a trailing attribution names the speaker of a fact; polls are not speakers") {
    auto s = speaker("Inflation fell to 2.9% in July, the Labor Department said on Wednesday.");
    CHECK(s->name == "Labor Department");
    auto t = speaker("Polls suggest the race is unlikely to be decided before midnight.");
    CHECK(t->basis == core::SpeakerBasis::Outlet);
  }
}
