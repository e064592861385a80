// ClaimReview output checked against what schema.org and Google's fact-check
// guidelines require (developers.google.com/search/docs/appearance/structured-data/
// factcheck): required ClaimReview.claimReviewed, .reviewRating, .url and
// Rating.alternateName; recommended author, datePublished, itemReviewed (Claim with
// author, datePublished, appearance/firstAppearance) and a numeric rating with its
// scale. Every property used must exist on its schema.org type.
#include <doctest/doctest.h>

#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "report/claimreview.hpp"
#include "report/claims_csv.hpp"

using namespace hindsight;
using nlohmann::json;

namespace {

core::Date day(const char* iso) {
  return *core::parse_date(iso);
}

bool iso_date(const json& j) {
  return j.is_string() &&
         std::regex_match(j.get<std::string>(), std::regex(R"(\d{4}-\d{2}-\d{2})"));
}

bool text(const json& j) {
  return j.is_string() && !j.get<std::string>().empty();
}

// The schema.org properties each type may carry here (a closed list, so that a typo
// such as "claimReview" or "apperance" fails).
const std::map<std::string, std::set<std::string>> kAllowed{
    {"ClaimReview",
     {"@context", "@type", "url", "claimReviewed", "datePublished", "author", "reviewRating",
      "itemReviewed"}},
    {"Claim",
     {"@type", "author", "datePublished", "appearance", "firstAppearance", "additionalProperty"}},
    {"Rating", {"@type", "alternateName", "name", "ratingValue", "bestRating", "worstRating"}},
    {"Organization", {"@type", "name", "url"}},
    {"Person", {"@type", "name", "url"}},
    {"CreativeWork", {"@type", "url", "headline", "publisher", "datePublished"}},
    {"PropertyValue", {"@type", "name", "value", "description"}},
};

std::vector<std::string> check_keys(const json& j, const std::string& where) {
  std::vector<std::string> problems;
  if (!j.is_object() || !j.contains("@type")) return {where + ": not a typed object"};
  auto type = j["@type"].get<std::string>();
  auto allowed = kAllowed.find(type);
  if (allowed == kAllowed.end()) return {where + ": unexpected type " + type};
  for (const auto& [key, value] : j.items())
    if (!allowed->second.count(key)) problems.push_back(where + ": " + type + " has no " + key);
  return problems;
}

void check_agent(const json& j, const std::string& where, std::vector<std::string>& problems) {
  auto more = check_keys(j, where);
  problems.insert(problems.end(), more.begin(), more.end());
  if (j["@type"] != "Person" && j["@type"] != "Organization")
    problems.push_back(where + ": must be a Person or an Organization");
  if (!text(j["name"])) problems.push_back(where + ".name is required");
}

// Every problem of one ClaimReview, empty when it passes.
std::vector<std::string> validate(const json& r) {
  std::vector<std::string> p = check_keys(r, "ClaimReview");
  if (r["@context"] != "https://schema.org") p.push_back("@context must be https://schema.org");
  if (r["@type"] != "ClaimReview") p.push_back("@type must be ClaimReview");
  if (!text(r["claimReviewed"])) p.push_back("claimReviewed is required");
  if (!text(r["url"])) p.push_back("url is required");
  if (!iso_date(r["datePublished"])) p.push_back("datePublished must be an ISO date");
  check_agent(r["author"], "author", p);
  const json& rating = r["reviewRating"];
  auto more = check_keys(rating, "reviewRating");
  p.insert(p.end(), more.begin(), more.end());
  if (!text(rating["alternateName"])) p.push_back("reviewRating.alternateName is required");
  if (rating.contains("ratingValue")) {
    if (!rating["bestRating"].is_number() || !rating["worstRating"].is_number())
      p.push_back("a numeric rating needs bestRating and worstRating");
    else if (rating["ratingValue"] < rating["worstRating"] ||
             rating["ratingValue"] > rating["bestRating"])
      p.push_back("ratingValue must lie within worstRating..bestRating");
  }
  const json& item = r["itemReviewed"];
  more = check_keys(item, "itemReviewed");
  p.insert(p.end(), more.begin(), more.end());
  if (item["@type"] != "Claim") p.push_back("itemReviewed must be a Claim");
  if (!iso_date(item["datePublished"])) p.push_back("itemReviewed.datePublished");
  if (item.contains("author")) check_agent(item["author"], "itemReviewed.author", p);
  if (!item["appearance"].is_array() || item["appearance"].empty())
    p.push_back("itemReviewed.appearance must list the articles");
  for (const auto& a : item["appearance"]) {
    more = check_keys(a, "appearance");
    p.insert(p.end(), more.begin(), more.end());
  }
  for (const auto& prop : item["additionalProperty"]) {
    more = check_keys(prop, "additionalProperty");
    p.insert(p.end(), more.begin(), more.end());
    if (!text(prop["name"]) || !prop.contains("value"))
      p.push_back("a PropertyValue needs a name and a value");
  }
  return p;
}

core::Claim resolved(const char* id, core::Outcome outcome) {
  core::Claim c;
  c.id = id;
  c.text = "The truce will be extended before 12 August";
  c.article = "a1";
  c.appearances = {{"a1", {0, 10}, std::nullopt}, {"a2", {3, 13}, std::nullopt}};
  c.speaker = core::Speaker{"Scott Bessent", core::SpeakerBasis::Reported, "Treasury Secretary"};
  c.stated_on = day("2025-07-27");
  c.cue = "would likely";
  c.probability = 0.72;
  c.probability_basis = core::ProbabilityBasis::Lexicon;
  c.deadline.start = day("2025-07-27");
  c.deadline.end = day("2025-08-12");
  c.deadline.phrase = "due to expire on 12 August";
  c.deadline.basis = core::DeadlineBasis::Stated;
  c.outcome = outcome;
  c.resolved_by = "rule:truce.extended-by-deadline@1#abc";
  c.evidence = {"E7"};
  return c;
}

score::ArticleIndex articles() {
  return {
      {"a1", {"PUKMEDIA", "China Heads to Stockholm", "https://puk.example/1", day("2025-07-27")}},
      {"a2", {"Foreign Policy", "", "", std::nullopt}}};
}

}  // namespace

TEST_SUITE("report.claimreview") {
  TEST_CASE("every verdict maps to words and, where it can, to the 1–5 scale") {
    CHECK(report::rating_of(core::Outcome::True, {}).value == 5);
    CHECK(report::rating_of(core::Outcome::False, {}).value == 1);
    auto partial = report::rating_of(core::Outcome::Partial, 0.75);
    CHECK(partial.value == 4);  // 1 + 4 · 0.75
    CHECK(partial.alternate_name == "Partly true (75% came true)");
    CHECK_FALSE(report::rating_of(core::Outcome::Void, {}).value.has_value());
    CHECK(report::rating_of(core::Outcome::Ambiguous, {}).alternate_name ==
          "Unclear (what happened is ambiguous)");
  }

  TEST_CASE("speakers are people unless their name says organisation") {
    using core::SpeakerBasis;
    CHECK(std::string(report::author_type({"Scott Bessent", SpeakerBasis::Quoted, ""})) ==
          "Person");
    CHECK(std::string(report::author_type(
              {"China's Commerce Ministry", SpeakerBasis::Reported, ""})) == "Organization");
    CHECK(std::string(report::author_type({"China", SpeakerBasis::Attributed, ""})) ==
          "Organization");
    CHECK(std::string(report::author_type({"the White House", SpeakerBasis::Quoted, ""})) ==
          "Organization");
    CHECK(std::string(report::author_type({"Foreign Policy", SpeakerBasis::Outlet, ""})) ==
          "Organization");
  }

  TEST_CASE("every ClaimReview carries the properties schema.org and Google require") {
    std::vector<core::Claim> cs{
        resolved("c1", core::Outcome::True), resolved("c2", core::Outcome::Partial),
        resolved("c3", core::Outcome::Void), resolved("c4", core::Outcome::False)};
    cs[1].credit = 0.5;
    cs[3].speaker.reset();
    auto all =
        report::claim_reviews(cs, {{"c1", day("2025-08-13")}}, day("2026-11-22"), articles(), {});
    REQUIRE(all.size() == 4);
    for (const auto& r : all) {
      CAPTURE(r.dump());
      CHECK(validate(r) == std::vector<std::string>{});
    }
  }

  TEST_CASE("a ClaimReview puts deadline and probability in additionalProperty") {
    std::vector<core::Claim> cs{resolved("c1", core::Outcome::True)};
    report::ClaimReviewOptions o;
    o.org_name = "Desk";
    o.org_url = "https://desk.example";
    o.url_base = "https://desk.example/checks/";
    auto r =
        report::claim_reviews(cs, {{"c1", day("2025-08-13")}}, day("2026-11-22"), articles(), o)[0];
    CHECK(r["url"] == "https://desk.example/checks/c1");
    CHECK(r["datePublished"] == "2025-08-13");
    CHECK(r["author"] ==
          json{{"@type", "Organization"}, {"name", "Desk"}, {"url", "https://desk.example"}});
    CHECK(r["reviewRating"]["alternateName"] == "True");
    CHECK(r["reviewRating"]["ratingValue"] == 5);
    const auto& item = r["itemReviewed"];
    CHECK(item["author"] == json{{"@type", "Person"}, {"name", "Scott Bessent"}});
    CHECK(item["datePublished"] == "2025-07-27");
    CHECK(item["firstAppearance"]["url"] == "https://puk.example/1");
    CHECK(item["firstAppearance"]["headline"] == "China Heads to Stockholm");
    CHECK(item["appearance"].size() == 2);
    CHECK(item["appearance"][1]["publisher"]["name"] == "Foreign Policy");
    std::map<std::string, json> props;
    for (const auto& p : item["additionalProperty"]) props[p["name"]] = p["value"];
    CHECK(props["probability"] == 0.72);
    CHECK(props["deadline"] == "2025-08-12");
    CHECK(props["deadlineStart"] == "2025-07-27");
    CHECK(props["evidence"] == json::array({"E7"}));
  }

  TEST_CASE("open and rejected claims get no ClaimReview; the url defaults to an anchor") {
    std::vector<core::Claim> cs{resolved("c1", core::Outcome::True),
                                resolved("c2", core::Outcome::True),
                                resolved("c3", core::Outcome::False)};
    cs[0].outcome.reset();
    cs[1].review = core::Review::Rejected;
    auto all = report::claim_reviews(cs, {}, day("2026-11-22"), articles(), {});
    REQUIRE(all.size() == 1);
    CHECK(all[0]["url"] == "#claim-c3");
    CHECK(all[0]["datePublished"] == "2026-11-22");
    CHECK(all[0]["author"]["name"] == "hindsight");
  }
}

TEST_SUITE("report.claims_csv") {
  TEST_CASE("the claims CSV has a row per claim with its Brier score") {
    std::vector<core::Claim> cs{resolved("c1", core::Outcome::False)};
    cs[0].text = "=cmd|' /C calc'!A0, said \"he\"";
    cs[0].topics = {"trade.truce.extend", "summit"};
    auto csv = report::claims_csv(cs, articles());
    auto header = csv.substr(0, csv.find("\r\n"));
    CHECK(header ==
          "id,kind,review,speaker,speaker_basis,outlet,article,title,stated_on,text,cue,"
          "probability,probability_basis,deadline_start,deadline_end,deadline_phrase,"
          "deadline_basis,condition,topics,outcome,credit,resolved_by,evidence,brier");
    CHECK(csv.substr(header.size() + 2) ==
          "c1,prediction,candidate,Scott Bessent,reported,PUKMEDIA,a1,China Heads to Stockholm,"
          "2025-07-27,\"'=cmd|' /C calc'!A0, said \"\"he\"\"\",would likely,0.72,lexicon,"
          "2025-07-27,2025-08-12,due to expire on 12 August,stated,,trade.truce.extend;summit,"
          "false,,rule:truce.extended-by-deadline@1#abc,E7,0.5184\r\n");
  }
}
