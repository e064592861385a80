#include <doctest/doctest.h>

#include <filesystem>

#include "ingest/events_file.hpp"

using namespace hindsight;

namespace {

std::vector<std::string> messages(const ingest::EventsFile& f) {
  std::vector<std::string> out;
  for (const auto& e : f.errors) out.push_back(e.to_string());
  return out;
}

}  // namespace

TEST_SUITE("ingest.events") {
  TEST_CASE("an event is read with typed attributes, known_on defaulting to its date") {
    auto f = ingest::parse_events(R"(format: 1
events:
  - id: E15
    date: 2025-11-10
    known_on: 2025-11-04
    kind: tariff.changed
    summary: The US fentanyl tariff falls.
    attributes: {by: United States, rate_from: 20%, rate_to: {value: 10, unit: "%"},
                 ships: 12 MMT, until: 2026-11-10, label: "20", parties: [United States, China],
                 final: true}
    reliability: high
    sources: [https://example.org/a]
  - id: E2
    date: 2025-08-11
    end: 2025-08-12
    kind: truce.extended
)",
                                  "events.yaml");
    REQUIRE(f.errors.empty());
    REQUIRE(f.events.size() == 2);
    const auto& e = f.events[0];
    CHECK(e.id == "E15");
    CHECK(core::format_date(e.known_on) == "2025-11-04");
    CHECK(e.reliability == core::Reliability::High);
    CHECK(e.sources == std::vector<std::string>{"https://example.org/a"});
    CHECK(e.attributes.at("rate_from") == core::Value{core::Quantity{20, "%"}});
    CHECK(e.attributes.at("rate_to") == core::Value{core::Quantity{10, "%"}});
    CHECK(e.attributes.at("ships") == core::Value{core::Quantity{12, "MMT"}});
    CHECK(e.attributes.at("until") == core::Value{*core::parse_date("2026-11-10")});
    CHECK(e.attributes.at("label") == core::Value{std::string("20")});
    CHECK(e.attributes.at("by") == core::Value{std::string("United States")});
    CHECK(e.attributes.at("final") == core::Value{true});
    CHECK(core::to_string(e.attributes.at("parties")) == "[United States, China]");
    CHECK(core::format_date(f.events[1].known_on) == "2025-08-11");
    CHECK(core::format_date(*f.events[1].end) == "2025-08-12");
  }

  TEST_CASE("every error of a file is reported at once, with line, column and event id") {
    auto f = ingest::parse_events(R"(events:
  - id: E1
    date: 2025-02-30
    kind: talks.held
  - id: E2
    date: 2025-08-11
    knwon_on: 2025-08-12
    kind: Truce Extended
  - id: E1
    date: 2025-08-01
    kind: talks.held
  - date: 2025-08-01
    kind: talks.held
    reliability: certain
  - id: E5
    date: 2025-08-10
    end: 2025-08-01
    kind: visit.held
)",
                                  "ev.yaml");
    CHECK(messages(f) ==
          std::vector<std::string>{
              "ev.yaml:3:11: event \"E1\": 'date': '2025-02-30' is not a date in the calendar",
              "ev.yaml:7:5: event \"E2\": unknown key 'knwon_on' (did you mean 'known_on'?)",
              "ev.yaml:8:11: event \"E2\": kind 'Truce Extended' must be lowercase words joined "
              "by dots (truce.extended)",
              "ev.yaml:14:18: reliability 'certain' is not one of low, medium, high",
              "ev.yaml:12:5: missing 'id'",
              "ev.yaml:17:10: event \"E5\": 'end' 2025-08-01 is before 'date' 2025-08-10",
          });
    // E1 is refused for its date, so the second E1 is not a duplicate of it.
    CHECK(f.events.size() == 1);
  }

  TEST_CASE("a duplicate id points at the second definition and names the first") {
    auto f = ingest::parse_events(
        "events:\n  - {id: A, date: 2025-01-01, kind: x}\n"
        "  - {id: A, date: 2025-01-02, kind: x}\n",
        "d.yaml");
    CHECK(messages(f) ==
          std::vector<std::string>{"d.yaml:3:10: event \"A\": duplicate id (first defined at "
                                   "line 2)"});
  }

  TEST_CASE("a YAML syntax error is reported with its place") {
    auto f = ingest::parse_events("events:\n  - id: [E1\n", "bad.yaml");
    REQUIRE(f.errors.size() == 1);
    CHECK(f.errors[0].where.file == "bad.yaml");
    CHECK(f.errors[0].where.line == 3);
  }

  TEST_CASE("an empty file holds no events and no errors") {
    auto f = ingest::parse_events("", "empty.yaml");
    CHECK(f.events.empty());
    CHECK(f.errors.empty());
  }

  TEST_CASE("an --attr argument is typed like an unquoted YAML scalar") {
    auto a = ingest::parse_attribute_argument("rate_to=10%");
    REQUIRE(a);
    CHECK(a->first == "rate_to");
    CHECK(a->second == core::Value{core::Quantity{10, "%"}});
    auto list = ingest::parse_attribute_argument("parties=[United States, China]");
    REQUIRE(list);
    CHECK(core::to_string(list->second) == "[United States, China]");
    auto bad = ingest::parse_attribute_argument("rate");
    REQUIRE(!bad);
    CHECK(bad.error().to_string() == "--attr 'rate' is not of the form key=value");
  }

  TEST_CASE("the bundled timeline loads without errors and keeps the reference ids") {
    auto f = ingest::read_events_file(std::filesystem::path(HINDSIGHT_SOURCE_DIR) / "claims" /
                                      "events.yaml");
    for (const auto& m : messages(f)) FAIL_CHECK(m);
    std::vector<std::string> ids;
    for (const auto& e : f.events) ids.push_back(e.id);
    for (const char* id : {"E2", "E13", "E14", "E15", "E17", "E28", "E37", "E40"})
      CHECK(std::find(ids.begin(), ids.end(), id) != ids.end());
  }
}
