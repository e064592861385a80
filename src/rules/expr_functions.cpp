#include "rules/expr_functions.hpp"

#include <array>

#include "rules/expr_value.hpp"

namespace hindsight::rules::detail {

namespace {

constexpr std::array<FunctionInfo, 10> kFunctions{{
    {"exists", Func::Exists, 1, 1, true, 10},
    {"count", Func::Count, 1, 1, true, 10},
    {"first", Func::First, 1, 1, true, 10},
    {"last", Func::Last, 1, 1, true, 10},
    {"min", Func::Min, 2, -1, false, 0},
    {"max", Func::Max, 2, -1, false, 0},
    {"clamp", Func::Clamp, 3, 3, false, 0},
    {"days", Func::Days, 1, 1, false, 0},
    {"abs", Func::Abs, 1, 1, false, 0},
    {"contains", Func::Contains, 2, 2, false, 10},
}};

[[noreturn]] void fail(const Node& at, std::string message) {
  throw CompileError{at.offset, std::move(message)};
}

std::string needs(const char* name, const char* what, Type found) {
  return std::string(name) + "() needs " + what + ", found " + a_type(found);
}

// The common type of arguments that must agree (min, max, clamp): numbers, dates
// or durations, all alike; Any and null go with anything.
Type common_orderable(const Expr& expr, const Node& call, const char* name) {
  Type common = Type::Any;
  for (std::uint32_t i = 0; i < call.count; ++i) {
    const Node& arg = expr.nodes[expr.kid(call, i)];
    if (arg.type == Type::Any || arg.type == Type::Null) continue;
    if (arg.type != Type::Number && arg.type != Type::Date && arg.type != Type::Duration)
      fail(arg, needs(name, "numbers, dates or durations", arg.type));
    if (common == Type::Any) {
      common = arg.type;
    } else if (arg.type != common) {
      fail(arg, std::string(name) + "() needs arguments of one type, found " + a_type(common) +
                    " and " + a_type(arg.type));
    }
  }
  return common;
}

}  // namespace

const FunctionInfo* find_function(std::string_view name) {
  for (const FunctionInfo& f : kFunctions)
    if (name == f.name) return &f;
  return nullptr;
}

std::vector<std::string> function_names() {
  std::vector<std::string> names;
  for (const FunctionInfo& f : kFunctions) names.emplace_back(f.name);
  return names;
}

const FunctionInfo& function_info(Func func) {
  return kFunctions[static_cast<std::size_t>(func)];
}

Type check_call(const Expr& expr, const Node& call) {
  const FunctionInfo& f = function_info(call.func);
  const Node& arg = expr.nodes[expr.kid(call, 0)];
  switch (call.func) {
    case Func::Exists:
    case Func::First:
    case Func::Last:
      if (arg.type != Type::Selection) fail(arg, needs(f.name, "a selection", arg.type));
      return call.func == Func::Exists ? Type::Bool : Type::Event;
    case Func::Count:
      if (arg.type != Type::Selection && arg.type != Type::List && arg.type != Type::Any)
        fail(arg, needs(f.name, "a selection or a list", arg.type));
      return Type::Number;
    case Func::Min:
    case Func::Max:
    case Func::Clamp:
      return common_orderable(expr, call, f.name);
    case Func::Days:
      if (arg.type != Type::Duration && arg.type != Type::Any && arg.type != Type::Null)
        fail(arg, needs(f.name, "a duration", arg.type));
      return Type::Number;
    case Func::Abs:
      if (arg.type != Type::Number && arg.type != Type::Duration && arg.type != Type::Any &&
          arg.type != Type::Null)
        fail(arg, needs(f.name, "a number or a duration", arg.type));
      return arg.type == Type::Null ? Type::Any : arg.type;
    case Func::Contains: {
      const Node& item = expr.nodes[expr.kid(call, 1)];
      if (arg.type == Type::String) {
        if (item.type != Type::String && item.type != Type::Any && item.type != Type::Null)
          fail(item, needs(f.name, "a string to look for in a string", item.type));
      } else if (arg.type != Type::List && arg.type != Type::Any) {
        fail(arg, needs(f.name, "a list or a string", arg.type));
      }
      return Type::Bool;
    }
  }
  return Type::Any;
}

}  // namespace hindsight::rules::detail
