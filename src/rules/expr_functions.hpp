// The built-in functions of the expression language (private to it): their names,
// arities and typing rules. Evaluation lives with the evaluator (expr_eval.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/expr_ast.hpp"

namespace hindsight::rules::detail {

// What the compiler knows of a function.
struct FunctionInfo {
  const char* name;
  Func func;
  int min_args;
  int max_args;          // -1: any number from min_args on
  bool takes_selection;  // its argument names a selection (exists, count, first, last)
  int extra_cost;        // added to the call's cost: it walks a selection or list
};

// The function called `name`, or nullptr.
const FunctionInfo* find_function(std::string_view name);

// The names of all functions, for "did you mean" hints.
std::vector<std::string> function_names();

// The info of a Func.
const FunctionInfo& function_info(Func func);

// The result type of call node `call` whose arguments have been typed; throws
// CompileError naming the offending argument.
Type check_call(const Expr& expr, const Node& call);

}  // namespace hindsight::rules::detail
