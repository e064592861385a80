// The expression language: literals, operators, precedence, functions and date
// arithmetic, each as a row of text → value.
#include <doctest/doctest.h>

#include "test_rules_expr_fixture.hpp"

using hindsight::rules::Type;
using hindsight::rules::testing::Fixture;

namespace {

struct Row {
  const char* text;
  const char* value;
};

void check_rows(const Fixture& f, std::initializer_list<Row> rows) {
  for (const Row& row : rows) {
    CAPTURE(row.text);
    CHECK(f.eval(row.text) == row.value);
  }
}

}  // namespace

TEST_SUITE("rules.expr") {
  TEST_CASE("every literal parses to its value") {
    Fixture f;
    check_rows(f, {
                      {"20", "20"},
                      {"0.5", "0.5"},
                      {"007", "7"},
                      {"\"China\"", "\"China\""},
                      {"'China'", "\"China\""},
                      {R"("say \"hi\"")", R"("say "hi"")"},
                      {R"('it\'s')", R"("it's")"},
                      {R"("a\\b")", R"("a\b")"},
                      {R"("caf\u00e9")", "\"caf\xC3\xA9\""},
                      {"2025-08-12", "2025-08-12"},
                      {"3d", "3d"},
                      {"2w", "14d"},
                      {"6m", "6m"},
                      {"1y", "1y"},
                      {"1y2m3d", "1y2m3d"},
                      {"true", "true"},
                      {"false", "false"},
                      {"null", "null"},
                  });
  }

  TEST_CASE("arithmetic follows precedence and associates to the left") {
    Fixture f;
    check_rows(f, {
                      {"1 + 2 * 3", "7"},
                      {"(1 + 2) * 3", "9"},
                      {"10 - 4 - 3", "3"},
                      {"8 / 4 / 2", "1"},
                      {"-3 + 5", "2"},
                      {"--2", "2"},
                      {"2 * -3", "-6"},
                      {"1/4", "0.25"},
                      {"((((7))))", "7"},
                      {"  1 +\n  2  ", "3"},
                  });
  }

  TEST_CASE("logic binds && tighter than || and ! tightest") {
    Fixture f;
    check_rows(f, {
                      {"true && false", "false"},
                      {"true || false && false", "true"},
                      {"(true || false) && false", "false"},
                      {"!true || true", "true"},
                      {"!(true || true)", "false"},
                      {"!!true", "true"},
                      {"1 < 2 && 2 < 3", "true"},
                      {"1 + 1 == 2", "true"},
                      {"false && 1 / 0 == 1", "false"},
                      {"true || 1 / 0 == 1", "true"},
                  });
  }

  TEST_CASE("comparisons order numbers, strings, dates and durations") {
    Fixture f;
    check_rows(f, {
                      {"1 < 2", "true"},
                      {"2 <= 2", "true"},
                      {"3 > 4", "false"},
                      {"4 >= 4", "true"},
                      {"1 == 1.0", "true"},
                      {"1 != 2", "true"},
                      {"\"a\" < \"b\"", "true"},
                      {"\"China\" == 'China'", "true"},
                      {"2025-08-12 > 2025-08-11", "true"},
                      {"2025-08-12 == 2025-08-12", "true"},
                      {"1y == 12m", "true"},
                      {"2w == 14d", "true"},
                      {"1m > 30d", "true"},
                      {"1m < 31d", "true"},
                      {"1m == 30d", "false"},
                      {"true == true", "true"},
                  });
  }

  TEST_CASE("dates move by durations and subtract to durations") {
    Fixture f;
    check_rows(f, {
                      {"2025-08-12 + 3d", "2025-08-15"},
                      {"3d + 2025-08-12", "2025-08-15"},
                      {"2025-08-12 - 2w", "2025-07-29"},
                      {"2025-12-30 + 3d", "2026-01-02"},
                      {"2025-01-31 + 1m", "2025-02-28"},
                      {"2024-02-29 + 1y", "2025-02-28"},
                      {"2025-03-31 - 1m", "2025-02-28"},
                      {"2025-07-27 + 1y", "2026-07-27"},
                      {"2025-08-12 - 2025-07-27", "16d"},
                      {"2025-07-27 - 2025-08-12", "-16d"},
                      {"1w + 3d", "10d"},
                      {"1y - 2m", "10m"},
                      {"-3d", "-3d"},
                      {"days(2w)", "14"},
                      {"days(2025-08-12 - 2025-07-27)", "16"},
                      {"days(1y)", "365.2425"},
                  });
  }

  TEST_CASE("the conditional picks a branch and nests to the right") {
    Fixture f;
    check_rows(f, {
                      {"1 < 2 ? \"yes\" : \"no\"", "\"yes\""},
                      {"false ? 1 : true ? 2 : 3", "2"},
                      {"(false ? 1 : 2) * 10", "20"},
                      {"true ? null : 3", "null"},
                  });
  }

  TEST_CASE("value functions compute min, max, clamp, abs, days and contains") {
    Fixture f;
    check_rows(f, {
                      {"min(3, 1, 2)", "1"},
                      {"max(3, 1, 2)", "3"},
                      {"max(2025-08-12, 2025-09-01)", "2025-09-01"},
                      {"min(1w, 3d)", "3d"},
                      {"min(null, 3)", "3"},
                      {"max(null, null)", "null"},
                      {"clamp(1.5, 0, 1)", "1"},
                      {"clamp(-1, 0, 1)", "0"},
                      {"clamp(0.25, 0, 1)", "0.25"},
                      {"clamp(5, null, 1)", "1"},
                      {"abs(-2)", "2"},
                      {"abs(-3d)", "3d"},
                      {"contains(\"trade.truce.extend\", \"truce\")", "true"},
                      {"contains(claim.topics, \"trade.tariff\")", "true"},
                      {"contains(claim.topics, \"trade\")", "false"},
                      {"count(claim.topics)", "2"},
                  });
  }

  TEST_CASE("fields read the bindings") {
    Fixture f;
    check_rows(f, {
                      {"claim.stated_on", "2025-07-27"},
                      {"claim.deadline.end + settle", "2025-08-15"},
                      {"as_of > claim.deadline.end + settle", "true"},
                      {"claim.probability * 100", "72"},
                      {"claim.kind == \"prediction\"", "true"},
                      {"window.end - window.start", "16d"},
                      {"claim.topics", "[\"trade.truce.extend\", \"trade.tariff\"]"},
                  });
  }

  TEST_CASE("selection functions count, test and pick events by date") {
    Fixture f;
    check_rows(f, {
                      {"exists(extension)", "true"},
                      {"exists(empty)", "false"},
                      {"count(cuts)", "2"},
                      {"count(empty)", "0"},
                      {"first(cuts)", "E2"},
                      {"last(cuts)", "E3"},
                      {"first(cuts).date", "2025-11-10"},
                      {"last(cuts).rate_to", "5"},
                      {"first(extension).until", "2025-11-10"},
                      {"first(extension).days", "90"},
                      {"first(extension).kind", "\"truce.extended\""},
                      {"first(extension).id", "\"E1\""},
                      {"first(extension).end", "2025-08-11"},
                      {"first(extension).known_on", "2025-08-11"},
                      {"first(extension).reliability", "\"medium\""},
                      {"first(extension).date <= claim.deadline.end", "true"},
                      {"(first(visit)).visitor", "\"Donald Trump\""},
                      {"cuts", "[E3, E2]"},
                  });
  }

  TEST_CASE("first of an empty selection is null and its fields are null") {
    Fixture f;
    check_rows(f, {
                      {"first(empty)", "null"},
                      {"first(empty).date", "null"},
                      {"first(empty).date <= claim.deadline.end", "false"},
                      {"first(empty).date > claim.deadline.end", "false"},
                      {"first(empty) == null", "true"},
                      {"first(empty).date + 3d", "null"},
                  });
  }
}
