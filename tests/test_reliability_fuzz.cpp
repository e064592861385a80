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
}
