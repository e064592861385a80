#include <doctest/doctest.h>

#include <filesystem>

#include "rules/engine.hpp"
#include "rules/rule_loader.hpp"
#include "rules/rule_tests.hpp"

using namespace hindsight;

namespace {

const std::filesystem::path kRules =
    std::filesystem::path(HINDSIGHT_SOURCE_DIR) / "rules" / "resolve";

core::Date d(const char* text) {
  return *core::parse_date(text);
}

core::Event event(const char* id, const char* kind, const char* date) {
  core::Event e;
  e.id = id;
  e.kind = kind;
  e.date = d(date);
  e.known_on = e.date;
  return e;
}

core::Claim claim(const char* id, const char* stated_on, std::vector<std::string> topics) {
  core::Claim c;
  c.id = id;
  c.stated_on = d(stated_on);
  c.topics = std::move(topics);
  return c;
}

// An EventSource that counts its calls, to show that resolving is by index.
class CountingSource : public rules::MemoryEventSource {
 public:
  using MemoryEventSource::MemoryEventSource;
  const std::vector<core::Event>& events_of_kind(const std::string& kind) override {
    kinds.push_back(kind);
    return MemoryEventSource::events_of_kind(kind);
  }
  std::vector<std::string> kinds;
};

rules::LoadedRules shipped() {
  auto loaded = rules::load_rules({kRules});
  REQUIRE(loaded.ok());
  return loaded;
}

}  // namespace

TEST_SUITE("rules.engine") {
  TEST_CASE("the visit 'early next year' is false, and the trace shows the near miss by 13 days") {
    auto loaded = shipped();
    auto visit = event("E37", "visit.held", "2026-05-13");
    visit.end = d("2026-05-15");
    visit.attributes["visitor"] = core::Value{std::string("Donald Trump")};
    visit.attributes["host"] = core::Value{std::string("China")};
    visit.attributes["place"] = core::Value{std::string("Beijing")};
    CountingSource source({visit});
    rules::Engine engine(loaded.set, source);
    auto c = claim("G004-8", "2025-10-27", {"visit.trump-to-china"});
    c.deadline = {d("2026-01-01"), d("2026-04-30"), "early next year", core::DeadlineBasis::Stated};
    auto v = engine.resolve(c, d("2026-11-22"));
    REQUIRE(v);
    CHECK(rules::describe(*v) == "false");
    CHECK(v->evidence == std::vector<std::string>{"E37"});
    CHECK(v->by.starts_with("rule:visit.trump-to-china@1#"));
    CHECK(v->explanation == "no visit by 2026-04-30; the visit came 13 days later");
    auto trace = v->trace_json();
    const auto& run = trace["runs"][0];
    CHECK(run["window"]["end"] == "2026-04-30");
    const auto& rejected = run["selections"][0]["rejected"];
    REQUIRE(rejected.size() == 1);
    CHECK(rejected[0]["id"] == "E37");
    CHECK(rejected[0]["days"] == 13);
    CHECK(rejected[0]["reason"] == "outside the window: 13 days after 2026-04-30");
    // Only the kinds the rule names were asked for: no scan of every event.
    for (const auto& kind : source.kinds) CHECK((kind == "visit.held" || kind == "summit.held"));
  }

  TEST_CASE("a busy timeline lists only the nearest rejected events in the trace") {
    auto loaded = shipped();
    std::vector<core::Event> visits;
    std::vector<std::string> ids;
    for (int i = 0; i < 40; ++i) {
      // Visits every week from 2026-05-13 on: all after the window, E0 the nearest.
      ids.push_back("E" + std::to_string(i));
      auto e = event(ids.back().c_str(), "visit.held", "2026-05-13");
      e.date = core::add_days(e.date, 7L * i);
      e.attributes["visitor"] = core::Value{std::string("Donald Trump")};
      e.attributes["host"] = core::Value{std::string("China")};
      visits.push_back(e);
    }
    rules::MemoryEventSource source(visits);
    rules::Engine engine(loaded.set, source);
    auto c = claim("G004-8", "2025-10-27", {"visit.trump-to-china"});
    c.deadline = {d("2026-01-01"), d("2026-04-30"), "early next year", core::DeadlineBasis::Stated};
    auto v = engine.resolve(c, d("2026-11-22"));
    REQUIRE(v);
    auto trace = v->trace_json();
    const auto& selection = trace["runs"][0]["selections"][0];
    REQUIRE(selection["rejected"].size() == 3);
    CHECK(selection["rejected"][0]["id"] == "E0");
    CHECK(selection["rejected"][2]["id"] == "E2");
    CHECK(selection["rejected_not_shown"].get<int>() > 0);
  }

  TEST_CASE("an event not yet known at as_of is rejected with the reason") {
    auto loaded = shipped();
    auto cut = event("E15", "tariff.changed", "2025-11-10");
    cut.known_on = d("2025-11-04");
    cut.attributes = {{"by", core::Value{std::string("United States")}},
                      {"on", core::Value{std::string("China")}},
                      {"rate_from", core::Value{core::Quantity{20, "%"}}},
                      {"rate_to", core::Value{core::Quantity{10, "%"}}}};
    rules::MemoryEventSource source({cut});
    rules::Engine engine(loaded.set, source);
    auto c = claim("G004-6", "2025-10-27", {"trade.tariff.us-lower"});
    auto before = engine.resolve(c, d("2025-11-03"));
    REQUIRE(before);
    CHECK(!before->decided);
    auto trace = before->trace_json();
    CHECK(trace["runs"][0]["selections"][0]["rejected"][0]["reason"] ==
          "not yet known on 2025-11-03 (reported 2025-11-04)");
    CHECK(trace["runs"][0]["deadline"]["note"] ==
          "no deadline in the text: the default horizon of 1y from 2025-10-27 applies");
    auto after = engine.resolve(c, d("2025-11-04"));
    REQUIRE(after);
    CHECK(rules::describe(*after) == "true");
    CHECK(after->explanation == "the US cut a tariff from 20% to 10% effective 2025-11-10 (E15)");
  }

  TEST_CASE("a claim with no topic or no rule stays open and the trace says why") {
    auto loaded = shipped();
    rules::MemoryEventSource source({});
    rules::Engine engine(loaded.set, source);
    auto v = engine.resolve(claim("G000-2", "2025-07-28", {}), d("2026-11-22"));
    REQUIRE(v);
    CHECK(!v->decided);
    CHECK(v->trace_json()["note"] == "the claim has no topics, so no rule can judge it");
    auto w = engine.resolve(claim("x", "2025-07-28", {"taiwan"}), d("2026-11-22"));
    CHECK(w->trace_json()["note"] == "no rule applies to the claim's topics and kind");
  }

  TEST_CASE("a factual claim is not judged by rules for predictions") {
    auto loaded = shipped();
    rules::MemoryEventSource source({event("E2", "truce.extended", "2025-08-11")});
    rules::Engine engine(loaded.set, source);
    auto c = claim("f", "2025-07-27", {"trade.truce.extend"});
    c.kind = core::ClaimKind::Factual;
    CHECK(engine.candidates(c).empty());
  }

  TEST_CASE("adding a duration adds months first, clamped, then days") {
    CHECK(core::format_date(rules::add_duration(d("2025-01-31"), {1, 0})) == "2025-02-28");
    CHECK(core::format_date(rules::add_duration(d("2025-07-28"), {12, 0})) == "2026-07-28");
    CHECK(core::format_date(rules::add_duration(d("2024-02-29"), {12, 3})) == "2025-03-03");
  }

  TEST_CASE("every shipped rule file's tests pass") {
    auto files = rules::find_rule_test_files({kRules});
    CHECK(files.size() >= 4);
    for (const auto& path : files) {
      auto report = rules::run_rule_tests(rules::read_rule_test_file(path));
      CHECK_MESSAGE(report.cases > 0, path.string());
      for (const auto& f : report.failures) FAIL_CHECK(f);
    }
  }

  TEST_CASE("every shipped rule is named by a test") {
    auto loaded = shipped();
    for (const auto& e : rules::untested_rules(loaded)) FAIL_CHECK(e.to_string());
  }

  TEST_CASE("a failing expectation is reported with its place and both verdicts") {
    auto path = kRules / "trade.test.yaml";
    auto file = rules::parse_rule_test_file(R"(format: 1
tests:
  - name: wrong on purpose
    rule: truce.extended-by-deadline
    claims:
      - {id: c, stated_on: 2025-07-27, deadline: {end: 2025-08-12}, topics: [trade.truce.extend]}
    events:
      - {id: E2, date: 2025-08-11, kind: truce.extended}
    expect:
      - {as_of: 2025-08-01, claim: c, outcome: true}
      - {as_of: 2025-08-12, claim: c, outcome: pending}
)",
                                            path);
    auto report = rules::run_rule_tests(file);
    REQUIRE(report.failures.size() == 2);
    std::string where = path.string();
    CHECK(report.failures[0] == where +
                                    ":10:9: test \"wrong on purpose\": claim c as of 2025-08-01: "
                                    "expected true, got pending");
    CHECK(report.failures[1].starts_with(
        where +
        ":11:9: test \"wrong on purpose\": claim c as of 2025-08-12: expected pending, "
        "got true (E2) by rule:truce.extended-by-deadline@1#"));
  }
}
