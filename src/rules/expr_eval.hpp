// The evaluator of the expression language (private to it): a recursive walk over
// the node array. Nothing is allocated on the way — values are views — and the
// only name lookups left are attribute keys, looked up in the event's own map.
#pragma once

#include "rules/expr_ast.hpp"

namespace hindsight::rules::detail {

// Evaluates the nodes of one Expr against one Bindings. Throws RuntimeError.
class Evaluator {
 public:
  Evaluator(const Expr& expr, const Bindings& bindings) : m_expr(expr), m_bindings(bindings) {}

  // The value of node `index`.
  Value eval(std::uint32_t index) const;

  // The value of boolean operand `index` of operator `op`: null counts as false,
  // any other non-boolean is an error.
  bool truth(std::uint32_t index, const Node& op) const;

 private:
  const Node& kid(const Node& n, std::uint32_t i) const { return m_expr.nodes[m_expr.kid(n, i)]; }
  Value eval_kid(const Node& n, std::uint32_t i) const { return eval(m_expr.kid(n, i)); }
  Value member(const Node& n) const;
  Value comparison(const Node& n) const;
  Value arithmetic(const Node& n) const;
  Value call(const Node& n) const;  // expr_eval_calls.cpp
  Value min_max(const Node& n) const;
  Value clamp(const Node& n) const;

  const Expr& m_expr;
  const Bindings& m_bindings;
};

// Throws the RuntimeError at `offset`.
[[noreturn]] void runtime_error(std::uint32_t offset, std::string message);

}  // namespace hindsight::rules::detail
