// The YAML walker behind rule_loader: reads one rule file's nodes into Rules,
// collecting every error and lint finding with its file:line:col. Internal to
// src/rules/ (rule_loader.hpp is the interface), shared with the rule-test reader.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <vector>

#include "rules/rule_loader.hpp"

namespace hindsight::rules {

// The location of a YAML node's first character (1-based), inside quotes for a
// quoted scalar.
core::Location location_of(const std::string& file, const YAML::Node& node);

// The value of a Duration-typed constant expression ("3d", "1y"), or an error.
core::Result<Duration> constant_duration(const std::string& text, const core::Location& where);

class RuleReader {
 public:
  explicit RuleReader(std::string file) : m_file(std::move(file)) {}

  // Reads a whole rule file document into `out.rules`.
  void read_file(const YAML::Node& root, RuleFile& out);

  // Records an error at `mark` / `node`, prefixed with the rule being read.
  void error(const YAML::Mark& mark, const std::string& message);
  void error(const YAML::Node& node, const std::string& message);
  // Records a lint finding (a warning) at `node`.
  void lint(const YAML::Node& node, const std::string& message);

  // Checks that every key of the map `node` is in `allowed`; unknown keys are
  // errors with a did-you-mean hint. False when `node` is not a map.
  bool check_keys(const YAML::Node& node, const std::vector<std::string>& allowed,
                  const std::string& what);

  std::vector<core::Error> take_errors() { return std::move(m_errors); }
  std::vector<core::Error> take_lints() { return std::move(m_lints); }

 private:
  struct Defaults {
    Duration settle{0, 3};
    Duration horizon{12, 0};
    ConfirmPolicy confirm = ConfirmPolicy::Manual;
  };

  void read_defaults(const YAML::Node& node, Defaults& defaults);
  std::optional<Rule> read_rule(const YAML::Node& node, const Defaults& defaults);
  void read_applies_to(const YAML::Node& node, Rule& rule);
  void read_selections(const YAML::Node& node, Rule& rule);
  void compile_selections(const YAML::Node& node, Rule& rule);
  void read_clauses(const YAML::Node& node, Rule& rule, const Scope& scope);
  std::optional<std::array<std::shared_ptr<const Expr>, 2>> read_window(const YAML::Node& node,
                                                                        const Scope& scope);
  std::vector<TemplatePiece> read_template(const YAML::Node& node, const Scope& scope);
  std::shared_ptr<const Expr> expression(const YAML::Node& node, const Scope& scope, Type expected);
  std::optional<Duration> duration(const YAML::Node& node);
  std::optional<std::string> scalar(const YAML::Node& node, const std::string& key);

  std::string m_file;
  std::string m_rule;  // the id of the rule being read, for messages
  std::vector<core::Error> m_errors;
  std::vector<core::Error> m_lints;
};

}  // namespace hindsight::rules
