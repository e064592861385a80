// The expression language inside a selection's attribute test: `event.…`, dynamic
// attribute types, missing attributes, run-time type errors.
#include <doctest/doctest.h>

#include "test_rules_expr_fixture.hpp"

using namespace hindsight::rules;
using hindsight::rules::testing::Fixture;

TEST_SUITE("rules.expr.events") {
  TEST_CASE("event fields and attributes read the current event") {
    Fixture f;
    f.scope.allow_event(true);
    CHECK(f.eval("event.rate_to") == "10");
    CHECK(f.eval("event.rate_to < event.rate_from") == "true");
    CHECK(f.eval("(event.rate_from - event.rate_to) / event.rate_from") == "0.5");
    CHECK(f.eval("event.host == \"China\"") == "true");
    CHECK(f.eval("event.kind") == "\"tariff.changed\"");
    CHECK(f.eval("event.date - claim.stated_on") == "106d");
    CHECK(f.eval("event") == "E2");
  }

  TEST_CASE("a missing attribute is null and every ordering with it is false") {
    Fixture f;
    f.scope.allow_event(true);
    CHECK(f.eval("event.missing") == "null");
    CHECK(f.eval("event.missing < 5") == "false");
    CHECK(f.eval("event.missing >= 5") == "false");
    CHECK(f.eval("event.missing == 5") == "false");
    CHECK(f.eval("event.missing != 5") == "true");
    CHECK(f.eval("event.missing == null") == "true");
    CHECK(f.eval("event.rate_to != null") == "true");
    CHECK(f.eval("!(event.missing < 5)") == "true");
    CHECK(f.eval("event.missing + 1") == "null");
    CHECK(f.eval("event.missing && true") == "false");
    CHECK(f.eval("claim.condition == null") == "true");
  }

  TEST_CASE("list attributes can be searched and counted") {
    Fixture f;
    f.scope.allow_event(true);
    f.current = f.visit_event;
    CHECK(f.eval("contains(event.tags, \"state\")") == "true");
    CHECK(f.eval("contains(event.tags, \"private\")") == "false");
    CHECK(f.eval("count(event.tags)") == "2");
    CHECK(f.eval("event.tags") == "[\"state\", \"official\"]");
  }

  TEST_CASE("without a current event its fields are null") {
    Fixture f;
    f.scope.allow_event(true);
    f.current = nullptr;
    CHECK(f.eval("event.rate_to < 20") == "false");
    CHECK(f.eval("event") == "null");
  }

  TEST_CASE("an attribute of the wrong type is a run-time error at the operator") {
    Fixture f;
    f.scope.allow_event(true);
    CHECK(f.eval("event.host < 5") ==
          "error: rule.yaml:3:21: cannot compare a string with a number");
    CHECK(f.eval("event.host && true") ==
          "error: rule.yaml:3:10: '&&' needs booleans, found a string");
    CHECK(f.eval("event.host + 1d") == "error: rule.yaml:3:21: cannot add a string and a duration");
    CHECK(f.eval("days(event.rate_to)") ==
          "error: rule.yaml:3:15: days() needs a duration, found a number");
    CHECK(f.eval("event.rate_to", Type::Date) ==
          "error: rule.yaml:3:10: expected a date, found a number");
    CHECK(f.eval("event.rate_to.x") ==
          "compile error: rule.yaml:3:23: '.x' needs an event, found a value of any type");
  }

  TEST_CASE("division by zero is a run-time error") {
    Fixture f;
    CHECK(f.eval("1 / (2 - 2)") == "error: rule.yaml:3:12: division by zero");
  }

  TEST_CASE("clamp with crossed bounds is a run-time error") {
    Fixture f;
    CHECK(f.eval("clamp(1, 2, 0)") ==
          "error: rule.yaml:3:10: clamp() needs its lower bound below its upper bound, found 2 and "
          "0");
  }

  TEST_CASE("evaluate_bool treats null as false and refuses other values") {
    Fixture f;
    f.scope.allow_event(true);
    auto missing = compile("event.missing", f.scope, hindsight::rules::testing::kWhere, Type::Bool);
    REQUIRE(missing);
    auto result = evaluate_bool(**missing, f);
    REQUIRE(result);
    CHECK_FALSE(*result);
    auto host = compile("event.host", f.scope, hindsight::rules::testing::kWhere, Type::Bool);
    REQUIRE(host);
    auto refused = evaluate_bool(**host, f);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().to_string() == "rule.yaml:3:10: expected a boolean, found a string");
  }

  TEST_CASE("evaluation is deterministic and does not depend on selection order") {
    Fixture f;
    auto expr = compile("first(cuts).date + settle < last(cuts).date && count(cuts) == 2", f.scope,
                        hindsight::rules::testing::kWhere, Type::Bool);
    REQUIRE(expr);
    for (int i = 0; i < 100; ++i) {
      auto v = evaluate_bool(**expr, f);
      REQUIRE(v);
      CHECK(*v);
    }
    CHECK(f.eval("first(cuts)") == "E2");
    CHECK(f.eval("last(cuts)") == "E3");
  }
}
