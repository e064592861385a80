// A typed attribute value of an event: a number (with an optional unit), a string,
// a date, a boolean or a list of values.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/date.hpp"

namespace hindsight::core {

struct Quantity {
  double value = 0;
  std::string unit;  // "%", "days", "MMT"; empty when unitless
  bool operator==(const Quantity&) const = default;
};

struct Value {
  using List = std::vector<Value>;
  std::variant<std::monostate, bool, Quantity, std::string, Date, List> data;

  bool is_null() const { return data.index() == 0; }
  bool operator==(const Value&) const = default;
};

}  // namespace hindsight::core

namespace hindsight::core {

// Reads an unquoted scalar as a typed value, the notation of events files and of
// `events add --attr k=v`: "20", "-1.5", "10%", "12 MMT", "90 days" → Quantity (a
// number, then an optional unit of letters or '%'); "2025-11-10" → Date (a valid ISO
// date only); "true"/"false" → bool; anything else → the string itself.
Value parse_plain_scalar(std::string_view text);

// The value as it would be written back: "20", "10%", "12 MMT", "2025-11-10",
// "true", "Donald Trump", "[United States, China]"; "null" for no value.
std::string to_string(const Value& value);

}  // namespace hindsight::core
