#include "rules/rule_reader.hpp"

#include <set>

#include "util/hash.hpp"
#include "util/suggest.hpp"

namespace hindsight::rules {

namespace {

const std::vector<std::string> kFileKeys{"format", "defaults", "rules"};
const std::vector<std::string> kDefaultsKeys{"settle", "default_horizon", "confirm"};
const std::vector<std::string> kRuleKeys{
    "id",     "version", "title",           "description", "applies_to", "events",
    "window", "settle",  "default_horizon", "confirm",     "resolve"};
const std::vector<std::string> kAppliesKeys{"topics", "kind", "requires"};
const std::vector<std::string> kSelectionKeys{"kind", "where", "window"};
const std::vector<std::string> kRequirements{"deadline", "condition", "probability", "parts"};

// Null for every name: constant expressions (durations) read nothing.
class NoBindings : public Bindings {
 public:
  Value field(std::size_t) const override { return {}; }
  const Selection& selection(std::size_t) const override { return m_empty; }
  const core::Event* current_event() const override { return nullptr; }

 private:
  Selection m_empty;
};

bool is_identifier(const std::string& s) {
  if (s.empty() || !((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_')) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

bool is_rule_id(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.'))
      return false;
  return true;
}

std::string format_duration(const Duration& d) {
  return std::to_string(d.months) + "m" + std::to_string(d.days) + "d";
}

}  // namespace

core::Location location_of(const std::string& file, const YAML::Node& node) {
  auto mark = node.Mark();
  int column = mark.column + 1;
  if (node.IsScalar() && node.Tag() == "!") ++column;  // skip the opening quote
  return core::Location{file, mark.line + 1, column};
}

core::Result<Duration> constant_duration(const std::string& text, const core::Location& where) {
  auto expr = compile(text, rule_scope({}, false), where, Type::Duration);
  if (!expr) return expr.error();
  auto value = evaluate(**expr, NoBindings{});
  if (!value) return value.error();
  const auto* d = std::get_if<Duration>(&value->v);
  if (!d) return core::Error{"expected a duration such as 3d, 2w or 1y", where};
  return *d;
}

void RuleReader::error(const YAML::Mark& mark, const std::string& message) {
  std::string prefix = m_rule.empty() ? "" : "rule \"" + m_rule + "\": ";
  m_errors.push_back(core::make_error(prefix + message, m_file, mark.line + 1, mark.column + 1));
}

void RuleReader::error(const YAML::Node& node, const std::string& message) {
  std::string prefix = m_rule.empty() ? "" : "rule \"" + m_rule + "\": ";
  m_errors.push_back(core::Error{prefix + message, location_of(m_file, node)});
}

void RuleReader::lint(const YAML::Node& node, const std::string& message) {
  std::string prefix = m_rule.empty() ? "" : "rule \"" + m_rule + "\": ";
  m_lints.push_back(core::Error{prefix + message, location_of(m_file, node)});
}

bool RuleReader::check_keys(const YAML::Node& node, const std::vector<std::string>& allowed,
                            const std::string& what) {
  if (!node.IsMap()) {
    error(node, what + " must be a map");
    return false;
  }
  for (const auto& entry : node) {
    std::string key = entry.first.Scalar();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      error(entry.first, "unknown key '" + key + "' in " + what + util::did_you_mean(key, allowed));
  }
  return true;
}

std::optional<std::string> RuleReader::scalar(const YAML::Node& node, const std::string& key) {
  if (!node.IsScalar()) {
    error(node, "'" + key + "' must be a single value");
    return std::nullopt;
  }
  return node.Scalar();
}

std::shared_ptr<const Expr> RuleReader::expression(const YAML::Node& node, const Scope& scope,
                                                   Type expected) {
  if (!node.IsScalar()) {
    error(node, "an expression must be a single line of text");
    return nullptr;
  }
  auto expr = compile(node.Scalar(), scope, location_of(m_file, node), expected);
  if (!expr) {
    std::string prefix = m_rule.empty() ? "" : "rule \"" + m_rule + "\": ";
    m_errors.push_back(core::Error{prefix + expr.error().message, expr.error().where});
    return nullptr;
  }
  return *expr;
}

std::optional<Duration> RuleReader::duration(const YAML::Node& node) {
  auto text = scalar(node, "duration");
  if (!text) return std::nullopt;
  auto d = constant_duration(*text, location_of(m_file, node));
  if (!d) {
    std::string prefix = m_rule.empty() ? "" : "rule \"" + m_rule + "\": ";
    m_errors.push_back(core::Error{prefix + d.error().message, d.error().where});
    return std::nullopt;
  }
  return *d;
}

void RuleReader::read_file(const YAML::Node& root, RuleFile& out) {
  if (!check_keys(root, kFileKeys, "a rule file")) return;
  if (!root["format"]) {
    error(root, "missing 'format: 1'");
  } else if (!root["format"].IsScalar() || root["format"].Scalar() != "1") {
    error(root["format"], "unsupported format (this hindsight reads format 1)");
  }
  Defaults defaults;
  if (root["defaults"]) read_defaults(root["defaults"], defaults);
  const YAML::Node rules = root["rules"];
  if (!rules || !rules.IsSequence()) {
    error(rules ? rules : root, "'rules' must be a list of rules");
    return;
  }
  for (const auto& node : rules) {
    if (auto rule = read_rule(node, defaults)) out.rules.push_back(std::move(*rule));
  }
  m_rule.clear();
}

void RuleReader::read_defaults(const YAML::Node& node, Defaults& defaults) {
  if (!check_keys(node, kDefaultsKeys, "defaults")) return;
  if (node["settle"])
    if (auto d = duration(node["settle"])) defaults.settle = *d;
  if (node["default_horizon"])
    if (auto d = duration(node["default_horizon"])) defaults.horizon = *d;
  if (const auto c = node["confirm"]) {
    auto s = scalar(c, "confirm");
    if (s && *s != "auto" && *s != "manual") error(c, "confirm is 'auto' or 'manual'");
    if (s) defaults.confirm = *s == "auto" ? ConfirmPolicy::Auto : ConfirmPolicy::Manual;
  }
}

std::optional<Rule> RuleReader::read_rule(const YAML::Node& node, const Defaults& defaults) {
  m_rule.clear();
  if (node.IsMap() && node["id"] && node["id"].IsScalar()) m_rule = node["id"].Scalar();
  std::size_t errors_before = m_errors.size();
  if (!check_keys(node, kRuleKeys, "a rule")) return std::nullopt;
  Rule rule;
  rule.location = location_of(m_file, node);
  rule.settle = defaults.settle;
  rule.default_horizon = defaults.horizon;
  rule.confirm = defaults.confirm;
  if (!node["id"]) {
    error(node, "a rule needs an 'id'");
  } else if (!is_rule_id(m_rule)) {
    error(node["id"], "rule id '" + m_rule + "' must be lowercase letters, digits, '.', '_', '-'");
  }
  rule.id = m_rule;
  if (const auto v = node["version"]) {
    int version = 0;
    if (!v.IsScalar() || !YAML::convert<int>::decode(v, version) || version < 1) {
      error(v, "'version' must be a whole number from 1");
    }
    rule.version = version;
  } else {
    error(node, "missing 'version'");
  }
  if (const auto t = node["title"])
    if (auto s = scalar(t, "title")) rule.title = *s;
  if (const auto a = node["applies_to"]) {
    read_applies_to(a, rule);
  } else {
    error(node, "missing 'applies_to'");
  }
  if (const auto s = node["settle"])
    if (auto d = duration(s)) rule.settle = *d;
  if (const auto h = node["default_horizon"])
    if (auto d = duration(h)) rule.default_horizon = *d;
  if (const auto c = node["confirm"]) {
    auto s = scalar(c, "confirm");
    if (s && *s != "auto" && *s != "manual") error(c, "confirm is 'auto' or 'manual'");
    if (s) rule.confirm = *s == "auto" ? ConfirmPolicy::Auto : ConfirmPolicy::Manual;
  }
  if (const auto e = node["events"]) read_selections(e, rule);
  std::vector<std::string> names;
  for (const auto& s : rule.selections) names.push_back(s.name);
  Scope scope = rule_scope(names, false);
  if (const auto e = node["events"]) compile_selections(e, rule);
  if (const auto w = node["window"]) {
    if (auto window = read_window(w, scope)) rule.window = *window;
  } else {
    rule.window = {compile("claim.stated_on", scope, rule.location, Type::Date).value(),
                   compile("claim.deadline.end", scope, rule.location, Type::Date).value()};
  }
  if (const auto r = node["resolve"]) {
    read_clauses(r, rule, scope);
  } else {
    error(node, "missing 'resolve' (the outcome clauses)");
  }
  if (m_errors.size() != errors_before) return std::nullopt;
  // The hash covers the rule as written (YAML re-emitted: comments and layout do not
  // count) and the file defaults it inherits, which change its behaviour too.
  std::string normalized = YAML::Dump(node) + "\nsettle=" + format_duration(rule.settle) +
                           " horizon=" + format_duration(rule.default_horizon) +
                           " confirm=" + (rule.confirm == ConfirmPolicy::Auto ? "auto" : "manual");
  rule.hash = util::hex_hash(normalized).substr(0, 8);
  return rule;
}

void RuleReader::read_applies_to(const YAML::Node& node, Rule& rule) {
  if (!check_keys(node, kAppliesKeys, "applies_to")) return;
  const auto topics = node["topics"];
  if (!topics || !topics.IsSequence() || topics.size() == 0) {
    error(topics ? topics : node, "'applies_to.topics' must be a list of one or more topics");
  } else {
    for (const auto& t : topics)
      if (auto s = scalar(t, "topics")) rule.applies_to.topics.push_back(*s);
  }
  if (const auto k = node["kind"]) {
    auto s = scalar(k, "kind");
    if (s && *s == "any") {
      rule.applies_to.kind.reset();
    } else if (s) {
      auto kind = core::claim_kind_from_string(*s);
      if (!kind) error(k, "kind '" + *s + "' is not one of prediction, factual, any");
      rule.applies_to.kind = kind.value_or(core::ClaimKind::Prediction);
    }
  }
  if (const auto r = node["requires"]) {
    if (!r.IsSequence()) {
      error(r, "'requires' must be a list");
      return;
    }
    for (const auto& item : r) {
      auto s = scalar(item, "requires");
      if (!s) continue;
      if (std::find(kRequirements.begin(), kRequirements.end(), *s) == kRequirements.end()) {
        error(item, "unknown requirement '" + *s + "' (deadline, condition, probability, parts)" +
                        util::did_you_mean(*s, kRequirements));
      } else {
        rule.applies_to.requires_.push_back(*s);
      }
    }
  }
}

void RuleReader::read_selections(const YAML::Node& node, Rule& rule) {
  if (!node.IsMap()) {
    error(node, "'events' must be a map of selection names to selections");
    return;
  }
  for (const auto& entry : node) {
    EventSelection s;
    s.name = entry.first.Scalar();
    s.location = location_of(m_file, entry.first);
    if (!is_identifier(s.name)) {
      error(entry.first, "selection name '" + s.name + "' must be lowercase letters, digits, '_'");
      continue;
    }
    if (!check_keys(entry.second, kSelectionKeys, "selection '" + s.name + "'")) continue;
    if (const auto k = entry.second["kind"]) {
      if (auto kind = scalar(k, "kind")) s.kind = *kind;
      if (s.kind == "*" &&
          std::none_of(rule.applies_to.topics.begin(), rule.applies_to.topics.end(),
                       [](const std::string& t) { return t.ends_with(".*"); }))
        error(k, "kind '*' takes the kind from a topic pattern, but no topic ends in '.*'");
    } else {
      lint(entry.first, "selection '" + s.name +
                            "' has no kind, so it never matches an event (events are found by "
                            "kind)");
    }
    rule.selections.push_back(std::move(s));
  }
}

void RuleReader::compile_selections(const YAML::Node& node, Rule& rule) {
  std::vector<std::string> names;
  for (const auto& s : rule.selections) names.push_back(s.name);
  Scope with_event = rule_scope(names, true);
  Scope plain = rule_scope(names, false);
  for (auto& s : rule.selections) {
    const YAML::Node spec = node[s.name];
    if (const auto w = spec["where"]) s.where = expression(w, with_event, Type::Bool);
    if (const auto w = spec["window"]) s.window = read_window(w, plain);
  }
}

std::optional<std::array<std::shared_ptr<const Expr>, 2>> RuleReader::read_window(
    const YAML::Node& node, const Scope& scope) {
  if (!node.IsSequence() || node.size() != 2) {
    error(node, "a window is a list of two date expressions: [start, end]");
    return std::nullopt;
  }
  auto start = expression(node[0], scope, Type::Date);
  auto end = expression(node[1], scope, Type::Date);
  if (!start || !end) return std::nullopt;
  return std::array<std::shared_ptr<const Expr>, 2>{start, end};
}

}  // namespace hindsight::rules
