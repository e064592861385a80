#include "rules/rule.hpp"

#include <algorithm>
#include <set>

namespace hindsight::rules {

Scope rule_scope(const std::vector<std::string>& selections, bool with_event) {
  // Declared in FieldSlot order, so that a field's slot is its enum value.
  static const std::pair<const char*, Type> kFields[kFieldCount] = {
      {"as_of", Type::Date},
      {"settle", Type::Duration},
      {"horizon", Type::Duration},
      {"window.start", Type::Date},
      {"window.end", Type::Date},
      {"claim.id", Type::String},
      {"claim.kind", Type::String},
      {"claim.text", Type::String},
      {"claim.stated_on", Type::Date},
      {"claim.deadline.start", Type::Date},
      {"claim.deadline.end", Type::Date},
      {"claim.deadline.basis", Type::String},
      {"claim.probability", Type::Number},
      {"claim.condition", Type::String},
      {"claim.speaker", Type::String},
      {"claim.topics", Type::List},
      {"claim.duration", Type::String},
  };
  Scope scope;
  for (const auto& [name, type] : kFields) scope.add_field(name, type);
  for (const auto& s : selections) scope.add_selection(s);
  scope.allow_event(with_event);
  return scope;
}

std::string Rule::by() const {
  return "rule:" + id + "@" + std::to_string(version) + "#" + hash;
}

bool rule_accepts(const Rule& rule, const core::Claim& claim) {
  if (rule.applies_to.kind && *rule.applies_to.kind != claim.kind) return false;
  for (const auto& r : rule.applies_to.requires_) {
    if (r == "deadline") {
      bool stated = claim.deadline.end && (claim.deadline.basis == core::DeadlineBasis::Stated ||
                                           claim.deadline.basis == core::DeadlineBasis::Inferred);
      if (!stated) return false;
    } else if (r == "condition") {
      if (!claim.condition) return false;
    } else if (r == "probability") {
      if (!claim.probability) return false;
    } else if (r == "parts") {
      if (claim.parts.empty()) return false;
    }
  }
  return true;
}

RuleSet::RuleSet(std::vector<Rule> rules) : m_rules(std::move(rules)) {
  for (std::size_t i = 0; i < m_rules.size(); ++i) {
    for (const auto& topic : m_rules[i].applies_to.topics) {
      if (topic.size() > 2 && topic.ends_with(".*")) {
        m_by_prefix[topic.substr(0, topic.size() - 1)].push_back(i);
      } else {
        m_by_topic[topic].push_back(i);
      }
    }
    std::set<std::string> kinds;
    for (const auto& s : m_rules[i].selections) kinds.insert(s.kind);
    for (const auto& k : kinds) m_by_kind[k].push_back(i);
  }
}

std::vector<const Rule*> RuleSet::for_topic(const std::string& topic) const {
  std::vector<std::size_t> found;
  if (auto it = m_by_topic.find(topic); it != m_by_topic.end()) found = it->second;
  // Each dot of the topic ends a prefix that a "prefix.*" pattern may name.
  for (std::size_t dot = topic.find('.'); dot != std::string::npos;
       dot = topic.find('.', dot + 1)) {
    if (auto it = m_by_prefix.find(topic.substr(0, dot + 1)); it != m_by_prefix.end())
      found.insert(found.end(), it->second.begin(), it->second.end());
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  std::vector<const Rule*> out;
  for (auto i : found) out.push_back(&m_rules[i]);
  return out;
}

std::vector<const Rule*> RuleSet::for_event_kind(const std::string& kind) const {
  std::vector<const Rule*> out;
  if (auto it = m_by_kind.find(kind); it != m_by_kind.end())
    for (auto i : it->second) out.push_back(&m_rules[i]);
  // Generic rules select whatever kind their claim's topic names.
  if (auto it = m_by_kind.find("*"); it != m_by_kind.end())
    for (auto i : it->second) out.push_back(&m_rules[i]);
  return out;
}

std::vector<std::string> RuleSet::topics() const {
  std::vector<std::string> out;
  for (const auto& [topic, _] : m_by_topic) out.push_back(topic);
  for (const auto& [prefix, _] : m_by_prefix) out.push_back(prefix + "*");
  return out;
}

const Rule* RuleSet::find(const std::string& id) const {
  for (const auto& r : m_rules)
    if (r.id == id) return &r;
  return nullptr;
}

}  // namespace hindsight::rules
