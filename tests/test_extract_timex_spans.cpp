// Amounts of time, weekdays, holidays and open-ended starts (docs/time.md).
#include <doctest/doctest.h>

#include <string>

#include "core/date.hpp"
#include "extract/timex.hpp"

using namespace hindsight;

namespace {

std::string when(const char* phrase, const char* on) {
  auto e = extract::normalize_time(phrase, *core::parse_date(on));
  if (!e) return "none";
  if (e->role == extract::TimeRole::Open) return "open";
  return core::format_date(e->start) + ".." + (e->end ? core::format_date(*e->end) : "-") + " " +
         extract::to_string(e->role);
}

std::string basis(const char* phrase, const char* on) {
  auto e = extract::normalize_time(phrase, *core::parse_date(on));
  return e ? core::to_string(e->basis) : "none";
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

TEST_SUITE("extract.timex.spans") {
  TEST_CASE("within an amount is a deadline from the anchor; in an amount is a day") {
    check_rows({
        {"within 90 days", "2025-07-29", "2025-07-29..2025-10-27 deadline"},
        {"Beijing hopes to reach a deal within a year", "2025-10-30",
         "2025-10-30..2026-10-30 deadline"},
        {"the talks will resume in two weeks", "2025-06-16", "2025-06-30..2025-06-30 point"},
        {"in two weeks' time", "2025-06-16", "2025-06-30..2025-06-30 point"},
        {"within 48 hours", "2025-07-29", "2025-07-29..2025-07-31 deadline"},
        {"in a year and a half", "2025-01-15", "2026-07-15..2026-07-15 point"},
        {"in 1.5 years", "2025-01-15", "2026-07-15..2026-07-15 point"},
        {"within twenty-five days", "2025-01-01", "2025-01-01..2025-01-26 deadline"},
        {"US officials expect the rate to be halved a year from now", "2025-10-30",
         "2026-10-30..2026-10-30 point"},
        {"three months ago", "2025-07-29", "2025-04-29..2025-04-29 past"},
        {"in the next two years", "2025-03-04", "2025-03-04..2027-03-04 deadline"},
        {"within the next month", "2025-07-29", "2025-07-29..2025-08-29 deadline"},
        {"over the past two years", "2025-03-04", "2023-03-04..2025-03-04 past"},
    });
  }

  TEST_CASE("month arithmetic clamps at the end of the month") {
    check_rows({
        {"within six months", "2025-07-15", "2025-07-15..2026-01-15 deadline"},
        {"within six months", "2025-08-31", "2025-08-31..2026-02-28 deadline"},
        {"within a year", "2024-02-29", "2024-02-29..2025-02-28 deadline"},
        {"in one month", "2025-01-31", "2025-02-28..2025-02-28 point"},
    });
    CHECK(core::format_date(extract::default_horizon_end(*core::parse_date("2024-02-29"))) ==
          "2025-02-28");
  }

  TEST_CASE("business days skip weekends") {
    // From Tuesday 2025-07-29: ten weekdays later is Tuesday 2025-08-12.
    check_rows({{"within 10 business days", "2025-07-29", "2025-07-29..2025-08-12 deadline"}});
  }

  TEST_CASE("vague amounts follow the lenient conventions and are inferred") {
    check_rows({
        {"Beijing will respond in the coming days", "2025-10-10",
         "2025-10-10..2025-10-20 deadline"},
        {"in the coming weeks", "2025-10-10", "2025-10-10..2025-11-21 deadline"},
        {"the measures could be eased in the coming months", "2025-06-16",
         "2025-06-16..2025-12-16 deadline"},
        {"in coming months", "2025-06-16", "2025-06-16..2025-12-16 deadline"},
        {"in the months ahead", "2025-06-16", "2025-06-16..2025-12-16 deadline"},
        {"in the next few weeks", "2025-10-10", "2025-10-10..2025-10-31 deadline"},
        {"within a couple of weeks", "2025-10-10", "2025-10-10..2025-10-24 deadline"},
    });
    CHECK(basis("in the coming days", "2025-10-10") == "inferred");
    CHECK(basis("in a few weeks", "2025-10-10") == "inferred");
    CHECK(basis("within 90 days", "2025-10-10") == "stated");
    CHECK(basis("by March", "2025-11-20") == "stated");
    CHECK(basis("soon", "2025-11-20") == "none");
    CHECK(basis("nothing here", "2025-11-20") == "none");
  }

  TEST_CASE("a duration that is the content of the claim is a Duration, with its interval") {
    check_rows({
        {"China is expected to delay its new export restrictions for a year", "2025-10-27",
         "2025-10-27..2026-10-27 duration"},
        {"the two sides agreed to cut tariffs for an initial 90 days", "2025-05-12",
         "2025-05-12..2025-08-10 duration"},
        {"the tariff will be phased in over the next five years", "2025-03-04",
         "2025-03-04..2030-03-04 duration"},
        {"sanctions will stay for at least two more years", "2025-01-20",
         "2025-01-20..2027-01-20 duration"},
        {"a further 90 days", "2025-05-12", "none"},
        {"for another 90 days", "2025-05-12", "2025-05-12..2025-08-10 duration"},
    });
  }

  TEST_CASE("weekdays: the next one on or after the anchor; next Tuesday is next week's") {
    check_rows({
        {"Trump will meet Xi on Thursday", "2025-10-27", "2025-10-30..2025-10-30 point"},
        {"on Monday", "2025-10-27", "2025-10-27..2025-10-27 point"},
        {"Set to begin on Monday in Stockholm", "2025-07-27", "2025-07-28..2025-07-28 point"},
        {"as soon as next Tuesday", "2025-10-24", "2025-10-28..2025-10-28 point"},
        {"next Tuesday", "2025-10-27", "2025-11-04..2025-11-04 point"},
        {"last Friday", "2025-10-27", "2025-10-24..2025-10-24 past"},
        {"the meeting that began Monday", "2025-07-29", "2025-07-28..2025-07-28 past"},
    });
  }

  TEST_CASE("holidays: fixed, by weekday rule, Easter and the Lunar New Year table") {
    check_rows({
        {"negotiators hope to finish before Thanksgiving", "2025-10-30",
         "2025-10-30..2025-11-26 deadline"},
        {"Thanksgiving", "2026-01-10", "2026-11-26..2026-11-26 point"},
        {"by Christmas", "2025-07-29", "2025-07-29..2025-12-25 deadline"},
        {"the ports are expected to reopen ahead of the Lunar New Year", "2025-12-15",
         "2025-12-15..2026-02-16 deadline"},
        {"the Lunar New Year", "2026-03-01", "2027-02-06..2027-02-06 point"},
        {"Chinese New Year", "2025-01-10", "2025-01-29..2025-01-29 point"},
        {"Easter 2026", "2025-07-29", "2026-04-05..2026-04-05 point"},
        {"Good Friday", "2026-01-01", "2026-04-03..2026-04-03 point"},
        {"Labor Day", "2025-07-29", "2025-09-01..2025-09-01 point"},
        {"Memorial Day", "2026-01-01", "2026-05-25..2026-05-25 point"},
        {"New Year's Eve", "2025-07-29", "2025-12-31..2025-12-31 point"},
        {"New Year's Day", "2025-07-29", "2026-01-01..2026-01-01 point"},
        {"the Fourth of July", "2025-07-29", "2026-07-04..2026-07-04 point"},
    });
  }

  TEST_CASE("US election day is the Tuesday after the first Monday in November") {
    check_rows({
        {"the 2026 midterms", "2025-10-30", "2026-11-03..2026-11-03 point"},
        {"the midterms", "2025-01-01", "2026-11-03..2026-11-03 point"},
        {"the midterm elections", "2026-11-04", "2030-11-05..2030-11-05 point"},
        {"the 2028 presidential election", "2025-01-01", "2028-11-07..2028-11-07 point"},
        {"Election Day", "2025-07-29", "2025-11-04..2025-11-04 point"},
    });
  }

  TEST_CASE("from, starting and beyond open a start; ranges close it") {
    check_rows({
        {"the new rules apply from November 10", "2025-11-04", "2025-11-10..- start"},
        {"the truce may be extended beyond Aug. 12", "2025-07-29", "2025-08-13..- start"},
        {"after March", "2025-11-20", "2026-04-01..- start"},
        {"starting next month", "2025-07-29", "2025-08-01..- start"},
        {"from 2026", "2025-07-29", "2026-01-01..- start"},
        {"the two leaders have not met in person since 2019", "2025-10-29",
         "2019-01-01..2025-10-29 past"},
        {"from November 10 to November 20", "2025-11-04", "2025-11-10..2025-11-20 deadline"},
        {"between March and May", "2025-01-10", "2025-03-01..2025-05-31 deadline"},
    });
  }

  TEST_CASE("soon, eventually and the not too distant future give no interval") {
    check_rows({
        {"soon", "2025-07-29", "open"},
        {"the two countries will eventually reach an agreement", "2025-08-11", "open"},
        {"visiting the country \xE2\x80\x9Cin the not too distant future\xE2\x80\x9D", "2025-07-27",
         "open"},
        {"in the not-too-distant future", "2025-07-27", "open"},
        {"for the foreseeable future", "2025-07-27", "open"},
        {"in the near future", "2025-07-27", "open"},
        {"sooner or later", "2025-07-27", "open"},
        {"as soon as they agree", "2025-07-27", "none"},
    });
  }
}
