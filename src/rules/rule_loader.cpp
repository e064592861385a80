#include "rules/rule_loader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/failure.hpp"
#include "rules/rule_reader.hpp"
#include "util/file.hpp"

namespace hindsight::rules {

namespace fs = std::filesystem;

RuleFile parse_rule_file(std::string_view text, const std::string& file) {
  RuleFile out;
  out.path = file;
  RuleReader reader(file);
  try {
    YAML::Node root = YAML::Load(std::string(text));
    reader.read_file(root, out);
  } catch (const YAML::Exception& e) {
    reader.error(e.mark, e.msg);
  }
  out.errors = reader.take_errors();
  out.lints = reader.take_lints();
  if (!out.errors.empty()) out.rules.clear();
  return out;
}

RuleFile read_rule_file(const fs::path& path) {
  auto text = util::read_file(path);
  if (!text) throw core::Failure("cannot read " + path.string());
  return parse_rule_file(*text, path.string());
}

std::vector<fs::path> find_rule_files(const std::vector<fs::path>& paths) {
  std::set<fs::path> found;
  for (const auto& p : paths) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      found.insert(p);
      continue;
    }
    for (const auto& entry : fs::directory_iterator(p)) {
      std::string name = entry.path().filename().string();
      if (entry.is_regular_file() && name.ends_with(".yaml") && !name.ends_with(".test.yaml"))
        found.insert(entry.path());
    }
  }
  return {found.begin(), found.end()};
}

LoadedRules load_rules(const std::vector<fs::path>& paths) {
  LoadedRules out;
  std::map<std::string, core::Location> seen;
  std::vector<Rule> all;
  for (const auto& path : find_rule_files(paths)) {
    RuleFile file = read_rule_file(path);
    out.errors.insert(out.errors.end(), file.errors.begin(), file.errors.end());
    out.lints.insert(out.lints.end(), file.lints.begin(), file.lints.end());
    for (const auto& rule : file.rules) {
      auto [it, fresh] = seen.emplace(rule.id, rule.location);
      if (!fresh) {
        const auto& first = it->second;
        out.errors.push_back(core::Error{"rule \"" + rule.id + "\": duplicate rule id (first at " +
                                             first.file + ":" + std::to_string(first.line) + ")",
                                         rule.location});
        continue;
      }
      all.push_back(rule);
    }
    out.files.push_back(std::move(file));
  }
  if (out.errors.empty()) out.set = RuleSet(std::move(all));
  return out;
}

}  // namespace hindsight::rules
