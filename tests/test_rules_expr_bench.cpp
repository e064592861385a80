// How fast compiled expressions evaluate. Skipped by default; run with
//   tests_rules -ts=rules.expr.bench --no-skip -s
#include <doctest/doctest.h>

#include <chrono>

#include "test_rules_expr_fixture.hpp"

using namespace hindsight::rules;
using hindsight::rules::testing::Fixture;
using hindsight::rules::testing::kWhere;

namespace {

// Evaluations per second of `text` over `rounds` evaluations.
double rate(const Fixture& f, const char* text, int rounds) {
  auto expr = compile(text, f.scope, kWhere, Type::Bool);
  REQUIRE(expr);
  int truths = 0;
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < rounds; ++i) truths += *evaluate_bool(**expr, f) ? 1 : 0;
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  CHECK((truths == 0 || truths == rounds));
  return rounds / took.count();
}

}  // namespace

TEST_SUITE("rules.expr.bench" * doctest::skip()) {
  TEST_CASE("evaluation rate of typical conditions") {
    Fixture f;
    f.scope.allow_event(true);
    const char* conditions[] = {
        "exists(extension) && first(extension).date <= claim.deadline.end + settle",
        "as_of > claim.deadline.end + settle",
        "event.rate_to < event.rate_from && event.host == \"China\"",
        "clamp((event.rate_from - event.rate_to) / 10, 0, 1) > 0.5 || count(cuts) >= 2",
    };
    for (const char* text : conditions) {
      double per_second = rate(f, text, 2000000);
      MESSAGE(std::string(text) << ": " << static_cast<long>(per_second) << " evaluations/s");
    }
  }
}
