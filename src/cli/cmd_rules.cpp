// hindsight rules check [PATH…] [--lint-fatal] and hindsight rules test [PATH…].
#include <fmt/format.h>

#include <memory>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/resolve.hpp"
#include "rules/rule_tests.hpp"

namespace hindsight::cli {

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> paths_or_default(const Context& ctx, const std::vector<std::string>& given) {
  if (given.empty()) return {ctx.root / "rules" / "resolve"};
  return {given.begin(), given.end()};
}

// A path given on the command line must exist; a typo would otherwise check nothing.
bool all_exist(Context& ctx, const std::vector<fs::path>& paths) {
  bool ok = true;
  for (const auto& p : paths) {
    std::error_code ec;
    if (!fs::exists(p, ec)) {
      ctx.err << "hindsight: error: " << p.string() << ": no such file or folder\n";
      ok = false;
    }
  }
  return ok;
}

int run_check(Context& ctx, const std::vector<std::string>& given, bool lint_fatal) {
  auto paths = paths_or_default(ctx, given);
  if (!all_exist(ctx, paths)) return kExitError;
  auto loaded = rules::load_rules(paths);
  auto lints = loaded.lints;
  auto untested = rules::untested_rules(loaded);
  lints.insert(lints.end(), untested.begin(), untested.end());
  for (const auto& e : loaded.errors) ctx.out << e.to_string() << "\n";
  for (const auto& e : lints) {
    core::Error warning = e;
    warning.message = "warning: " + e.message;
    ctx.out << warning.to_string() << "\n";
  }
  std::size_t rules = 0;
  for (const auto& f : loaded.files) rules += f.rules.size();
  ctx.err << fmt::format("checked {} file{} ({} rules): {} error{}, {} warning{}\n",
                         loaded.files.size(), loaded.files.size() == 1 ? "" : "s", rules,
                         loaded.errors.size(), loaded.errors.size() == 1 ? "" : "s", lints.size(),
                         lints.size() == 1 ? "" : "s");
  if (!loaded.errors.empty()) return kExitError;
  if (!lints.empty() && lint_fatal) return kExitLint;
  return kExitOk;
}

int run_test(Context& ctx, const std::vector<std::string>& given) {
  auto paths = paths_or_default(ctx, given);
  if (!all_exist(ctx, paths)) return kExitError;
  auto files = rules::find_rule_test_files(paths);
  if (files.empty()) {
    ctx.err << "hindsight: error: no rule tests (*.test.yaml) found\n";
    return kExitError;
  }
  int cases = 0, expectations = 0;
  std::size_t failures = 0;
  for (const auto& path : files) {
    auto report = rules::run_rule_tests(rules::read_rule_test_file(path));
    cases += report.cases;
    expectations += report.expectations;
    failures += report.failures.size();
    for (const auto& f : report.failures) ctx.out << f << "\n";
  }
  ctx.err << fmt::format("ran {} test case{} ({} expectations) in {} file{}: {} failed\n", cases,
                         cases == 1 ? "" : "s", expectations, files.size(),
                         files.size() == 1 ? "" : "s", failures);
  return failures == 0 ? kExitOk : kExitError;
}

}  // namespace

std::optional<rules::LoadedRules> load_rule_set(Context& ctx, const std::vector<fs::path>& paths) {
  auto loaded = rules::load_rules(
      paths.empty() ? std::vector<fs::path>{ctx.root / "rules" / "resolve"} : paths);
  if (loaded.ok()) return loaded;
  for (const auto& e : loaded.errors) ctx.err << "hindsight: error: " << e.to_string() << "\n";
  ctx.err << "hindsight: the rules do not load, so none is applied: fix the errors above\n";
  return std::nullopt;
}

void add_rules_commands(CLI::App& app, Action& action) {
  auto* cmd = app.add_subcommand("rules", "Check and test the resolution rules");
  cmd->require_subcommand(1);

  auto* check = cmd->add_subcommand("check", "Load rule files and lint them (exit 1 on errors)");
  auto check_paths = std::make_shared<std::vector<std::string>>();
  auto lint_fatal = std::make_shared<bool>(false);
  check->add_option("PATH", *check_paths, "Rule files or folders (default: rules/resolve)");
  check->add_flag("--lint-fatal", *lint_fatal, "Exit 3 when there are lint findings");
  check->callback([&action, check_paths, lint_fatal] {
    action = [check_paths, lint_fatal](Context& ctx) {
      return run_check(ctx, *check_paths, *lint_fatal);
    };
  });

  auto* test = cmd->add_subcommand("test", "Run the rule tests (*.test.yaml)");
  auto test_paths = std::make_shared<std::vector<std::string>>();
  test->add_option("PATH", *test_paths, "Rule or test files, or folders (default: rules/resolve)");
  test->callback([&action, test_paths] {
    action = [test_paths](Context& ctx) { return run_test(ctx, *test_paths); };
  });
}

}  // namespace hindsight::cli
