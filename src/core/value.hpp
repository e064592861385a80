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
