// From PEGTL's parse tree to the nodes of an Expr (private to the expression
// language): literals are decoded, names resolved against the Scope, and every node
// typed and costed as it is created.
#pragma once

#include <tao/pegtl/contrib/parse_tree.hpp>

#include "rules/expr_ast.hpp"

namespace hindsight::rules::detail {

// Appends the nodes for parse tree `root` to `expr` and returns the root's index.
// Throws CompileError on a bad literal, an unknown name or a type error.
std::uint32_t build_tree(Expr& expr, const Scope& scope, const tao::pegtl::parse_tree::node& root);

}  // namespace hindsight::rules::detail
