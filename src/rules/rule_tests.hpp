// Rule tests, promtool style: a `*.test.yaml` beside each rule file gives claims and
// events inline and the outcomes expected at several `as_of` dates, including
// "still pending". `hindsight rules test` runs them. See docs/rules.md "Tests".
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/claim.hpp"
#include "core/event.hpp"
#include "core/result.hpp"
#include "rules/engine.hpp"
#include "rules/rule_loader.hpp"

namespace hindsight::rules {

// One expected verdict: claim `claim` as of `as_of` is `outcome` ("pending" or an
// outcome word), with `credit` and `evidence` when given, decided by `rule` when
// the test case names one.
struct Expectation {
  core::Date as_of;
  std::string claim;
  std::string outcome;
  std::optional<double> credit;
  std::optional<std::vector<std::string>> evidence;
  core::Location location;
};

// A test case: a world of claims and events, and what the rules should say.
struct RuleTestCase {
  std::string name;
  std::string rule;  // the rule under test ("" when the case does not name one)
  std::vector<core::Claim> claims;
  std::vector<core::Event> events;
  std::vector<Expectation> expect;
  core::Location location;
};

// A parsed test file: the rule files it tests (resolved to paths) and its cases.
struct RuleTestFile {
  std::string path;
  std::vector<std::filesystem::path> rule_files;  // default: X.yaml beside X.test.yaml
  std::vector<RuleTestCase> cases;
  std::vector<core::Error> errors;
};

// Parses the text of a test file at `path` (rule_files are resolved beside it).
RuleTestFile parse_rule_test_file(std::string_view text, const std::filesystem::path& path);

// Reads and parses one test file. Throws core::Failure when it cannot be read.
RuleTestFile read_rule_test_file(const std::filesystem::path& path);

// The test files for `paths`: *.test.yaml files as given, folders searched for
// them, and for a rule file X.yaml its X.test.yaml when it exists; sorted.
std::vector<std::filesystem::path> find_rule_test_files(
    const std::vector<std::filesystem::path>& paths);

// What running the tests found.
struct RuleTestReport {
  int cases = 0;
  int expectations = 0;
  std::vector<std::string> failures;  // "file:line:col: test "name": …", one per failure
};

// Runs every case of `file` against the rules of its rule files (loaded once per
// file; a rule file that fails to load is a failure of each of its cases). Throws
// core::Failure when a file cannot be read.
RuleTestReport run_rule_tests(const RuleTestFile& file, const EngineOptions& options = {});

// Lint: every rule of `rules` that no test case beside it names (`rule: ID`), as
// "file:line:col: rule "id": no test names this rule (add one to X.test.yaml)".
std::vector<core::Error> untested_rules(const LoadedRules& rules);

// An EventSource over events held in memory (rule tests, doctests): grouped by
// kind and sorted by date, then id, when constructed.
class MemoryEventSource : public EventSource {
 public:
  explicit MemoryEventSource(const std::vector<core::Event>& events);
  const std::vector<core::Event>& events_of_kind(const std::string& kind) override;

 private:
  std::map<std::string, std::vector<core::Event>, std::less<>> m_by_kind;
  std::vector<core::Event> m_none;
};

}  // namespace hindsight::rules
