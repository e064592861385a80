// Evaluation of the built-in functions.
#include <cmath>

#include "rules/expr_eval.hpp"
#include "rules/expr_functions.hpp"
#include "rules/expr_value.hpp"

namespace hindsight::rules::detail {

namespace {

bool orderable(const Value& v) {
  Type t = type_of(v);
  return t == Type::Number || t == Type::Date || t == Type::Duration;
}

[[noreturn]] void needs(const Node& arg, Func func, const char* what, const Value& found) {
  runtime_error(arg.offset, std::string(function_info(func).name) + "() needs " + what +
                                ", found " + a_type(type_of(found)));
}

}  // namespace

Value Evaluator::call(const Node& n) const {
  switch (n.func) {
    case Func::Exists:
    case Func::First:
    case Func::Last: {
      // The type checker admits only selections here.
      const Selection& s = *std::get<const Selection*>(eval_kid(n, 0).v);
      if (n.func == Func::Exists) return Value{!s.empty()};
      const Node& arg = kid(n, 0);
      if (arg.op == Op::Selection && m_bindings.selection_sorted(arg.slot))
        return s.empty() ? Value{} : Value{n.func == Func::First ? s.front() : s.back()};
      const core::Event* e = n.func == Func::First ? first_event(s) : last_event(s);
      return e ? Value{e} : Value{};
    }
    case Func::Count: {
      Value v = eval_kid(n, 0);
      if (auto* s = std::get_if<const Selection*>(&v.v))
        return Value{static_cast<double>((*s)->size())};
      if (type_of(v) == Type::List) return Value{static_cast<double>(list_size(v))};
      if (v.is_null()) return Value{0.0};
      needs(kid(n, 0), n.func, "a selection or a list", v);
    }
    case Func::Min:
    case Func::Max:
      return min_max(n);
    case Func::Clamp:
      return clamp(n);
    case Func::Days: {
      Value v = eval_kid(n, 0);
      if (auto* d = std::get_if<Duration>(&v.v)) return Value{nominal_days(*d)};
      if (v.is_null()) return v;
      needs(kid(n, 0), n.func, "a duration", v);
    }
    case Func::Abs: {
      Value v = eval_kid(n, 0);
      if (auto* x = std::get_if<double>(&v.v)) return Value{std::fabs(*x)};
      if (auto* d = std::get_if<Duration>(&v.v))
        return nominal_days(*d) < 0 ? Value{Duration{-d->months, -d->days}} : v;
      if (v.is_null()) return v;
      needs(kid(n, 0), n.func, "a number or a duration", v);
    }
    case Func::Contains: {
      Value haystack = eval_kid(n, 0);
      Value needle = eval_kid(n, 1);
      if (haystack.is_null() || needle.is_null()) return Value{false};
      if (auto* text = std::get_if<std::string_view>(&haystack.v)) {
        auto* part = std::get_if<std::string_view>(&needle.v);
        if (!part) needs(kid(n, 1), n.func, "a string to look for in a string", needle);
        return Value{text->find(*part) != std::string_view::npos};
      }
      if (type_of(haystack) != Type::List) needs(kid(n, 0), n.func, "a list or a string", haystack);
      return Value{list_contains(haystack, needle)};
    }
  }
  return Value{};
}

// min and max skip nulls (a missing attribute does not win); all null gives null.
Value Evaluator::min_max(const Node& n) const {
  Value best;
  for (std::uint32_t i = 0; i < n.count; ++i) {
    Value v = eval_kid(n, i);
    if (v.is_null()) continue;
    if (!orderable(v))
      runtime_error(kid(n, i).offset, std::string(function_info(n.func).name) +
                                          "() needs numbers, dates or durations, found " +
                                          a_type(type_of(v)));
    if (best.is_null()) {
      best = v;
      continue;
    }
    if (type_of(v) != type_of(best))
      runtime_error(kid(n, i).offset, std::string(function_info(n.func).name) +
                                          "() needs arguments of one type, found " +
                                          a_type(type_of(best)) + " and " + a_type(type_of(v)));
    int c = compare(v, best);
    if (n.func == Func::Min ? c < 0 : c > 0) best = v;
  }
  return best;
}

// clamp(x, lo, hi): a null bound is no bound; a null x stays null.
Value Evaluator::clamp(const Node& n) const {
  Value x = eval_kid(n, 0);
  if (x.is_null()) return x;
  Value bounds[2] = {eval_kid(n, 1), eval_kid(n, 2)};
  for (std::uint32_t i = 0; i < 3; ++i) {
    const Value& v = i == 0 ? x : bounds[i - 1];
    if (v.is_null()) continue;
    if (!orderable(v) || type_of(v) != type_of(x))
      runtime_error(kid(n, i).offset, "clamp() needs arguments of one type, found " +
                                          a_type(type_of(x)) + " and " + a_type(type_of(v)));
  }
  if (!bounds[0].is_null() && !bounds[1].is_null() && compare(bounds[0], bounds[1]) > 0)
    runtime_error(n.offset, "clamp() needs its lower bound below its upper bound, found " +
                                to_string(bounds[0]) + " and " + to_string(bounds[1]));
  if (!bounds[0].is_null() && compare(x, bounds[0]) < 0) return bounds[0];
  if (!bounds[1].is_null() && compare(x, bounds[1]) > 0) return bounds[1];
  return x;
}

}  // namespace hindsight::rules::detail
