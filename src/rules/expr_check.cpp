#include "rules/expr_check.hpp"

#include <array>
#include <optional>

#include "rules/expr_functions.hpp"
#include "rules/expr_value.hpp"

namespace hindsight::rules::detail {

namespace {

// The types an Any (or null) operand may turn out to have at run time.
constexpr std::array<Type, 6> kConcrete{Type::Bool, Type::Number,   Type::String,
                                        Type::Date, Type::Duration, Type::List};

bool unknown(Type t) {
  return t == Type::Any || t == Type::Null;
}

[[noreturn]] void fail(std::uint32_t offset, std::string message) {
  throw CompileError{offset, std::move(message)};
}

// The result of arithmetic on two concrete types, if it is defined.
std::optional<Type> arithmetic(Op op, Type a, Type b) {
  using T = Type;
  switch (op) {
    case Op::Add:
      if (a == T::Number && b == T::Number) return T::Number;
      if ((a == T::Date && b == T::Duration) || (a == T::Duration && b == T::Date)) return T::Date;
      if (a == T::Duration && b == T::Duration) return T::Duration;
      return std::nullopt;
    case Op::Sub:
      if (a == T::Number && b == T::Number) return T::Number;
      if (a == T::Date && b == T::Duration) return T::Date;
      if ((a == T::Date && b == T::Date) || (a == T::Duration && b == T::Duration))
        return T::Duration;
      return std::nullopt;
    default:  // Mul, Div
      if (a == T::Number && b == T::Number) return T::Number;
      return std::nullopt;
  }
}

bool orderable(Type t) {
  return t == Type::Number || t == Type::String || t == Type::Date || t == Type::Duration;
}

bool comparable(Op op, Type a, Type b) {
  if (a != b) return false;
  if (op == Op::Eq || op == Op::Ne) return a != Type::Selection && a != Type::List;
  return orderable(a);
}

// Tries every concrete type for the unknown operands: the result type when all
// working substitutions agree, Any when they differ, nullopt when none works.
template <class F>
std::optional<Type> substitute(Type a, Type b, F&& result) {
  std::optional<Type> found;
  bool differ = false;
  auto each = [&](Type x, Type y) {
    if (auto r = result(x, y)) {
      if (found && *found != *r) differ = true;
      found = r;
    }
  };
  for (Type x : kConcrete) {
    if (!unknown(a) && x != a) continue;
    for (Type y : kConcrete) {
      if (!unknown(b) && y != b) continue;
      each(x, y);
    }
  }
  if (differ) return Type::Any;
  return found;
}

void type_logic(const Expr& expr, Node& node) {
  for (std::uint32_t i = 0; i < node.count; ++i) {
    const Node& operand = expr.nodes[expr.kid(node, i)];
    if (operand.type != Type::Bool && !unknown(operand.type)) {
      std::string sym = op_symbol(node.op);
      if (node.op == Op::Not)
        fail(operand.offset, "'!' needs a boolean, found " + a_type(operand.type));
      fail(operand.offset, "'" + sym + "' needs booleans, found " + a_type(operand.type));
    }
  }
  node.type = Type::Bool;
}

void type_comparison(const Expr& expr, Node& node) {
  const Node& a = expr.nodes[expr.kid(node, 0)];
  const Node& b = expr.nodes[expr.kid(node, 1)];
  bool ordering = node.op != Op::Eq && node.op != Op::Ne;
  for (const Node* operand : {&a, &b}) {
    Type t = operand->type;
    if (ordering && !unknown(t) && !orderable(t))
      fail(operand->offset, std::string("'") + op_symbol(node.op) +
                                "' needs numbers, strings, dates or durations, found " + a_type(t));
    if (!ordering && (t == Type::Selection || t == Type::List))
      fail(operand->offset,
           std::string("'") + op_symbol(node.op) + "' cannot compare " + plural(t) + "s");
  }
  auto works = [&](Type x, Type y) -> std::optional<Type> {
    return comparable(node.op, x, y) ? std::optional<Type>(Type::Bool) : std::nullopt;
  };
  // Comparing with the literal null is always allowed: it asks whether a value is there.
  if (!(a.type == Type::Null || b.type == Type::Null) && !substitute(a.type, b.type, works))
    fail(node.op_offset, "cannot compare " + a_type(a.type) + " with " + a_type(b.type));
  node.type = Type::Bool;
}

void type_arithmetic(const Expr& expr, Node& node) {
  const Node& a = expr.nodes[expr.kid(node, 0)];
  const Node& b = expr.nodes[expr.kid(node, 1)];
  if (node.op == Op::Mul || node.op == Op::Div) {
    for (const Node* operand : {&a, &b})
      if (operand->type != Type::Number && !unknown(operand->type))
        fail(operand->offset, std::string("'") + op_symbol(node.op) + "' needs numbers, found " +
                                  a_type(operand->type));
    node.type = Type::Number;
    return;
  }
  auto works = [&](Type x, Type y) { return arithmetic(node.op, x, y); };
  std::optional<Type> result = substitute(a.type, b.type, works);
  if (!result) {
    if (node.op == Op::Add)
      fail(node.op_offset, "cannot add " + a_type(a.type) + " and " + a_type(b.type));
    fail(node.op_offset, "cannot subtract " + a_type(b.type) + " from " + a_type(a.type));
  }
  node.type = *result;
}

void type_negation(const Expr& expr, Node& node) {
  const Node& operand = expr.nodes[expr.kid(node, 0)];
  if (operand.type == Type::Number || operand.type == Type::Duration) {
    node.type = operand.type;
  } else if (unknown(operand.type)) {
    node.type = Type::Any;
  } else {
    fail(operand.offset, "'-' needs a number or a duration, found " + a_type(operand.type));
  }
}

void type_conditional(const Expr& expr, Node& node) {
  const Node& c = expr.nodes[expr.kid(node, 0)];
  const Node& a = expr.nodes[expr.kid(node, 1)];
  const Node& b = expr.nodes[expr.kid(node, 2)];
  if (c.type != Type::Bool && !unknown(c.type))
    fail(c.offset, "'?' needs a boolean condition, found " + a_type(c.type));
  if (a.type == b.type || b.type == Type::Null) {
    node.type = a.type;
  } else if (a.type == Type::Null) {
    node.type = b.type;
  } else if (unknown(a.type) || unknown(b.type)) {
    node.type = Type::Any;
  } else {
    fail(node.op_offset,
         "the branches of '?:' differ: " + a_type(a.type) + " and " + a_type(b.type));
  }
}

void type_member(const Expr& expr, Node& node) {
  const Node& base = expr.nodes[expr.kid(node, 0)];
  if (base.type != Type::Event && base.type != Type::Null)
    fail(node.op_offset, "'." + node.text + "' needs an event, found " + a_type(base.type));
  if (node.op == Op::Attribute) {
    node.type = Type::Any;
    return;
  }
  switch (node.event_field) {
    case EventField::Date:
    case EventField::End:
    case EventField::KnownOn:
      node.type = Type::Date;
      break;
    default:
      node.type = Type::String;
      break;
  }
}

}  // namespace

const char* op_symbol(Op op) {
  switch (op) {
    case Op::Not:
      return "!";
    case Op::Neg:
      return "-";
    case Op::And:
      return "&&";
    case Op::Or:
      return "||";
    case Op::Eq:
      return "==";
    case Op::Ne:
      return "!=";
    case Op::Lt:
      return "<";
    case Op::Le:
      return "<=";
    case Op::Gt:
      return ">";
    case Op::Ge:
      return ">=";
    case Op::Add:
      return "+";
    case Op::Sub:
      return "-";
    case Op::Mul:
      return "*";
    case Op::Div:
      return "/";
    case Op::Cond:
      return "?:";
    default:
      return "";
  }
}

void type_node(const Expr& expr, Node& node) {
  switch (node.op) {
    case Op::Literal:
    case Op::Field:
    case Op::Selection:
    case Op::CurrentEvent:
      return;  // typed when built
    case Op::EventField:
    case Op::Attribute:
      return type_member(expr, node);
    case Op::Not:
    case Op::And:
    case Op::Or:
      return type_logic(expr, node);
    case Op::Neg:
      return type_negation(expr, node);
    case Op::Eq:
    case Op::Ne:
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge:
      return type_comparison(expr, node);
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div:
      return type_arithmetic(expr, node);
    case Op::Cond:
      return type_conditional(expr, node);
    case Op::Call:
      node.type = check_call(expr, node);
      return;
  }
}

}  // namespace hindsight::rules::detail
