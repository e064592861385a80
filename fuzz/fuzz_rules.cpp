// libFuzzer target: the rule-file loader and the rule-test reader. Any text is
// parsed as a rule file and as a rule test file; errors must carry a message, and
// a file with errors contributes no rule that a rule set would use.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"
#include "rules/rule_loader.hpp"
#include "rules/rule_tests.hpp"

using namespace hindsight;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto file = rules::parse_rule_file(text, "fuzz.yaml");
  for (const auto& e : file.errors) fuzz::require(!e.message.empty(), "an error has a message");
  for (const auto& e : file.lints) fuzz::require(!e.message.empty(), "a lint has a message");
  for (const auto& rule : file.rules) {
    fuzz::require(!rule.id.empty(), "a rule has an id");
    fuzz::require(!rule.by().empty(), "a rule names itself");
  }
  auto tests = rules::parse_rule_test_file(text, "/nonexistent/fuzz.test.yaml");
  for (const auto& e : tests.errors) fuzz::require(!e.message.empty(), "an error has a message");
  return 0;
}
