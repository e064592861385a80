// libFuzzer target: the rule expression language. The input is compiled against
// the scope the expression tests use (claim fields, as_of, settle, selections over
// a small timeline, the current event), as a value of any type and as a boolean,
// and when it compiles it is evaluated. A compiled expression's cost is within the
// limit, and evaluation returns a value or an error, never anything else.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../tests/test_rules_expr_fixture.hpp"
#include "fuzz_common.hpp"

using namespace hindsight;
using rules::testing::Fixture;

namespace {

const Fixture& fixture() {
  static const Fixture instance = [] {
    Fixture f;
    f.scope.allow_event(true);
    return f;
  }();
  return instance;
}

void run(std::string_view text, rules::Type expected) {
  const Fixture& f = fixture();
  auto expr = rules::compile(text, f.scope, rules::testing::kWhere, expected);
  if (!expr) {
    fuzz::require(!expr.error().message.empty(), "a compile error has a message");
    return;
  }
  fuzz::require(rules::cost(**expr) <= rules::kDefaultCostLimit, "cost within the limit");
  (void)rules::selections_used(**expr);
  (void)rules::fields_used(**expr);
  (void)rules::is_constant(**expr);
  auto value = rules::evaluate(**expr, f);
  if (value) {
    (void)rules::to_string(*value);
  } else {
    fuzz::require(!value.error().message.empty(), "an evaluation error has a message");
  }
  if (expected == rules::Type::Bool) (void)rules::evaluate_bool(**expr, f);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  run(text, rules::Type::Any);
  run(text, rules::Type::Bool);
  return 0;
}
