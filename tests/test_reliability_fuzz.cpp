// Regression tests for what fuzzing found (tools/fuzz, fuzz/fuzz_*.cpp): each input
// that broke an invariant, inline, with the invariant it broke.
#include <doctest/doctest.h>

#include "core/date.hpp"
#include "extract/timex.hpp"

using namespace hindsight;

namespace {

core::Date day(const char* iso) {
  return *core::parse_date(iso);
}

}  // namespace

TEST_SUITE("reliability.fuzz") {
  TEST_CASE("a deadline before a holiday that is past never ends before it starts") {
    // fuzz_timex, crash-7ac91d1c: anchor 2002-11-05, past tense.
    for (bool future : {false, true}) {
      for (const char* text : {"the ports are expected to reopen ahead of the Lunar New Year",
                               "prices had doubled before March 2001", "the deal was done by 2001",
                               "the truce held until 2001"}) {
        INFO(text << " future=" << future);
        for (const auto& t : extract::find_time_expressions(text, day("2002-11-05"), future)) {
          INFO(t.phrase);
          if (t.start && t.end) CHECK(*t.start <= *t.end);
        }
      }
    }
  }

  TEST_CASE("later in a period that is over is that period, in the past") {
    // fuzz_timex, crash-c1442d75 minimized: "later this Q3", anchor 2049-10-06.
    for (const char* anchor : {"2049-10-06", "2025-10-15", "2025-12-31"}) {
      for (const char* text : {"later this Q3", "prices fell later this Q3", "later in 2024"}) {
        INFO(text << " on " << anchor);
        for (bool future : {false, true}) {
          for (const auto& t : extract::find_time_expressions(text, day(anchor), future))
            if (t.start && t.end) CHECK(*t.start <= *t.end);
        }
        auto best = extract::normalize_time(text, day(anchor));
        REQUIRE(best.has_value());
        CHECK(best->role == extract::TimeRole::Past);
        CHECK(*best->start <= *best->end);
      }
    }
    // Said inside the period, it still runs from the anchor to the period's end.
    auto q3 = extract::normalize_time("later this Q3", day("2025-07-29"));
    REQUIRE(q3.has_value());
    CHECK(*q3->start == day("2025-07-29"));
    CHECK(*q3->end == day("2025-09-30"));
  }

  TEST_CASE("the end of the weekend is the weekend, never an interval ending before it starts") {
    // fuzz_timex, crash-d2c76c15 minimized: "end of the weekend", anchor 1900-01-01.
    for (const char* anchor : {"1900-01-01", "2025-07-27", "2025-07-28", "2025-07-30"}) {
      for (const char* text : {"end of the weekend", "by the end of the weekend",
                               "early next weekend", "late this weekend"}) {
        INFO(text << " on " << anchor);
        for (bool future : {false, true})
          for (const auto& t : extract::find_time_expressions(text, day(anchor), future))
            if (t.start && t.end) CHECK(*t.start <= *t.end);
      }
    }
    auto end = extract::normalize_time("by the end of the weekend", day("2025-07-30"));
    REQUIRE(end.has_value());
    CHECK(*end->end == day("2025-08-03"));
  }

  TEST_CASE("since a month read as the next one never starts after it is said") {
    // fuzz_timex, minimized: "since Aug", anchor 1903-03-14 (no verb: read as future).
    for (const char* text : {"since Aug", "since August", "prices have risen since August"}) {
      INFO(text);
      auto t = extract::normalize_time(text, day("2025-03-14"));
      REQUIRE(t.has_value());
      CHECK(t->role == extract::TimeRole::Past);
      CHECK(*t->start <= *t->end);
      CHECK(*t->end == day("2025-03-14"));
    }
    auto past = extract::normalize_time("prices have risen since August", day("2025-03-14"));
    CHECK(*past->start == day("2024-08-01"));
  }
}
