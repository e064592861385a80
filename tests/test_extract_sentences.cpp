#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract/sentences.hpp"
#include "extract_fixture.hpp"

using namespace hindsight;

namespace {

std::vector<std::string> sentences(const std::string& text) {
  std::vector<std::string> out;
  for (auto s : extract::split_sentences(text, fixture::lexicon()))
    out.push_back(text.substr(s.start, s.size()));
  return out;
}

}  // namespace

TEST_SUITE("extract.sentences") {
  TEST_CASE("no split after U.S. before a name or title (seed 000)") {
    auto s = sentences(
        "The meeting between U.S. Treasury Secretary Scott Bessent and He Lifeng began. It "
        "went well.");
    REQUIRE(s.size() == 2);
    CHECK(s[0] == "The meeting between U.S. Treasury Secretary Scott Bessent and He Lifeng began.");
  }

  TEST_CASE("titles and month abbreviations never end a sentence") {
    auto s = sentences(
        "Dr. Smith met Gov. Newsom and Sen. Cruz on Aug. 12 in Sacramento. Then "
        "they left.");
    REQUIRE(s.size() == 2);
    CHECK(s[1] == "Then they left.");
  }

  TEST_CASE("U.S. at the end of a sentence still ends it before a usual opener") {
    auto s = sentences("The tariffs were imposed by the U.S. The next day markets fell.");
    REQUIRE(s.size() == 2);
    CHECK(s[0] == "The tariffs were imposed by the U.S.");
  }

  TEST_CASE("a missing space after a full stop splits (seed 004: a year.A key demand)") {
    auto s = sentences(
        "China is expected to delay its new export restrictions for a year.A key demand from "
        "Trump is also likely to be addressed.");
    REQUIRE(s.size() == 2);
    CHECK(s[0] == "China is expected to delay its new export restrictions for a year.");
    CHECK(s[1] == "A key demand from Trump is also likely to be addressed.");
  }

  TEST_CASE("paragraph breaks end sentences without punctuation") {
    auto s = sentences("A headline without a stop\n\nThe body starts here.");
    REQUIRE(s.size() == 2);
    CHECK(s[0] == "A headline without a stop");
  }

  TEST_CASE("web addresses and decimals are not split") {
    auto s = sentences("Growth was 3.5 percent, says example.com today.");
    CHECK(s.size() == 1);
  }
}
