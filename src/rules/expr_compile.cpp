// The public entry points of the expression language (expr.hpp).
#include <algorithm>

#include "rules/expr_check.hpp"
#include "rules/expr_eval.hpp"
#include "rules/expr_value.hpp"

namespace hindsight::rules {

namespace {

// Whether a value of static type `found` can serve where `expected` is needed;
// Any and null are settled at run time.
bool fits(Type expected, Type found) {
  return expected == Type::Any || found == expected || found == Type::Any || found == Type::Null;
}

std::string expected_message(Type expected, Type found) {
  return "expected " + detail::a_type(expected) + ", found " + detail::a_type(found);
}

std::vector<std::size_t> slots_of(const Expr& expr, detail::Op op) {
  std::vector<std::size_t> slots;
  for (const detail::Node& n : expr.nodes)
    if (n.op == op) slots.push_back(n.slot);
  std::sort(slots.begin(), slots.end());
  slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
  return slots;
}

}  // namespace

core::Result<std::shared_ptr<const Expr>> compile(std::string_view text, const Scope& scope,
                                                  const core::Location& where, Type expected,
                                                  int cost_limit) {
  auto expr = std::make_shared<Expr>();
  expr->source = std::string(text);
  expr->where = where;
  expr->expected = expected;
  try {
    detail::build(*expr, scope);
    const detail::Node& root = expr->nodes[expr->root];
    // Nesting costs as well as size: a deep expression is a hard one to read.
    expr->total_cost = root.cost + root.depth;
    if (expr->total_cost > cost_limit)
      throw detail::CompileError{root.offset,
                                 "expression costs " + std::to_string(expr->total_cost) +
                                     ", over the limit of " + std::to_string(cost_limit)};
    if (!fits(expected, root.type))
      throw detail::CompileError{root.offset, expected_message(expected, root.type)};
    expr->type = root.type;
  } catch (const detail::CompileError& e) {
    return core::Error{e.message, expr->locate(e.offset)};
  }
  return std::shared_ptr<const Expr>(std::move(expr));
}

Type result_type(const Expr& expr) {
  return expr.type;
}

int cost(const Expr& expr) {
  return expr.total_cost;
}

const std::string& source(const Expr& expr) {
  return expr.source;
}

std::vector<std::size_t> selections_used(const Expr& expr) {
  return slots_of(expr, detail::Op::Selection);
}

std::vector<std::size_t> fields_used(const Expr& expr) {
  return slots_of(expr, detail::Op::Field);
}

bool is_constant(const Expr& expr) {
  for (const detail::Node& n : expr.nodes)
    if (n.op == detail::Op::Field || n.op == detail::Op::Selection ||
        n.op == detail::Op::CurrentEvent)
      return false;
  return true;
}

core::Result<Value> evaluate(const Expr& expr, const Bindings& bindings) {
  try {
    Value v = detail::Evaluator(expr, bindings).eval(expr.root);
    if (!v.is_null() && !fits(expr.expected, type_of(v)))
      return core::Error{expected_message(expr.expected, type_of(v)),
                         expr.locate(expr.nodes[expr.root].offset)};
    return v;
  } catch (const detail::RuntimeError& e) {
    return core::Error{e.message, expr.locate(e.offset)};
  }
}

core::Result<bool> evaluate_bool(const Expr& expr, const Bindings& bindings) {
  core::Result<Value> v = evaluate(expr, bindings);
  if (!v) return v.error();
  if (v->is_null()) return false;
  if (auto* b = std::get_if<bool>(&v->v)) return *b;
  return core::Error{expected_message(Type::Bool, type_of(*v)),
                     expr.locate(expr.nodes[expr.root].offset)};
}

}  // namespace hindsight::rules
