#include "rules/rule_tests.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace hindsight::rules {

namespace fs = std::filesystem;

namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// "true (E2)", "partial 0.75 (E14)", "pending".
std::string describe_expected(const Expectation& x) {
  std::string out = x.outcome;
  if (x.credit) out += " " + std::to_string(*x.credit).substr(0, 4);
  if (x.evidence) out += " (" + join(*x.evidence) + ")";
  return out;
}

std::string describe_actual(const Verdict& v) {
  std::string out = describe(v);
  if (v.decided) out += " (" + join(v.evidence) + ")";
  if (v.decided && !v.by.empty()) out += " by " + v.by;
  return out;
}

// The failure message for `x` given verdict `v`, or "" when it holds.
std::string check(const Expectation& x, const Verdict& v, const std::string& rule) {
  bool ok =
      x.outcome == "pending" ? !v.decided : v.decided && x.outcome == core::to_string(v.outcome);
  if (ok && x.credit) ok = v.credit && std::fabs(*x.credit - *v.credit) < 1e-6;
  if (ok && x.evidence) ok = *x.evidence == v.evidence;
  if (ok && v.decided && !rule.empty() && !v.by.starts_with("rule:compound.parts@"))
    ok = v.by.starts_with("rule:" + rule + "@");
  if (ok) return "";
  return "expected " + describe_expected(x) + ", got " + describe_actual(v);
}

}  // namespace

MemoryEventSource::MemoryEventSource(const std::vector<core::Event>& events) {
  for (const auto& e : events) m_by_kind[e.kind].push_back(e);
  for (auto& [kind, list] : m_by_kind)
    std::sort(list.begin(), list.end(), [](const core::Event& a, const core::Event& b) {
      return std::tie(a.date, a.id) < std::tie(b.date, b.id);
    });
}

const std::vector<core::Event>& MemoryEventSource::events_of_kind(const std::string& kind) {
  auto it = m_by_kind.find(kind);
  return it == m_by_kind.end() ? m_none : it->second;
}

std::vector<fs::path> find_rule_test_files(const std::vector<fs::path>& paths) {
  std::set<fs::path> found;
  auto is_test = [](const fs::path& p) { return p.filename().string().ends_with(".test.yaml"); };
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (const auto& entry : fs::directory_iterator(p))
        if (entry.is_regular_file() && is_test(entry.path())) found.insert(entry.path());
    } else if (is_test(p)) {
      found.insert(p);
    } else {
      fs::path sibling = p;
      sibling.replace_extension(".test.yaml");
      if (fs::exists(sibling, ec)) found.insert(sibling);
    }
  }
  return {found.begin(), found.end()};
}

RuleTestReport run_rule_tests(const RuleTestFile& file, const EngineOptions& options) {
  RuleTestReport report;
  for (const auto& e : file.errors) report.failures.push_back(e.to_string());
  if (!file.errors.empty()) return report;
  LoadedRules rules = load_rules(file.rule_files);
  for (const auto& tc : file.cases) {
    ++report.cases;
    std::string prefix = tc.location.file + ":" + std::to_string(tc.location.line) + ":" +
                         std::to_string(tc.location.column) + ": test \"" + tc.name + "\": ";
    if (!rules.ok()) {
      report.failures.push_back(prefix +
                                "the rules do not load: " + rules.errors.front().to_string());
      continue;
    }
    if (!tc.rule.empty() && !rules.set.find(tc.rule)) {
      report.failures.push_back(prefix + "no rule \"" + tc.rule + "\" in " + join([&] {
                                  std::vector<std::string> names;
                                  for (const auto& f : file.rule_files) names.push_back(f.string());
                                  return names;
                                }()));
      continue;
    }
    MemoryEventSource events(tc.events);
    Engine engine(rules.set, events, options);
    for (const auto& x : tc.expect) {
      ++report.expectations;
      auto claim = std::find_if(tc.claims.begin(), tc.claims.end(),
                                [&](const core::Claim& c) { return c.id == x.claim; });
      std::string where = x.location.file + ":" + std::to_string(x.location.line) + ":" +
                          std::to_string(x.location.column) + ": test \"" + tc.name + "\": claim " +
                          x.claim + " as of " + core::format_date(x.as_of) + ": ";
      if (claim == tc.claims.end()) {
        report.failures.push_back(where + "no such claim in the test");
        continue;
      }
      auto verdict = engine.resolve(*claim, x.as_of);
      if (!verdict) {
        report.failures.push_back(where + verdict.error().to_string());
        continue;
      }
      if (auto message = check(x, *verdict, tc.rule); !message.empty())
        report.failures.push_back(where + message);
    }
  }
  return report;
}

std::vector<core::Error> untested_rules(const LoadedRules& rules) {
  std::vector<core::Error> out;
  for (const auto& file : rules.files) {
    std::set<std::string> named;
    fs::path test_path = file.path;
    test_path.replace_extension(".test.yaml");
    std::error_code ec;
    if (fs::exists(test_path, ec)) {
      for (const auto& tc : read_rule_test_file(test_path).cases) named.insert(tc.rule);
    }
    for (const auto& rule : file.rules) {
      if (named.count(rule.id)) continue;
      out.push_back(core::Error{"rule \"" + rule.id + "\": no test names this rule (add one to " +
                                    test_path.filename().string() + ")",
                                rule.location});
    }
  }
  return out;
}

}  // namespace hindsight::rules
