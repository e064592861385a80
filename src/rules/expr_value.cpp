#include "rules/expr_value.hpp"

#include <cstdio>
#include <tuple>

#include "rules/expr_ast.hpp"

namespace hindsight::rules {

std::size_t Scope::add_field(std::string name, Type type) {
  if (auto slot = field_slot(name)) {
    m_fields[*slot].type = type;
    return *slot;
  }
  m_fields.push_back(Field{std::move(name), type});
  return m_fields.size() - 1;
}

std::size_t Scope::add_selection(std::string name) {
  if (auto slot = selection_slot(name)) return *slot;
  m_selections.push_back(std::move(name));
  return m_selections.size() - 1;
}

std::optional<std::size_t> Scope::field_slot(std::string_view name) const {
  for (std::size_t i = 0; i < m_fields.size(); ++i)
    if (m_fields[i].name == name) return i;
  return std::nullopt;
}

std::optional<std::size_t> Scope::selection_slot(std::string_view name) const {
  for (std::size_t i = 0; i < m_selections.size(); ++i)
    if (m_selections[i] == name) return i;
  return std::nullopt;
}

Type type_of(const Value& value) {
  switch (value.v.index()) {
    case 0:
      return Type::Null;
    case 1:
      return Type::Bool;
    case 2:
      return Type::Number;
    case 3:
      return Type::String;
    case 4:
      return Type::Date;
    case 5:
      return Type::Duration;
    case 6:
      return Type::Selection;
    case 7:
      return std::get<const core::Event*>(value.v) ? Type::Event : Type::Null;
    default:
      return Type::List;
  }
}

const char* to_string(Type type) {
  switch (type) {
    case Type::Null:
      return "null";
    case Type::Bool:
      return "boolean";
    case Type::Number:
      return "number";
    case Type::String:
      return "string";
    case Type::Date:
      return "date";
    case Type::Duration:
      return "duration";
    case Type::Selection:
      return "selection";
    case Type::Event:
      return "event";
    case Type::List:
      return "list";
    case Type::Any:
      return "any";
  }
  return "?";
}

namespace {

std::string format_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

std::string format_duration(const Duration& d) {
  std::string out;
  long months = d.months;
  bool negative = d.months < 0 || (d.months == 0 && d.days < 0);
  if (negative) out += '-';
  long years = std::abs(months) / 12;
  long rest = std::abs(months) % 12;
  if (years) out += std::to_string(years) + 'y';
  if (rest) out += std::to_string(rest) + 'm';
  // A mixed-sign duration (1m - 3d) keeps the sign of its days.
  long days = negative ? -d.days : d.days;
  if (days || out.empty() || out == "-") out += std::to_string(days) + 'd';
  return out;
}

std::string format_list(const Value& list) {
  std::string out = "[";
  if (auto* values = std::get_if<const core::Value::List*>(&list.v)) {
    for (std::size_t i = 0; i < (*values)->size(); ++i)
      out += (i ? ", " : "") + to_string(detail::from_attribute((**values)[i]));
  } else if (auto* strings = std::get_if<const std::vector<std::string>*>(&list.v)) {
    for (std::size_t i = 0; i < (*strings)->size(); ++i)
      out += (i ? ", \"" : "\"") + (**strings)[i] + '"';
  }
  return out + "]";
}

}  // namespace

std::string to_string(const Value& value) {
  switch (value.v.index()) {
    case 0:
      return "null";
    case 1:
      return std::get<bool>(value.v) ? "true" : "false";
    case 2:
      return format_number(std::get<double>(value.v));
    case 3:
      return '"' + std::string(std::get<std::string_view>(value.v)) + '"';
    case 4:
      return core::format_date(std::get<core::Date>(value.v));
    case 5:
      return format_duration(std::get<Duration>(value.v));
    case 6: {
      std::string out = "[";
      const Selection& s = *std::get<const Selection*>(value.v);
      for (std::size_t i = 0; i < s.size(); ++i) out += (i ? ", " : "") + s[i]->id;
      return out + "]";
    }
    case 7: {
      const core::Event* e = std::get<const core::Event*>(value.v);
      return e ? e->id : "null";
    }
    default:
      return format_list(value);
  }
}

core::Location Expr::locate(std::uint32_t offset) const {
  core::Location at = where;
  int line = at.line > 0 ? at.line : 1;
  int column = at.column > 0 ? at.column : 1;
  std::size_t line_start = 0;
  bool moved = false;
  for (std::size_t i = 0; i < offset && i < source.size(); ++i) {
    if (source[i] == '\n') {
      ++line;
      line_start = i + 1;
      moved = true;
    }
  }
  at.line = line;
  at.column = static_cast<int>(offset - line_start) + (moved ? 1 : column);
  return at;
}

}  // namespace hindsight::rules

namespace hindsight::rules::detail {

std::string a_type(Type type) {
  switch (type) {
    case Type::Null:
      return "null";
    case Type::Any:
      return "a value of any type";
    case Type::Event:
      return "an event";
    default:
      return std::string("a ") + to_string(type);
  }
}

const char* plural(Type type) {
  switch (type) {
    case Type::Bool:
      return "booleans";
    case Type::Number:
      return "numbers";
    case Type::Duration:
      return "durations";
    default:
      return to_string(type);
  }
}

double nominal_days(const Duration& d) {
  return static_cast<double>(d.days) + static_cast<double>(d.months) * kDaysPerMonth;
}

core::Date add_duration(const core::Date& date, const Duration& d) {
  core::Date moved = date;
  if (d.months != 0) {
    moved = date + date::months{d.months};
    if (!moved.ok())
      moved = core::end_of_month(core::Date{moved.year(), moved.month(), date::day{1}});
  }
  return d.days ? core::add_days(moved, d.days) : moved;
}

Value from_attribute(const core::Value& value) {
  switch (value.data.index()) {
    case 1:
      return Value{std::get<bool>(value.data)};
    case 2:
      return Value{std::get<core::Quantity>(value.data).value};
    case 3:
      return Value{std::string_view(std::get<std::string>(value.data))};
    case 4:
      return Value{std::get<core::Date>(value.data)};
    case 5:
      return Value{&std::get<core::Value::List>(value.data)};
    default:
      return Value{};
  }
}

int compare(const Value& a, const Value& b) {
  auto three_way = [](const auto& x, const auto& y) { return x < y ? -1 : (y < x ? 1 : 0); };
  switch (a.v.index()) {
    case 2:
      return three_way(std::get<double>(a.v), std::get<double>(b.v));
    case 3:
      return three_way(std::get<std::string_view>(a.v), std::get<std::string_view>(b.v));
    case 4:
      return three_way(std::get<core::Date>(a.v), std::get<core::Date>(b.v));
    case 5: {
      const Duration& x = std::get<Duration>(a.v);
      const Duration& y = std::get<Duration>(b.v);
      int by_length = three_way(nominal_days(x), nominal_days(y));
      if (by_length != 0) return by_length;
      return three_way(std::tie(x.months, x.days), std::tie(y.months, y.days));
    }
    default:
      return 0;
  }
}

bool equal(const Value& a, const Value& b) {
  if (type_of(a) == Type::List) return false;
  if (a.v.index() == 6) return std::get<const Selection*>(a.v) == std::get<const Selection*>(b.v);
  return a.v == b.v;
}

bool list_contains(const Value& list, const Value& item) {
  if (auto* values = std::get_if<const core::Value::List*>(&list.v)) {
    for (const core::Value& element : **values) {
      Value v = from_attribute(element);
      if (v.v.index() == item.v.index() && equal(v, item)) return true;
    }
  } else if (auto* strings = std::get_if<const std::vector<std::string>*>(&list.v)) {
    auto* text = std::get_if<std::string_view>(&item.v);
    if (!text) return false;
    for (const std::string& s : **strings)
      if (s == *text) return true;
  }
  return false;
}

std::size_t list_size(const Value& list) {
  if (auto* values = std::get_if<const core::Value::List*>(&list.v)) return (*values)->size();
  if (auto* strings = std::get_if<const std::vector<std::string>*>(&list.v))
    return (*strings)->size();
  return 0;
}

namespace {

bool earlier(const core::Event* a, const core::Event* b) {
  return std::tie(a->date, a->id) < std::tie(b->date, b->id);
}

}  // namespace

const core::Event* first_event(const Selection& s) {
  const core::Event* best = nullptr;
  for (const core::Event* e : s)
    if (!best || earlier(e, best)) best = e;
  return best;
}

const core::Event* last_event(const Selection& s) {
  const core::Event* best = nullptr;
  for (const core::Event* e : s)
    if (!best || earlier(best, e)) best = e;
  return best;
}

}  // namespace hindsight::rules::detail
