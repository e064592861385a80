#include <doctest/doctest.h>

#include "store/event_store.hpp"

using namespace hindsight;

namespace {

core::Event event(const std::string& id, const std::string& kind, const std::string& date) {
  core::Event e;
  e.id = id;
  e.kind = kind;
  e.date = *core::parse_date(date);
  e.known_on = e.date;
  return e;
}

}  // namespace

TEST_SUITE("store.event_store") {
  TEST_CASE("events keep their typed attributes through the ledger") {
    store::Database db(":memory:");
    store::EventStore events(db);
    auto e = event("E15", "tariff.changed", "2025-11-10");
    e.known_on = *core::parse_date("2025-11-04");
    e.end = *core::parse_date("2025-11-11");
    e.attributes["rate_to"] = core::Value{core::Quantity{10, "%"}};
    e.attributes["rate_from"] = core::Value{core::Quantity{20, ""}};
    e.attributes["until"] = core::Value{*core::parse_date("2026-11-10")};
    e.attributes["by"] = core::Value{std::string("United States")};
    e.attributes["parties"] =
        core::Value{core::Value::List{core::Value{std::string("US")}, core::Value{true}}};
    e.sources = {"https://example.org"};
    e.reliability = core::Reliability::High;
    CHECK(events.import({e}).added == 1);
    auto back = events.get("E15");
    REQUIRE(back);
    CHECK(store::event_to_json(*back) == store::event_to_json(e));
    CHECK(back->attributes == e.attributes);
  }

  TEST_CASE("re-importing the same events changes nothing") {
    store::Database db(":memory:");
    store::EventStore events(db);
    std::vector<core::Event> all{event("E1", "talks.held", "2025-07-29"),
                                 event("E2", "truce.extended", "2025-08-11")};
    CHECK(events.import(all).added == 2);
    auto again = events.import(all);
    CHECK(again.added == 0);
    CHECK(again.unchanged == 2);
    CHECK(events.list().size() == 2);
  }

  TEST_CASE("a changed event with a known id is a conflict that writes nothing") {
    store::Database db(":memory:");
    store::EventStore events(db);
    events.import({event("E2", "truce.extended", "2025-08-11")});
    auto changed = event("E2", "truce.extended", "2025-08-12");
    auto result = events.import({event("E3", "talks.held", "2025-08-01"), changed});
    CHECK(result.conflicts ==
          std::vector<std::string>{"event \"E2\" differs from the ledger's (date, known_on)"});
    CHECK(result.added == 0);
    CHECK(!events.get("E3"));
    auto replaced = events.import({changed}, true);
    CHECK(replaced.replaced == 1);
    CHECK(core::format_date(events.get("E2")->date) == "2025-08-12");
  }

  TEST_CASE("events are found by kind and date range, in date order") {
    store::Database db(":memory:");
    store::EventStore events(db);
    events.import({event("B", "visit.held", "2026-05-13"), event("A", "visit.held", "2025-01-01"),
                   event("C", "summit.held", "2025-10-30"),
                   event("D", "visit.held", "2025-12-31")});
    auto found = events.by_kind("visit.held", *core::parse_date("2025-01-01"),
                                *core::parse_date("2025-12-31"));
    REQUIRE(found.size() == 2);
    CHECK(found[0].id == "A");
    CHECK(found[1].id == "D");
    CHECK(events.list(std::string("summit.held")).size() == 1);
  }
}
