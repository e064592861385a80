#include <doctest/doctest.h>

#include <string>

#include "extract/cues.hpp"
#include "extract_fixture.hpp"

using namespace hindsight;

namespace {

struct Rated {
  bool prediction;
  extract::Confidence confidence;
};

Rated rate(const std::string& text) {
  static const extract::CueFinder finder(fixture::lexicon());
  auto tokens = extract::tokenize(text);
  auto matches = finder.find(tokens, 0, tokens.size());
  bool open = finder.open_question(tokens, 0, tokens.size());
  return {extract::has_future_marker(matches) && !open, extract::rate(tokens, matches, text)};
}

}  // namespace

TEST_SUITE("extract.cues") {
  TEST_CASE("an explicit number wins over the cue words: an 84–85% chance is 0.845") {
    auto r = rate("There is an 84–85% chance that the truce will be extended.");
    CHECK(r.prediction);
    CHECK(r.confidence.probability == doctest::Approx(0.845));
    CHECK(r.confidence.basis == core::ProbabilityBasis::Explicit);
    CHECK(r.confidence.cue == "84–85% chance");
  }

  TEST_CASE("nesting: would likely is rated as likely") {
    auto r = rate("Bessent said the two parties would likely agree to extend the truce.");
    CHECK(r.prediction);
    CHECK(r.confidence.cue == "would likely");
    CHECK(r.confidence.probability == doctest::Approx(0.72));
    CHECK(r.confidence.basis == core::ProbabilityBasis::Lexicon);
  }

  TEST_CASE("negation: is not expected to mirrors, unlikely and won't are their own rows") {
    auto a = rate("The Fed is not expected to cut rates in June.");
    CHECK(a.prediction);
    CHECK(a.confidence.probability == doctest::Approx(0.20));
    auto b = rate("A deal is unlikely before the summit.");
    CHECK(b.prediction);
    CHECK(b.confidence.probability == doctest::Approx(0.20));
    auto c = rate("He won't sign the bill.");
    CHECK(c.confidence.probability == doctest::Approx(0.10));
    auto d = rate("The bank could not raise rates again.");
    CHECK(d.confidence.probability == doctest::Approx(0.60));
    CHECK(d.confidence.cue == "could not");
  }

  TEST_CASE("an expectation governs a modal elsewhere in the sentence (seed 000)") {
    auto r = rate(
        "It will also be a bellwether for a summit, which is expected to occur before "
        "early November.");
    CHECK(r.confidence.cue == "expected to");
    CHECK(r.confidence.probability == doctest::Approx(0.70));
  }

  TEST_CASE("a hedge frames the modal inside it: it is even possible to imagine … will") {
    auto r = rate("It is even possible to imagine that this summit will announce a partnership.");
    CHECK(r.prediction);
    CHECK(r.confidence.probability == doctest::Approx(0.42));
  }

  TEST_CASE("my prediction frames a will without rating it") {
    auto r = rate(
        "Here's my prediction: in what they may call a rebalancing, they will announce advances.");
    CHECK(r.prediction);
    CHECK(r.confidence.cue == "my prediction … will");
    CHECK(r.confidence.probability == doctest::Approx(0.90));
  }

  TEST_CASE("an adverb in a trailing phrase does not rate the clause") {
    auto r = rate(
        "The relationship is expected to remain competitive, potentially defining the century.");
    CHECK(r.confidence.cue == "expected to");
  }

  TEST_CASE("assessments, aims, present states and open questions are not predictions") {
    CHECK_FALSE(
        rate("This move may be seen as a sign that the US is trying to reduce its reliance.")
            .prediction);
    CHECK_FALSE(
        rate("Xi Jinping aims to secure a weakening of US support for the island.").prediction);
    CHECK_FALSE(
        rate("Despite this, Bessent remains optimistic, highlighting progress.").prediction);
    CHECK_FALSE(rate("This is a fragile ceasefire.").prediction);
    CHECK_FALSE(rate("This forecast is not based on any leak of secret information.").prediction);
    CHECK_FALSE(rate("It remains to be seen whether these talks will yield results.").prediction);
    CHECK_FALSE(rate("This action was a calculated risk, possibly jeopardizing a planned summit.")
                    .prediction);
    CHECK_FALSE(rate("The reprieve, brokered this May, froze tariffs.").prediction);
    CHECK_FALSE(rate("The will of the people was clear.").prediction);
    CHECK_FALSE(rate("Prices rose more than expected to the surprise of many.").prediction);
  }

  TEST_CASE("future reference in its many forms is a prediction") {
    for (const char* s :
         {"The truce is set to expire on August 12.", "Bessent plans to address oil purchases.",
          "The US is anticipated to refrain from new tariffs.",
          "A visit by Trump to China early next year is anticipated.",
          "A face-to-face meeting is now seen as a likely outcome.",
          "The company is poised to launch a phone.",
          "Trump has softened his tone, expressing interest in visiting China.",
          "The Stockholm talks may reveal the durability of the truce."}) {
      CAPTURE(s);
      CHECK(rate(s).prediction);
    }
  }
}

TEST_SUITE("extract.cues") {
  TEST_CASE("an appositive schedule does not rate the main clause") {
    auto r = rate("The election, due to be held on November 5, could hand Republicans the Senate.");
    CHECK(r.confidence.cue == "could");
  }

  TEST_CASE("bare expect is a cue; what to expect is not") {
    CHECK(rate("Analysts expect sales to rise 5% next year.").prediction);
    CHECK_FALSE(rate("Here is what to expect from the talks.").prediction);
  }
}
