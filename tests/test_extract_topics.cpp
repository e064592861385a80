#include <doctest/doctest.h>

#include <algorithm>

#include "extract/topics.hpp"
#include "extract_fixture.hpp"

using namespace hindsight;

namespace {

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::vector<std::string> topics(const std::string& text) {
  return extract::match_topics(fixture::taxonomy(), text);
}

}  // namespace

TEST_SUITE("extract.topics") {
  TEST_CASE("the shipped taxonomy has every topic the rules rely on") {
    std::vector<std::string> names;
    for (const auto& t : fixture::taxonomy().topics) names.push_back(t.name);
    for (const char* n :
         {"trade.truce.extend", "trade.tariff.us-lower", "trade.tariff.threat-dropped",
          "trade.tariff.threat", "trade.controls.suspend", "trade.controls.impose",
          "trade.purchases", "summit.trump-xi", "visit.trump-to-china", "visit.xi-to-us",
          "tiktok.deal", "fentanyl.pledge", "taiwan", "election", "central-bank.rates",
          "product.launch"}) {
      CAPTURE(n);
      CHECK(has(names, n));
    }
  }

  TEST_CASE("a claim carries every topic that matches") {
    auto t = topics(
        "A visit by Donald Trump to China early next year, followed by a reciprocal "
        "visit from Xi Jinping to the United States");
    CHECK(has(t, "visit.trump-to-china"));
    CHECK(has(t, "visit.xi-to-us"));
  }

  TEST_CASE("seed sentences get their topics") {
    CHECK(has(topics("the two parties would likely agree to extend the current trade truce"),
              "trade.truce.extend"));
    CHECK(has(topics("the US is expected to lower tariffs on Chinese goods"),
              "trade.tariff.us-lower"));
    CHECK(has(topics("The US is anticipated to refrain from implementing new 100% tariffs"),
              "trade.tariff.threat-dropped"));
    CHECK(has(topics("China is expected to delay its new export restrictions for a year"),
              "trade.controls.suspend"));
    CHECK_FALSE(has(topics("China is expected to delay its new export restrictions for a year"),
                    "trade.controls.impose"));
    CHECK(has(topics("A face-to-face Trump-Xi meeting in the autumn"), "summit.trump-xi"));
    CHECK(has(topics("the sale of the chinese-owned TikTok"), "tiktok.deal"));
    CHECK(has(topics("China will pledge to curb the export of chemicals used for fentanyl"),
              "fentanyl.pledge"));
  }

  TEST_CASE("general news topics") {
    CHECK(has(topics("The Federal Reserve will cut interest rates in September"),
              "central-bank.rates"));
    CHECK(has(topics("Voters will go to the polls in the election next May"), "election"));
    CHECK(has(topics("Apple will launch a new iPhone model in the fall"), "product.launch"));
  }

  TEST_CASE("a malformed or duplicate topic is an error at its location") {
    auto a = extract::parse_topics("format: 1\ntopics:\n  - name: Trade Truce\n    any: [x]\n",
                                   "t.yaml");
    REQUIRE_FALSE(a.ok());
    CHECK(a.error().to_string() ==
          "t.yaml:3:11: topic name 'Trade Truce' must be dotted lowercase words (like "
          "trade.truce.extend)");
    auto b = extract::parse_topics(
        "format: 1\ntopics:\n  - name: a.b\n    any: [x]\n  - name: a.b\n    any: [y]\n", "t.yaml");
    REQUIRE_FALSE(b.ok());
    CHECK(b.error().to_string() == "t.yaml:5:11: duplicate topic 'a.b'");
    auto c = extract::parse_topics("format: 1\ntopics:\n  - name: a.b\n    anyy: [x]\n", "t.yaml");
    REQUIRE_FALSE(c.ok());
    CHECK(c.error().to_string() ==
          "t.yaml:4:5: unknown key 'anyy' in topic (known: name, description, all, any, none)");
  }
}
