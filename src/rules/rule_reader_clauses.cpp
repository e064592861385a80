// The outcome clauses of a rule and their explanation templates.
#include <algorithm>

#include "rules/rule_reader.hpp"
#include "util/suggest.hpp"

namespace hindsight::rules {

namespace {

const std::vector<std::string> kClauseKeys{"outcome", "when", "credit", "evidence", "explain"};
const std::vector<std::string> kOutcomes{"true", "false", "partial", "void", "ambiguous"};

bool is_unconditional(const Clause& clause) {
  return !clause.when || source(*clause.when) == "true";
}

}  // namespace

void RuleReader::read_clauses(const YAML::Node& node, Rule& rule, const Scope& scope) {
  if (!node.IsSequence() || node.size() == 0) {
    error(node, "'resolve' must be a list of one or more outcome clauses");
    return;
  }
  bool unconditional_seen = false;
  for (const auto& item : node) {
    if (!check_keys(item, kClauseKeys, "an outcome clause")) continue;
    Clause clause;
    clause.location = location_of(m_file, item);
    const auto o = item["outcome"];
    if (!o) {
      error(item, "an outcome clause needs 'outcome' (true, false, partial, void, ambiguous)");
      continue;
    }
    auto text = scalar(o, "outcome");
    auto outcome = text ? core::outcome_from_string(*text) : std::nullopt;
    if (text && !outcome) {
      error(o, "unknown outcome '" + *text + "' (true, false, partial, void, ambiguous)" +
                   util::did_you_mean(*text, kOutcomes));
      continue;
    }
    if (!outcome) continue;
    clause.outcome = *outcome;
    if (const auto w = item["when"]) clause.when = expression(w, scope, Type::Bool);
    if (const auto c = item["credit"]) {
      if (clause.outcome != core::Outcome::Partial)
        error(c, "'credit' belongs to a partial outcome only");
      clause.credit = expression(c, scope, Type::Number);
    } else if (clause.outcome == core::Outcome::Partial) {
      error(item, "a partial outcome needs 'credit' (a number from 0 to 1)");
    }
    if (const auto e = item["evidence"]) {
      if (e.IsSequence()) {
        for (const auto& one : e)
          if (auto expr = expression(one, scope, Type::Any)) clause.evidence.push_back(expr);
      } else if (auto expr = expression(e, scope, Type::Any)) {
        clause.evidence.push_back(expr);
      }
      for (const auto& expr : clause.evidence) {
        Type t = result_type(*expr);
        if (t != Type::Event && t != Type::Selection && t != Type::Any && t != Type::Null)
          error(e,
                std::string("evidence must be an event or a selection, found a ") + to_string(t));
      }
    }
    if (const auto x = item["explain"]) clause.explain = read_template(x, scope);
    if (unconditional_seen) {
      lint(item, std::string("clause '") + core::to_string(clause.outcome) +
                     "' is unreachable: an earlier clause always holds");
    }
    if (clause.when == nullptr && item["when"]) continue;  // its expression failed
    unconditional_seen = unconditional_seen || is_unconditional(clause);
    rule.clauses.push_back(std::move(clause));
  }
}

std::vector<TemplatePiece> RuleReader::read_template(const YAML::Node& node, const Scope& scope) {
  std::vector<TemplatePiece> pieces;
  auto text = scalar(node, "explain");
  if (!text) return pieces;
  core::Location base = location_of(m_file, node);
  std::string literal;
  for (std::size_t i = 0; i < text->size(); ++i) {
    char c = (*text)[i];
    if (c == '{' && i + 1 < text->size() && (*text)[i + 1] == '{') {
      literal += '{';
      ++i;
    } else if (c == '}' && i + 1 < text->size() && (*text)[i + 1] == '}') {
      literal += '}';
      ++i;
    } else if (c == '{') {
      auto close = text->find('}', i);
      if (close == std::string::npos) {
        error(node, "unclosed '{' in the explanation template");
        return {};
      }
      if (!literal.empty()) pieces.push_back({std::move(literal), nullptr});
      literal.clear();
      core::Location at = base;
      at.column += static_cast<int>(i + 1);
      auto expr = compile(text->substr(i + 1, close - i - 1), scope, at, Type::Any);
      if (!expr) {
        m_errors.push_back(
            core::Error{"rule \"" + m_rule + "\": " + expr.error().message, expr.error().where});
      } else {
        pieces.push_back({"", *expr});
      }
      i = close;
    } else {
      literal += c;
    }
  }
  if (!literal.empty()) pieces.push_back({std::move(literal), nullptr});
  return pieces;
}

}  // namespace hindsight::rules
