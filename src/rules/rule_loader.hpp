// Loading rule files (rules/resolve/*.yaml, `format: 1`) with every key checked and
// every error of a file reported at once, as
//   rules/resolve/trade.yaml:31:15: rule "truce.extended": unknown selection 'x' …
// A rule set that has any error is never used: load_rules gives all or nothing.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "rules/rule.hpp"

namespace hindsight::rules {

// One parsed rule file: its well-formed rules, its errors and its lint findings
// (warnings that `rules check --lint-fatal` makes fatal).
struct RuleFile {
  std::string path;
  std::vector<Rule> rules;
  std::vector<core::Error> errors;
  std::vector<core::Error> lints;
};

// Parses the text of a rule file named `file` (used in error locations).
RuleFile parse_rule_file(std::string_view text, const std::string& file);

// Reads and parses one rule file. Throws core::Failure when it cannot be read.
RuleFile read_rule_file(const std::filesystem::path& path);

// The rule files named by `paths`: files as given, folders searched (not
// recursively) for *.yaml files that are not *.test.yaml; sorted, without repeats.
// A path that does not exist is returned as is (reading it then fails).
std::vector<std::filesystem::path> find_rule_files(const std::vector<std::filesystem::path>& paths);

// Every rule file of `paths`, loaded together.
struct LoadedRules {
  std::vector<RuleFile> files;
  std::vector<core::Error> errors;  // every file's errors, and duplicate rule ids
  std::vector<core::Error> lints;
  RuleSet set;  // empty when there is any error: a rule set is never half-applied

  bool ok() const { return errors.empty(); }
};

// Loads the rule files of `paths` (see find_rule_files). Throws core::Failure when
// a file cannot be read.
LoadedRules load_rules(const std::vector<std::filesystem::path>& paths);

}  // namespace hindsight::rules
