#include "core/value.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace hindsight::core {

namespace {

bool is_unit_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '%' || c == '/' || c == '$';
}

// A number followed by an optional unit: "10%", "12 MMT", "90 days".
std::optional<Quantity> parse_quantity(std::string_view text) {
  double number = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (ec != std::errc() || ptr == text.data()) return std::nullopt;
  std::string_view rest(ptr, static_cast<std::size_t>(text.data() + text.size() - ptr));
  // from_chars accepts "inf" and "nan"; a value has to be a written number.
  if (!std::isfinite(number)) return std::nullopt;
  std::size_t space = 0;
  while (space < rest.size() && rest[space] == ' ') ++space;
  std::string_view unit = rest.substr(space);
  for (char c : unit)
    if (!is_unit_char(c)) return std::nullopt;
  if (space > 1 || (space == 1 && unit.empty())) return std::nullopt;
  return Quantity{number, std::string(unit)};
}

std::string format_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

}  // namespace

Value parse_plain_scalar(std::string_view text) {
  if (text == "true") return Value{true};
  if (text == "false") return Value{false};
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    if (auto d = parse_date(text)) return Value{*d};
  }
  if (auto q = parse_quantity(text)) return Value{*q};
  return Value{std::string(text)};
}

std::string to_string(const Value& value) {
  struct Visitor {
    std::string operator()(std::monostate) const { return "null"; }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(const Quantity& q) const {
      if (q.unit.empty()) return format_number(q.value);
      return format_number(q.value) + (q.unit == "%" ? "" : " ") + q.unit;
    }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(const Date& d) const { return format_date(d); }
    std::string operator()(const Value::List& list) const {
      std::string out = "[";
      for (std::size_t i = 0; i < list.size(); ++i) {
        if (i > 0) out += ", ";
        out += to_string(list[i]);
      }
      return out + "]";
    }
  };
  return std::visit(Visitor{}, value.data);
}

}  // namespace hindsight::core
