// The expression language's compile errors: syntax, names, types, nesting and cost,
// each with its full text and the line and column it points at.
#include <doctest/doctest.h>

#include <string>

#include "test_rules_expr_fixture.hpp"

using namespace hindsight::rules;
using hindsight::rules::testing::Fixture;
using hindsight::rules::testing::kWhere;

namespace {

struct Row {
  const char* text;
  const char* error;
};

void check_rows(const Fixture& f, std::initializer_list<Row> rows) {
  for (const Row& row : rows) {
    CAPTURE(row.text);
    CHECK(f.error(row.text) == row.error);
  }
}

}  // namespace

TEST_SUITE("rules.expr.errors") {
  TEST_CASE("syntax errors say what was expected and what was found") {
    Fixture f;
    check_rows(
        f,
        {
            {"", "rule.yaml:3:10: expected an operand, found the end of the expression"},
            {"1 +", "rule.yaml:3:13: expected an operand, found the end of the expression"},
            {"(1 + 2", "rule.yaml:3:16: expected ')', found the end of the expression"},
            {"exists(extension",
             "rule.yaml:3:26: expected ',' or ')', found the end of the expression"},
            {"max(1 2)", "rule.yaml:3:16: expected ',' or ')', found '2'"},
            {"1 = 2",
             "rule.yaml:3:12: expected an operator or the end of the expression, found '=' "
             "(compare with '==')"},
            {"true and false",
             "rule.yaml:3:15: expected an operator or the end of the expression, found 'and' (use "
             "'&&')"},
            {"true & false",
             "rule.yaml:3:15: expected an operator or the end of the expression, found '&' (use "
             "'&&')"},
            {"\"abc", "rule.yaml:3:10: unterminated string"},
            {"1 < 2 < 3", "rule.yaml:3:16: comparisons do not chain: write 'a < b && b < c'"},
            {"true ? 1", "rule.yaml:3:18: expected ':', found the end of the expression"},
            {"first(cuts).",
             "rule.yaml:3:22: expected a field name after '.', found the end of the expression"},
            {"3days",
             "rule.yaml:3:11: expected an operator or the end of the expression, found 'days'"},
            {"2025-02-30", "rule.yaml:3:10: '2025-02-30' is not a date in the calendar"},
            {R"("\q")", R"(rule.yaml:3:11: unknown escape '\q' in a string)"},
            {R"("\u12")",
             R"(rule.yaml:3:11: '\u' needs four hex digits of a character that is not a surrogate)"},
        });
  }

  TEST_CASE("unknown names are refused with a suggestion") {
    Fixture f;
    check_rows(
        f,
        {
            {"exists(extention)",
             "rule.yaml:3:17: unknown selection 'extention' (did you mean 'extension'?)"},
            {"count(xyz)", "rule.yaml:3:16: unknown selection 'xyz'"},
            {"claim.deadline.ned",
             "rule.yaml:3:10: unknown field 'claim.deadline.ned' (did you mean "
             "'claim.deadline.end'?)"},
            {"claim.dedline",
             "rule.yaml:3:10: unknown field 'claim.dedline' (did you mean 'claim.deadline.end'?)"},
            {"claim.speaker.name", "rule.yaml:3:10: unknown field 'claim.speaker.name'"},
            {"as_off", "rule.yaml:3:10: unknown name 'as_off' (did you mean 'as_of'?)"},
            {"exsits(extension)",
             "rule.yaml:3:10: unknown function 'exsits' (did you mean 'exists'?)"},
            {"extension.date",
             "rule.yaml:3:10: 'extension' is a selection, not an event: write "
             "first(extension).date or last(extension).date"},
            {"event.rate_to < 5",
             "rule.yaml:3:10: 'event' names the event being tested, only in a selection's "
             "attribute test"},
        });
  }

  TEST_CASE("type errors name the operator or operand at fault") {
    Fixture f;
    check_rows(
        f,
        {
            {"claim.stated_on && true", "rule.yaml:3:10: '&&' needs booleans, found a date"},
            {"true || 3d", "rule.yaml:3:18: '||' needs booleans, found a duration"},
            {"!5", "rule.yaml:3:11: '!' needs a boolean, found a number"},
            {"-\"a\"", "rule.yaml:3:11: '-' needs a number or a duration, found a string"},
            {"claim.stated_on < 5", "rule.yaml:3:26: cannot compare a date with a number"},
            {"true < false",
             "rule.yaml:3:10: '<' needs numbers, strings, dates or durations, found a boolean"},
            {"extension == extension", "rule.yaml:3:10: '==' cannot compare selections"},
            {"claim.stated_on + claim.stated_on", "rule.yaml:3:26: cannot add a date and a date"},
            {"3d - claim.stated_on", "rule.yaml:3:13: cannot subtract a date from a duration"},
            {"\"a\" * 2", "rule.yaml:3:10: '*' needs numbers, found a string"},
            {"settle / 2", "rule.yaml:3:10: '/' needs numbers, found a duration"},
            {"first(cuts).date + 1", "rule.yaml:3:27: cannot add a date and a number"},
            {"(1 + 2).date", "rule.yaml:3:17: '.date' needs an event, found a number"},
            {"1 < 2 ? 1 : \"a\"",
             "rule.yaml:3:16: the branches of '?:' differ: a number and a string"},
            {"3 ? 1 : 2", "rule.yaml:3:10: '?' needs a boolean condition, found a number"},
        });
  }

  TEST_CASE("function calls check their arity and argument types") {
    Fixture f;
    check_rows(
        f,
        {
            {"days(5)", "rule.yaml:3:15: days() needs a duration, found a number"},
            {"exists(claim.stated_on)", "rule.yaml:3:17: exists() needs a selection, found a date"},
            {"first(claim.topics)", "rule.yaml:3:16: first() needs a selection, found a list"},
            {"count(3)", "rule.yaml:3:16: count() needs a selection or a list, found a number"},
            {"clamp(1, 2)", "rule.yaml:3:10: clamp() takes 3 arguments, found 2"},
            {"min(1)", "rule.yaml:3:10: min() takes at least 2 arguments, found 1"},
            {"exists()", "rule.yaml:3:10: exists() takes 1 argument, found 0"},
            {"min(1, 2025-01-01)",
             "rule.yaml:3:17: min() needs arguments of one type, found a number and a date"},
            {"max(\"a\", \"b\")",
             "rule.yaml:3:14: max() needs numbers, dates or durations, found a string"},
            {"abs(\"a\")", "rule.yaml:3:14: abs() needs a number or a duration, found a string"},
            {"contains(1, 2)",
             "rule.yaml:3:19: contains() needs a list or a string, found a number"},
            {"contains(\"ab\", 2)",
             "rule.yaml:3:25: contains() needs a string to look for in a string, found a number"},
        });
  }

  TEST_CASE("the caller's expected type is checked at compile time") {
    Fixture f;
    CHECK(f.error("claim.stated_on", Type::Bool) ==
          "rule.yaml:3:10: expected a boolean, found a date");
    CHECK(f.error("  count(cuts)", Type::Date) ==
          "rule.yaml:3:12: expected a date, found a number");
    CHECK(f.error("exists(cuts)", Type::Bool) == "compiled");
    CHECK(f.error("first(empty)", Type::Event) == "compiled");
    CHECK(f.error("null", Type::Date) == "compiled");
  }

  TEST_CASE("a multi-line expression reports the line and column inside it") {
    Fixture f;
    CHECK(f.error("exists(extension)\n  && 3") ==
          "rule.yaml:4:6: '&&' needs booleans, found a number");
    CHECK(f.error("exists(extension) &&\n\n   claim.dedline") ==
          "rule.yaml:5:4: unknown field 'claim.dedline' (did you mean 'claim.deadline.end'?)");
  }

  TEST_CASE("a location without a file still counts lines and columns from 1") {
    Fixture f;
    auto expr = compile("1 +", f.scope, hindsight::core::Location{});
    REQUIRE_FALSE(expr);
    CHECK(expr.error().where.line == 1);
    CHECK(expr.error().where.column == 4);
    CHECK(expr.error().to_string() == "expected an operand, found the end of the expression");
  }

  TEST_CASE("the cost counts nodes, walks over selections and depth") {
    Fixture f;
    // exists(extension): call 1 + walk 10 + name 1 = 12; count(cuts) > 1: 12 + 1 + 1 = 14;
    // &&: 1 + 12 + 14 = 27; depth 4 (&&, >, count, cuts): 31.
    auto expr = compile("exists(extension) && count(cuts) > 1", f.scope, kWhere);
    REQUIRE(expr);
    CHECK(cost(**expr) == 31);
    CHECK(f.error("exists(extension) && count(cuts) > 1", Type::Bool, 30) ==
          "rule.yaml:3:10: expression costs 31, over the limit of 30");
    CHECK(cost(**compile("1", f.scope, kWhere)) == 2);
  }

  TEST_CASE("an expression over the default cost limit is refused with its figure") {
    Fixture f;
    std::string text = "exists(extension)";
    for (int i = 0; i < 80; ++i) text += " && exists(extension)";
    // 81 calls of 12, 80 '&&', depth 82.
    CHECK(f.error(text) == "rule.yaml:3:10: expression costs 1134, over the limit of 1000");
  }

  TEST_CASE("nesting too deep is refused before it can exhaust the stack") {
    Fixture f;
    std::string deep = std::string(100, '(') + "1" + std::string(100, ')');
    CHECK(f.error(deep) == "rule.yaml:3:74: expression nests deeper than 64 levels");
    std::string bangs = std::string(100000, '!') + "true";
    CHECK(f.error(bangs) == "rule.yaml:3:10: expression nests deeper than 500 levels");
    std::string chain = "1";
    for (int i = 0; i < 100000; ++i) chain += "+1";
    CHECK(f.error(chain, Type::Any, 1000000) ==
          "rule.yaml:3:10: expression nests deeper than 500 levels");
    std::string ok = std::string(30, '(') + "1" + std::string(30, ')');
    CHECK(f.error(ok) == "compiled");
  }

  TEST_CASE("the names an expression reads are reported by slot, and constants are known") {
    Fixture f;
    auto expr = compile("exists(cuts) && first(extension).date <= claim.deadline.end + settle",
                        f.scope, kWhere);
    REQUIRE(expr);
    CHECK(selections_used(**expr) == std::vector<std::size_t>{0, 1});
    CHECK(fields_used(**expr) == std::vector<std::size_t>{*f.scope.field_slot("claim.deadline.end"),
                                                          *f.scope.field_slot("settle")});
    CHECK(result_type(**expr) == Type::Bool);
    CHECK_FALSE(is_constant(**expr));
    CHECK(is_constant(**compile("true || 1 < 2", f.scope, kWhere)));
    CHECK(source(**expr) == "exists(cuts) && first(extension).date <= claim.deadline.end + settle");
  }
}
