#include <doctest/doctest.h>

#include "core/date.hpp"

using namespace hindsight::core;

TEST_SUITE("core.date") {
  TEST_CASE("an ISO date parses and prints back") {
    auto d = parse_date("2025-08-12");
    REQUIRE(d);
    CHECK(format_date(*d) == "2025-08-12");
  }

  TEST_CASE("an impossible date is refused with the text quoted") {
    auto d = parse_date("2025-02-30");
    REQUIRE_FALSE(d);
    CHECK(d.error().message == "'2025-02-30' is not a date in the calendar");
  }

  TEST_CASE("a date of another shape is refused") {
    for (const char* bad : {"2025-8-12", "12 August 2025", "", "2025-08-12T00:00", "abcd-ef-gh"}) {
      CAPTURE(bad);
      CHECK_FALSE(parse_date(bad));
    }
  }

  TEST_CASE("day arithmetic crosses months and years") {
    CHECK(format_date(add_days(*parse_date("2025-12-30"), 3)) == "2026-01-02");
    CHECK(days_between(*parse_date("2026-04-30"), *parse_date("2026-05-13")) == 13);
    CHECK(format_date(end_of_month(*parse_date("2028-02-03"))) == "2028-02-29");
  }
}
