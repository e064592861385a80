// The conventions of DESIGN.md "Time" (docs/time.md), one test case per convention,
// each a table of phrases said on a given day and the interval they must give.
#include <doctest/doctest.h>

#include <string>

#include "core/date.hpp"
#include "extract/timex.hpp"

using namespace hindsight;

namespace {

// "START..END role" ("-" for a missing end), or "none".
std::string when(const char* phrase, const char* on) {
  auto e = extract::normalize_time(phrase, *core::parse_date(on));
  if (!e) return "none";
  if (e->role == extract::TimeRole::Open) return "open";
  return core::format_date(e->start) + ".." + (e->end ? core::format_date(*e->end) : "-") + " " +
         extract::to_string(e->role);
}

struct Row {
  const char* phrase;
  const char* on;
  const char* expected;
};

void check_rows(std::initializer_list<Row> rows) {
  for (const Row& r : rows) {
    const std::string phrase = r.phrase, on = r.on;
    CAPTURE(phrase);
    CAPTURE(on);
    CHECK(when(r.phrase, r.on) == std::string(r.expected));
  }
}

}  // namespace

TEST_SUITE("extract.timex") {
  TEST_CASE("a date without a year takes the next one after the anchor, or the last before it") {
    check_rows({
        {"due to expire on 12 August", "2025-07-29", "2025-08-12..2025-08-12 point"},
        {"it will end on 12 August", "2025-08-12", "2025-08-12..2025-08-12 point"},
        {"it will end on 12 August", "2025-08-13", "2026-08-12..2026-08-12 point"},
        {"the levy could be imposed in March", "2025-02-10", "2025-03-01..2025-03-31 deadline"},
        {"exports fell sharply in April", "2025-06-16", "2025-04-01..2025-04-30 past"},
        {"exports fell sharply in August", "2025-06-16", "2024-08-01..2024-08-31 past"},
        {"the deal was signed on Aug. 1", "2025-07-09", "2024-08-01..2024-08-01 past"},
    });
  }

  TEST_CASE("explicit dates in the usual formats") {
    check_rows({
        {"Aug. 12", "2025-07-29", "2025-08-12..2025-08-12 point"},
        {"Aug 12", "2025-07-29", "2025-08-12..2025-08-12 point"},
        {"August 12th", "2025-07-29", "2025-08-12..2025-08-12 point"},
        {"12 August", "2025-07-29", "2025-08-12..2025-08-12 point"},
        {"the 12th of August", "2025-07-29", "2025-08-12..2025-08-12 point"},
        {"2025-08-12", "2025-07-29", "2025-08-12..2025-08-12 point"},
        {"August 12, 2026", "2025-07-29", "2026-08-12..2026-08-12 point"},
        {"12 Aug 2026", "2025-07-29", "2026-08-12..2026-08-12 point"},
        {"Sept. 3", "2025-07-29", "2025-09-03..2025-09-03 point"},
        {"Sep 3", "2025-07-29", "2025-09-03..2025-09-03 point"},
        {"September 3", "2025-07-29", "2025-09-03..2025-09-03 point"},
        {"negotiators will reconvene on 11/10", "2025-10-30", "2025-11-10..2025-11-10 point"},
        {"the offer expires on 25/12", "2025-10-30", "2025-12-25..2025-12-25 point"},
        {"11/10/2026", "2025-10-30", "2026-11-10..2026-11-10 point"},
        {"the talks on Oct. 30-31", "2025-10-01", "2025-10-30..2025-10-31 deadline"},
        {"August 2026", "2025-07-29", "2026-08-01..2026-08-31 deadline"},
        {"Thursday, Oct. 30", "2025-10-01", "2025-10-30..2025-10-30 point"},
        {"February 30", "2025-01-10", "none"},
    });
  }

  TEST_CASE("before a precise date ends the day before; before a fuzzy one at its end") {
    check_rows({
        {"before early November", "2025-09-15", "2025-09-15..2025-11-10 deadline"},
        {"before November 10", "2025-09-15", "2025-09-15..2025-11-09 deadline"},
        {"before November", "2025-09-15", "2025-09-15..2025-10-31 deadline"},
        {"ahead of the end of October", "2025-09-15", "2025-09-15..2025-10-31 deadline"},
        {"prior to 2027", "2025-06-16", "2025-06-16..2026-12-31 deadline"},
    });
  }

  TEST_CASE("by, until and through end at the end of what they name") {
    check_rows({
        {"by November 10", "2025-09-15", "2025-09-15..2025-11-10 deadline"},
        {"the levy could be imposed by March", "2025-11-20", "2025-11-20..2026-03-31 deadline"},
        {"until March", "2025-11-20", "2025-11-20..2026-03-31 deadline"},
        {"through 2027", "2025-06-16", "2025-06-16..2027-12-31 deadline"},
        {"by 2027", "2025-06-16", "2025-06-16..2027-12-31 deadline"},
        {"on or before 12 August", "2025-07-29", "2025-07-29..2025-08-12 deadline"},
        {"no later than Aug. 12", "2025-07-29", "2025-07-29..2025-08-12 deadline"},
    });
  }

  TEST_CASE("until a bare year ends the year before it") {
    check_rows({
        {"the exemption lasts until 2027", "2025-06-16", "2025-06-16..2026-12-31 deadline"},
        {"until at least 2027", "2025-06-16", "2025-06-16..2026-12-31 deadline"},
    });
  }

  TEST_CASE("early, mid and late months are days 1-10, 11-20 and 21 to the end") {
    check_rows({
        {"early November", "2025-09-15", "2025-11-01..2025-11-10 deadline"},
        {"mid-November", "2025-09-15", "2025-11-11..2025-11-20 deadline"},
        {"mid November", "2025-09-15", "2025-11-11..2025-11-20 deadline"},
        {"late November", "2025-09-15", "2025-11-21..2025-11-30 deadline"},
        {"at the end of February", "2028-01-05", "2028-02-21..2028-02-29 deadline"},
        {"end-October", "2025-09-15", "2025-10-21..2025-10-31 deadline"},
        {"the beginning of December", "2025-09-15", "2025-12-01..2025-12-10 deadline"},
        {"early next month", "2025-09-15", "2025-10-01..2025-10-10 deadline"},
        {"late this month", "2025-09-15", "2025-09-21..2025-09-30 deadline"},
        {"by the end of the month", "2025-09-15", "2025-09-15..2025-09-30 deadline"},
        {"early November", "2025-11-15", "2026-11-01..2026-11-10 deadline"},
    });
  }

  TEST_CASE("early, mid and late years are Jan-Apr, May-Aug and Sep-Dec") {
    check_rows({
        {"early next year", "2025-10-30", "2026-01-01..2026-04-30 deadline"},
        {"mid-2026", "2025-06-16", "2026-05-01..2026-08-31 deadline"},
        {"late 2026", "2025-06-16", "2026-09-01..2026-12-31 deadline"},
        {"the end of the year", "2025-03-01", "2025-09-01..2025-12-31 deadline"},
        {"by the end of the year", "2025-09-15", "2025-09-15..2025-12-31 deadline"},
        {"by the end of 2026", "2025-09-15", "2025-09-15..2026-12-31 deadline"},
        {"the beginning of next year", "2025-09-15", "2026-01-01..2026-04-30 deadline"},
        {"early in the year", "2025-01-05", "2025-01-01..2025-04-30 deadline"},
        {"the early 2030s", "2025-01-05", "2030-01-01..2033-12-31 deadline"},
    });
  }

  TEST_CASE("seasons are meteorological, northern hemisphere") {
    check_rows({
        {"next spring", "2025-10-30", "2026-03-01..2026-05-31 deadline"},
        {"this fall", "2025-07-29", "2025-09-01..2025-11-30 deadline"},
        {"a meeting in the autumn", "2025-07-27", "2025-09-01..2025-11-30 deadline"},
        {"the duties could be lifted by spring", "2025-11-20", "2025-11-20..2026-05-31 deadline"},
        {"this winter", "2025-10-30", "2025-12-01..2026-02-28 deadline"},
        {"this winter", "2026-01-15", "2025-12-01..2026-02-28 deadline"},
        {"summer 2026", "2025-07-29", "2026-06-01..2026-08-31 deadline"},
        {"late summer", "2025-03-01", "2025-08-01..2025-08-31 deadline"},
    });
  }

  TEST_CASE("quarters and halves are calendar ones unless a fiscal year is named") {
    check_rows({
        {"in the third quarter", "2025-05-12", "2025-07-01..2025-09-30 deadline"},
        {"in the first quarter", "2025-05-12", "2026-01-01..2026-03-31 deadline"},
        {"Q3 2026", "2025-05-12", "2026-07-01..2026-09-30 deadline"},
        {"the third quarter of 2026", "2025-05-12", "2026-07-01..2026-09-30 deadline"},
        {"next quarter", "2025-08-15", "2025-10-01..2025-12-31 deadline"},
        {"next quarter", "2025-11-15", "2026-01-01..2026-03-31 deadline"},
        {"last quarter", "2025-02-01", "2024-10-01..2024-12-31 past"},
        {"the first half of 2026", "2025-10-14", "2026-01-01..2026-06-30 deadline"},
        {"the second half of next year", "2025-03-01", "2026-07-01..2026-12-31 deadline"},
    });
  }

  TEST_CASE("a US fiscal year runs from October 1 to September 30") {
    check_rows({
        {"the deficit in fiscal 2026", "2025-10-01", "2025-10-01..2026-09-30 deadline"},
        {"FY2027", "2025-10-01", "2026-10-01..2027-09-30 deadline"},
        {"fiscal year 2026", "2025-10-01", "2025-10-01..2026-09-30 deadline"},
        {"the first quarter of fiscal 2026", "2025-07-01", "2025-10-01..2025-12-31 deadline"},
    });
  }

  TEST_CASE("this, next and last week, month, quarter and year are calendar ones") {
    check_rows({
        {"this week", "2025-07-30", "2025-07-28..2025-08-03 deadline"},
        {"next week", "2025-07-30", "2025-08-04..2025-08-10 deadline"},
        {"last week", "2025-07-30", "2025-07-21..2025-07-27 past"},
        {"a deal could be signed next month", "2025-07-29", "2025-08-01..2025-08-31 deadline"},
        {"next month", "2025-12-10", "2026-01-01..2026-01-31 deadline"},
        {"growth of 5% this year", "2025-03-05", "2025-01-01..2025-12-31 deadline"},
        {"next year", "2025-03-05", "2026-01-01..2026-12-31 deadline"},
        {"last year", "2025-03-05", "2024-01-01..2024-12-31 past"},
        {"the midterm elections next November", "2025-12-15", "2026-11-01..2026-11-30 deadline"},
    });
  }

  TEST_CASE("later this year runs from the anchor; earlier this year up to it") {
    check_rows({
        {"the central bank will cut rates later this year", "2025-05-12",
         "2025-05-12..2025-12-31 deadline"},
        {"later in the year", "2025-05-12", "2025-05-12..2025-12-31 deadline"},
        {"later this month", "2025-05-12", "2025-05-12..2025-05-31 deadline"},
        {"earlier this year", "2025-05-12", "2025-01-01..2025-05-11 past"},
        {"for the rest of the year", "2025-05-12", "2025-05-12..2025-12-31 deadline"},
        {"by year-end", "2025-05-12", "2025-05-12..2025-12-31 deadline"},
    });
  }

  TEST_CASE("days around the anchor") {
    check_rows({
        {"tomorrow", "2025-07-29", "2025-07-30..2025-07-30 point"},
        {"yesterday", "2025-07-29", "2025-07-28..2025-07-28 past"},
        {"tariffs of 10% take effect immediately", "2025-04-02", "2025-04-02..2025-04-02 point"},
        {"today", "2025-04-02", "2025-04-02..2025-04-02 point"},
        {"if no deal is reached by the weekend", "2025-07-30", "2025-07-30..2025-08-03 deadline"},
        {"this weekend", "2025-07-30", "2025-08-02..2025-08-03 deadline"},
        {"this time next year", "2025-07-29", "2026-07-29..2026-07-29 point"},
    });
  }
}
