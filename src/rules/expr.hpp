// The rule expression language: a small typed, CEL-like language that is not
// Turing-complete (no loops, no recursion, no clock). Rule files use it for `when`,
// `credit`, `evidence`, windows and selection tests. An expression is compiled once,
// when its rule file is loaded — parsed (PEGTL), type-checked against a Scope that
// declares the names that exist, and costed — and then evaluated many times against
// Bindings that give those names their values. See docs/rules-expressions.md.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/date.hpp"
#include "core/event.hpp"
#include "core/result.hpp"

namespace hindsight::rules {

// The static type of an expression. Any is the type of an event attribute, whose
// type is known only at run time; it is checked when the expression is evaluated.
enum class Type { Null, Bool, Number, String, Date, Duration, Selection, Event, List, Any };

// A length of time: calendar months (`1m`, `1y` = 12 months) and days (`3d`,
// `2w` = 14 days). Adding one to a date adds the months first (clamping to the end
// of a shorter month), then the days. Two durations compare by their length in days
// with a month counted as 30.436875 days (the mean Gregorian month).
struct Duration {
  long months = 0;
  long days = 0;
  bool operator==(const Duration&) const = default;
};

// A set of events chosen by a rule's selection, in no particular order.
using Selection = std::vector<const core::Event*>;

// A run-time value. It never owns memory: strings, events, selections and lists are
// views into the compiled expression, the events, or storage that the Bindings keep
// alive — a Value is valid as long as those are. Null is the monostate (a missing
// attribute, an absent optional field, first() of an empty selection).
struct Value {
  std::variant<std::monostate, bool, double, std::string_view, core::Date, Duration,
               const Selection*, const core::Event*, const core::Value::List*,
               const std::vector<std::string>*>
      v;

  // True for null.
  bool is_null() const { return v.index() == 0; }
};

// The type of a run-time value (Null for null; both list shapes are List).
Type type_of(const Value& value);

// The names that exist when an expression is compiled. Fields have dotted names
// ("claim.deadline.end", "as_of", "window.start", "settle") and a static type;
// selections are the rule's named event selections ("extension"). Each declared
// name gets a slot, its index in declaration order, that Bindings are asked for.
class Scope {
 public:
  // Declares a field and returns its slot. Declaring a name again changes its type
  // and keeps its slot.
  std::size_t add_field(std::string name, Type type);

  // Declares a selection and returns its slot (the same slot when declared again).
  std::size_t add_selection(std::string name);

  // Whether `event` names the event being tested (true inside a selection's
  // attribute test). `event.date`, `event.end`, `event.known_on`, `event.kind`,
  // `event.id`, `event.summary` and `event.reliability` are typed; any other
  // `event.X` is the attribute X, of type Any.
  void allow_event(bool allowed) { m_event_allowed = allowed; }

  // The slot of a declared field or selection, if any.
  std::optional<std::size_t> field_slot(std::string_view name) const;
  std::optional<std::size_t> selection_slot(std::string_view name) const;

  // Read access for the compiler and for the engine's bookkeeping.
  struct Field {
    std::string name;
    Type type = Type::Any;
  };
  const std::vector<Field>& fields() const { return m_fields; }
  const std::vector<std::string>& selections() const { return m_selections; }
  bool event_allowed() const { return m_event_allowed; }

 private:
  std::vector<Field> m_fields;
  std::vector<std::string> m_selections;
  bool m_event_allowed = false;
};

// What the declared names are worth when an expression is evaluated; the engine
// implements it. Calls must be cheap: they happen once per use of a name.
class Bindings {
 public:
  virtual ~Bindings() = default;

  // The value of the field in `slot` (as numbered by the Scope); null when absent.
  virtual Value field(std::size_t slot) const = 0;

  // The events of the selection in `slot`.
  virtual const Selection& selection(std::size_t slot) const = 0;

  // The event that `event.…` refers to, or nullptr (then its fields are null).
  virtual const core::Event* current_event() const = 0;

  // Whether the selection in `slot` is sorted by date, then id, so that first() and
  // last() are its ends (an engine's selections are; by default none is assumed).
  virtual bool selection_sorted(std::size_t slot) const {
    (void)slot;
    return false;
  }
};

// A compiled expression: its syntax tree, result type and cost. Immutable, so one
// compiled expression can be evaluated from several threads at once.
class Expr;

// The default cost limit of compile().
inline constexpr int kDefaultCostLimit = 1000;

// Compiles `text`. `where` is the location of the expression's first character in
// its file; errors point at the line and column of the offending token within the
// expression (byte columns; a multi-line expression moves on to later lines).
// `expected` is the type the caller needs (Type::Any: whatever it is); a mismatch is
// an error "expected a boolean, found a date". Fails on a syntax error, a type error
// (unknown names, with a "did you mean" hint), a nesting too deep, or a cost over
// `cost_limit`: "expression costs 1250, over the limit of 1000".
core::Result<std::shared_ptr<const Expr>> compile(std::string_view text, const Scope& scope,
                                                  const core::Location& where,
                                                  Type expected = Type::Any,
                                                  int cost_limit = kDefaultCostLimit);

// The static type of a compiled expression (Any when it depends on an attribute).
Type result_type(const Expr& expr);

// The static cost of a compiled expression (see docs/rules-expressions.md).
int cost(const Expr& expr);

// The source text of a compiled expression.
const std::string& source(const Expr& expr);

// The slots of the selections and fields an expression reads, in slot order; the
// engine uses them to fetch only what is needed and for lints.
std::vector<std::size_t> selections_used(const Expr& expr);
std::vector<std::size_t> fields_used(const Expr& expr);

// Whether an expression reads no field, selection or event, so that it has the same
// value every time (a `when: true` clause makes the clauses after it unreachable).
bool is_constant(const Expr& expr);

// Evaluates `expr`. Run-time type errors (an attribute of the wrong type, a
// division by zero) are errors with the location of the operator at fault.
// Deterministic: the same bindings give the same value.
core::Result<Value> evaluate(const Expr& expr, const Bindings& bindings);

// Evaluates an expression of type Bool (or Any); null counts as false, any other
// non-boolean value is an error.
core::Result<bool> evaluate_bool(const Expr& expr, const Bindings& bindings);

// "number", "date", … as in error messages.
const char* to_string(Type type);

// A value as a person reads it: null, true, 20, 0.5, "China", 2025-08-12, 3d, 1y2m,
// an event's id, a selection or list in brackets.
std::string to_string(const Value& value);

}  // namespace hindsight::rules
