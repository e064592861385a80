// Type checking of the expression language (private to it). Nodes are typed as the
// builder creates them, children first, so checking needs no recursion.
#pragma once

#include "rules/expr_ast.hpp"

namespace hindsight::rules::detail {

// Sets `node.type` from its operator and its children's types; throws CompileError
// (at the operand or operator at fault) when the types do not fit.
void type_node(const Expr& expr, Node& node);

// The source spelling of an operator ("&&", "<=", "?:").
const char* op_symbol(Op op);

// Parses expr.source and appends its nodes, resolving names against `scope`; sets
// expr.root. Throws CompileError on a syntax or type error. (expr_parse.cpp)
void build(Expr& expr, const Scope& scope);

// The deepest nesting of parentheses, calls and conditionals the parser accepts.
inline constexpr int kMaxNesting = 64;

// The deepest syntax tree accepted whatever the cost limit (it bounds recursion).
inline constexpr int kMaxDepth = 500;

}  // namespace hindsight::rules::detail
