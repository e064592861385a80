#include "rules/expr_eval.hpp"

#include <cmath>

#include "rules/expr_check.hpp"
#include "rules/expr_value.hpp"

namespace hindsight::rules::detail {

void runtime_error(std::uint32_t offset, std::string message) {
  throw RuntimeError{offset, std::move(message)};
}

namespace {

[[noreturn]] void fail(std::uint32_t offset, std::string message) {
  runtime_error(offset, std::move(message));
}

std::string_view event_field(const core::Event& e, EventField field) {
  switch (field) {
    case EventField::Kind:
      return e.kind;
    case EventField::Id:
      return e.id;
    case EventField::Summary:
      return e.summary;
    default:
      return core::to_string(e.reliability);
  }
}

Value number(double x, std::uint32_t offset) {
  if (!std::isfinite(x)) fail(offset, "number out of range");
  return Value{x};
}

}  // namespace

bool Evaluator::truth(std::uint32_t index, const Node& op) const {
  Value v = eval(index);
  if (auto* b = std::get_if<bool>(&v.v)) return *b;
  if (v.is_null()) return false;
  fail(m_expr.nodes[index].offset,
       std::string("'") + op_symbol(op.op) + "' needs booleans, found " + a_type(type_of(v)));
}

Value Evaluator::eval(std::uint32_t index) const {
  const Node& n = m_expr.nodes[index];
  switch (n.op) {
    case Op::Literal:
      return n.type == Type::String ? Value{std::string_view(n.text)} : n.literal;
    case Op::Field:
      return m_bindings.field(n.slot);
    case Op::Selection:
      return Value{&m_bindings.selection(n.slot)};
    case Op::CurrentEvent: {
      const core::Event* e = m_bindings.current_event();
      return e ? Value{e} : Value{};
    }
    case Op::EventField:
    case Op::Attribute:
      return member(n);
    case Op::Not: {
      Value v = eval_kid(n, 0);
      if (v.is_null()) return Value{true};
      if (auto* b = std::get_if<bool>(&v.v)) return Value{!*b};
      fail(kid(n, 0).offset, "'!' needs a boolean, found " + a_type(type_of(v)));
    }
    case Op::Neg: {
      Value v = eval_kid(n, 0);
      if (auto* x = std::get_if<double>(&v.v)) return Value{-*x};
      if (auto* d = std::get_if<Duration>(&v.v)) return Value{Duration{-d->months, -d->days}};
      if (v.is_null()) return v;
      fail(kid(n, 0).offset, "'-' needs a number or a duration, found " + a_type(type_of(v)));
    }
    case Op::And:
      return Value{truth(m_expr.kid(n, 0), n) && truth(m_expr.kid(n, 1), n)};
    case Op::Or:
      return Value{truth(m_expr.kid(n, 0), n) || truth(m_expr.kid(n, 1), n)};
    case Op::Eq:
    case Op::Ne:
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge:
      return comparison(n);
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div:
      return arithmetic(n);
    case Op::Cond:
      return truth(m_expr.kid(n, 0), n) ? eval_kid(n, 1) : eval_kid(n, 2);
    case Op::Call:
      return call(n);
  }
  return Value{};
}

Value Evaluator::member(const Node& n) const {
  Value base = eval_kid(n, 0);
  if (base.is_null()) return base;
  auto* event = std::get_if<const core::Event*>(&base.v);
  if (!event || !*event)
    fail(n.op_offset, "'." + n.text + "' needs an event, found " + a_type(type_of(base)));
  const core::Event& e = **event;
  if (n.op == Op::Attribute) {
    auto it = e.attributes.find(n.text);
    return it == e.attributes.end() ? Value{} : from_attribute(it->second);
  }
  switch (n.event_field) {
    case EventField::Date:
      return Value{e.date};
    case EventField::End:
      return Value{e.end.value_or(e.date)};
    case EventField::KnownOn:
      return Value{e.known_on};
    default:
      return Value{event_field(e, n.event_field)};
  }
}

Value Evaluator::comparison(const Node& n) const {
  Value a = eval_kid(n, 0);
  Value b = eval_kid(n, 1);
  bool equality = n.op == Op::Eq || n.op == Op::Ne;
  if (a.is_null() || b.is_null()) {
    // Null equals only null; every ordering with null is false.
    if (!equality) return Value{false};
    return Value{(a.is_null() && b.is_null()) == (n.op == Op::Eq)};
  }
  Type ta = type_of(a);
  Type tb = type_of(b);
  if (ta != tb) fail(n.op_offset, "cannot compare " + a_type(ta) + " with " + a_type(tb));
  if (equality) {
    if (ta == Type::List || ta == Type::Selection)
      fail(n.op_offset,
           std::string("'") + op_symbol(n.op) + "' cannot compare " + plural(ta) + "s");
    return Value{equal(a, b) == (n.op == Op::Eq)};
  }
  if (ta != Type::Number && ta != Type::String && ta != Type::Date && ta != Type::Duration)
    fail(n.op_offset, std::string("'") + op_symbol(n.op) +
                          "' needs numbers, strings, dates or durations, found " + a_type(ta));
  int c = compare(a, b);
  switch (n.op) {
    case Op::Lt:
      return Value{c < 0};
    case Op::Le:
      return Value{c <= 0};
    case Op::Gt:
      return Value{c > 0};
    default:
      return Value{c >= 0};
  }
}

Value Evaluator::arithmetic(const Node& n) const {
  Value a = eval_kid(n, 0);
  Value b = eval_kid(n, 1);
  if (a.is_null() || b.is_null()) return Value{};
  auto* x = std::get_if<double>(&a.v);
  auto* y = std::get_if<double>(&b.v);
  if (x && y) {
    switch (n.op) {
      case Op::Add:
        return number(*x + *y, n.op_offset);
      case Op::Sub:
        return number(*x - *y, n.op_offset);
      case Op::Mul:
        return number(*x * *y, n.op_offset);
      default:
        if (*y == 0) fail(n.op_offset, "division by zero");
        return number(*x / *y, n.op_offset);
    }
  }
  auto* da = std::get_if<core::Date>(&a.v);
  auto* db = std::get_if<core::Date>(&b.v);
  auto* ua = std::get_if<Duration>(&a.v);
  auto* ub = std::get_if<Duration>(&b.v);
  if (n.op == Op::Add) {
    if (da && ub) return Value{add_duration(*da, *ub)};
    if (ua && db) return Value{add_duration(*db, *ua)};
    if (ua && ub) return Value{Duration{ua->months + ub->months, ua->days + ub->days}};
    fail(n.op_offset, "cannot add " + a_type(type_of(a)) + " and " + a_type(type_of(b)));
  }
  if (n.op == Op::Sub) {
    if (da && ub) return Value{add_duration(*da, Duration{-ub->months, -ub->days})};
    if (da && db) return Value{Duration{0, core::days_between(*db, *da)}};
    if (ua && ub) return Value{Duration{ua->months - ub->months, ua->days - ub->days}};
    fail(n.op_offset, "cannot subtract " + a_type(type_of(b)) + " from " + a_type(type_of(a)));
  }
  const Value& bad = x ? b : a;
  fail(n.op_offset,
       std::string("'") + op_symbol(n.op) + "' needs numbers, found " + a_type(type_of(bad)));
}

}  // namespace hindsight::rules::detail
