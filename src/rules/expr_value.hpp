// Value operations shared by the type checker and the evaluator of the expression
// language (private to it): durations, date arithmetic, comparison, type names.
#pragma once

#include <optional>
#include <string>

#include "rules/expr.hpp"

namespace hindsight::rules::detail {

// "a number", "a date", "an event", "null" — a type as error messages name it.
std::string a_type(Type type);

// Plural names for "needs booleans" messages: "booleans", "numbers", …
const char* plural(Type type);

// The mean length of a Gregorian month in days, used to compare durations with
// months and to turn them into days.
inline constexpr double kDaysPerMonth = 30.436875;

// A duration's length in days (months at kDaysPerMonth).
double nominal_days(const Duration& d);

// d + months, clamped to the end of a shorter month, then + days.
core::Date add_duration(const core::Date& date, const Duration& d);

// An attribute value as an expression value (numbers lose their unit).
Value from_attribute(const core::Value& value);

// Three-way comparison of two values of the same orderable type (number, string,
// date, duration): negative, zero or positive. Precondition: same type.
int compare(const Value& a, const Value& b);

// Equality of two non-null values of the same type. Precondition: same type.
bool equal(const Value& a, const Value& b);

// Whether `list` (a List value) holds a value equal to `item`.
bool list_contains(const Value& list, const Value& item);

// The number of elements of a List value.
std::size_t list_size(const Value& list);

// The earliest (or latest) event of a selection by date, then id; nullptr if empty.
const core::Event* first_event(const Selection& s);
const core::Event* last_event(const Selection& s);

}  // namespace hindsight::rules::detail
