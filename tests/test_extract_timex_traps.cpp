// What only looks like time ("may", "march", "a second round", "prices could fall"),
// and find_time_expressions on sentences of the seed articles: spans, roles, and
// the `future` flag the extractor passes.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/date.hpp"
#include "extract/timex.hpp"

using namespace hindsight;

namespace {

core::Date day(const char* s) {
  return *core::parse_date(s);
}

// "phrase=START..END role" for each expression, joined with " | ".
std::string found(const std::string& text, const char* on, bool future = true) {
  std::string out;
  for (const auto& e : extract::find_time_expressions(text, day(on), future)) {
    if (!out.empty()) out += " | ";
    out += e.phrase + "=" + core::format_date(e.start) + ".." + core::format_date(e.end) + " " +
           extract::to_string(e.role);
    // The span points at the phrase in the text.
    CHECK(text.substr(e.span.start, e.span.size()) == e.phrase);
  }
  return out;
}

}  // namespace

TEST_SUITE("extract.timex.traps") {
  TEST_CASE("the modal may is not May") {
    CHECK(found("China may also seek relief from technology export restrictions", "2025-07-28") ==
          "");
    CHECK(found("This move may be seen as a sign", "2025-10-29") == "");
    CHECK(found("In what they may call a great rebalancing", "2025-07-28") == "");
    CHECK(found("it may genuinely surprise many members", "2025-07-28") == "");
    CHECK(found("if this happens, it May not last", "2025-07-28") == "");
  }

  TEST_CASE("May the month is May") {
    CHECK(found("This reprieve, established in May, halted tariffs", "2025-07-28", false) ==
          "in May=2025-05-01..2025-05-31 past");
    CHECK(found("brokered in Geneva this May, froze sweeping tariffs", "2025-07-27", false) ==
          "this May=2025-05-01..2025-05-31 past");
    CHECK(found("May 12 is the deadline", "2025-04-01") == "May 12=2025-05-12..2025-05-12 point");
    CHECK(found("the 12 May deadline", "2025-04-01") == "the 12 May=2025-05-12..2025-05-12 point");
    CHECK(found("talks resume by may", "2025-04-01") == "by may=2025-04-01..2025-05-31 deadline");
  }

  TEST_CASE("the verb march is not March") {
    CHECK(found("protesters march on the capital", "2025-01-10") == "");
    CHECK(found("Protesters will march in March", "2025-01-10") ==
          "in March=2025-03-01..2025-03-31 deadline");
    CHECK(found("the march was peaceful", "2025-01-10") == "");
  }

  TEST_CASE("a second round is not a time") {
    CHECK(found("a second round of talks is planned", "2025-09-15") == "");
    CHECK(found("wait a second", "2025-09-15") == "");
    CHECK(found("For the third time in as many months, senior officials met", "2025-07-27") == "");
  }

  TEST_CASE("Sept and Sept. are September, Aug. with its period is August") {
    CHECK(found("on Sept 3", "2025-07-29") == "on Sept 3=2025-09-03..2025-09-03 point");
    CHECK(found("on Sept. 3", "2025-07-29") == "on Sept. 3=2025-09-03..2025-09-03 point");
    CHECK(found("the tariff deadline of Aug. 1.", "2025-07-09") ==
          "Aug. 1=2025-08-01..2025-08-01 point");
  }

  TEST_CASE("fall the verb, spring the verb and the fall of a city are not seasons") {
    CHECK(found("prices could fall sharply", "2025-07-29") == "");
    CHECK(found("the fall of the government", "2025-07-29") == "");
    CHECK(found("a fall in exports", "2025-07-29") == "");
    CHECK(found("spring into action", "2025-07-29") == "");
  }

  TEST_CASE("adjectives, counts, names and fractions are not times") {
    CHECK(found("The two-day meeting between U.S. and Chinese officials", "2025-07-28") == "");
    CHECK(found("suggesting another 90-day extension", "2025-07-28") == "");
    CHECK(found("a year-long investigation", "2025-07-28") == "");
    CHECK(found("April Ryan said", "2025-07-28") == "");
    CHECK(found("Jan Smith said", "2025-07-28") == "");
    CHECK(found("5,000 people marched", "2025-07-28") == "");
    CHECK(found("1/3 of the budget", "2025-07-28") == "");
    CHECK(found("months of global economic chaos", "2025-10-29") == "");
    CHECK(found("$771bn last decade", "2025-10-29") == "last decade=2010-01-01..2019-12-31 past");
  }

  TEST_CASE("an amount of something is not an amount from the anchor") {
    CHECK(found("In a year of turmoil, markets held up", "2025-07-28") == "");
    CHECK(found("within a year of the election", "2025-07-28") == "");
    CHECK(found("after two years of talks", "2025-07-28") == "");
    CHECK(found("$5bn a year", "2025-07-28") == "");
    CHECK(found("for the first time", "2025-07-28") == "");
  }

  TEST_CASE("a weekday in a name is not a day") {
    CHECK(found("The Sunday Times reported", "2025-07-28") == "");
    CHECK(found("he told the Sunday Telegraph on Monday", "2025-07-28") ==
          "on Monday=2025-07-28..2025-07-28 point");
  }

  TEST_CASE("for a year is the content of the claim, even before a missing space") {
    CHECK(found("China is expected to delay its new export restrictions for a year.A key demand",
                "2025-10-27") == "for a year=2025-10-27..2026-10-27 duration");
  }

  TEST_CASE("seed sentences give their deadlines") {
    CHECK(found("Bessent said the two parties would likely agree to extend the current trade "
                "truce, which is due to expire on 12 August",
                "2025-07-27") == "on 12 August=2025-08-12..2025-08-12 point");
    CHECK(found("indicated a likely extension of the current trade truce, set to expire on "
                "August 12",
                "2025-07-28") == "on August 12=2025-08-12..2025-08-12 point");
    CHECK(found("which is expected to occur before early November", "2025-07-28") ==
          "before early November=2025-07-28..2025-11-10 deadline");
    CHECK(found("A face-to-face Trump-Xi meeting in the autumn is now seen as a likely outcome",
                "2025-07-27") == "in the autumn=2025-09-01..2025-11-30 deadline");
    CHECK(found("a possible Trump-Xi meeting in the fall", "2025-07-28") ==
          "in the fall=2025-09-01..2025-11-30 deadline");
    CHECK(found("a visit by Donald Trump to China early next year is anticipated", "2025-10-27") ==
          "early next year=2026-01-01..2026-04-30 deadline");
    CHECK(found("Economy 09:57 AM - 2025-07-27", "2025-07-27") ==
          "2025-07-27=2025-07-27..2025-07-27 point");
  }

  TEST_CASE("a possessive is not part of the phrase") {
    CHECK(found("the biggest progress at this week\xE2\x80\x99s summit will be", "2025-10-29") ==
          "at this week=2025-10-27..2025-11-02 deadline");
    CHECK(found("this week's meeting will lay the foundation", "2025-07-28") ==
          "this week=2025-07-28..2025-08-03 deadline");
  }

  TEST_CASE("past references in past sentences") {
    CHECK(found("On October 9th, Beijing announced expanded controls", "2025-10-27", false) ==
          "On October 9th=2025-10-09..2025-10-09 past");
    CHECK(found("Last month, China announced new controls", "2025-07-28", false) ==
          "Last month=2025-06-01..2025-06-30 past");
    CHECK(found("tariffs introduced in April that threatened", "2025-07-27", false) ==
          "in April=2025-04-01..2025-04-30 past");
    CHECK(found("tensions have dominated headlines this year", "2025-07-28", false) ==
          "this year=2025-01-01..2025-12-31 deadline");
    CHECK(found("threatened each other with earlier this year", "2025-10-29", false) ==
          "earlier this year=2025-01-01..2025-10-28 past");
  }

  TEST_CASE("every expression of a sentence is found, in text order") {
    CHECK(found("Talks begin on Monday and could conclude by the end of the month, with a "
                "signing in the coming weeks",
                "2025-07-27") ==
          "on Monday=2025-07-28..2025-07-28 point | "
          "by the end of the month=2025-07-27..2025-07-31 deadline | "
          "in the coming weeks=2025-07-27..2025-09-07 deadline");
  }

  TEST_CASE("speaks_of_past reads verb forms, and the future wins") {
    CHECK(extract::speaks_of_past("exports fell sharply in April"));
    CHECK(extract::speaks_of_past("the truce was extended"));
    CHECK(extract::speaks_of_past("Beijing announced new controls"));
    CHECK_FALSE(extract::speaks_of_past("exports are expected to recover"));
    CHECK_FALSE(extract::speaks_of_past("the proposed deal"));
    CHECK_FALSE(extract::speaks_of_past("the talks were seen as likely to resume"));
    CHECK_FALSE(extract::speaks_of_past("the 90-day pause expires on July 9"));
  }
}
