// A scope and bindings for the expression language tests: the fields a resolution
// rule sees, three selections over a small timeline, and a current event.
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/event.hpp"
#include "rules/expr.hpp"

namespace hindsight::rules::testing {

inline core::Date day(const char* iso) {
  return *core::parse_date(iso);
}

inline core::Value number(double x, std::string unit = {}) {
  return core::Value{core::Quantity{x, std::move(unit)}};
}

inline core::Value text(const char* s) {
  return core::Value{std::string(s)};
}

// Every expression is placed at line 3, column 10 of rule.yaml.
inline const core::Location kWhere{"rule.yaml", 3, 10};

class Fixture : public Bindings {
 public:
  Fixture() {
    declare("claim.stated_on", Type::Date, Value{day("2025-07-27")});
    declare("claim.deadline.start", Type::Date, Value{day("2025-07-27")});
    declare("claim.deadline.end", Type::Date, Value{day("2025-08-12")});
    declare("claim.probability", Type::Number, Value{0.72});
    declare("claim.kind", Type::String, Value{std::string_view("prediction")});
    declare("claim.topics", Type::List, Value{&m_topics});
    declare("claim.condition", Type::String, Value{});  // absent
    declare("as_of", Type::Date, Value{day("2025-08-20")});
    declare("settle", Type::Duration, Value{Duration{0, 3}});
    declare("window.start", Type::Date, Value{day("2025-07-27")});
    declare("window.end", Type::Date, Value{day("2025-08-12")});

    const core::Event* truce =
        add_event("E1", "truce.extended", "2025-08-11",
                  {{"until", core::Value{day("2025-11-10")}}, {"days", number(90, "days")}});
    const core::Event* cut1 = add_event(
        "E2", "tariff.changed", "2025-11-10",
        {{"rate_from", number(20, "%")}, {"rate_to", number(10, "%")}, {"host", text("China")}});
    const core::Event* cut2 =
        add_event("E3", "tariff.changed", "2025-12-01",
                  {{"rate_from", number(10, "%")}, {"rate_to", number(5, "%")}});
    core::Value tags{core::Value::List{text("state"), text("official")}};
    const core::Event* visit = add_event("E4", "visit.held", "2026-05-13",
                                         {{"visitor", text("Donald Trump")}, {"tags", tags}});
    visit_event = visit;
    // Out of date order on purpose: first() and last() order by date themselves.
    select("extension", {truce});
    select("cuts", {cut2, cut1});
    select("visit", {visit});
    select("empty", {});
    current = cut1;
  }

  Value field(std::size_t slot) const override { return m_values[slot]; }
  const Selection& selection(std::size_t slot) const override { return m_selections[slot]; }
  const core::Event* current_event() const override { return current; }

  // The value of `text` as to_string prints it, or "error: <full error>".
  std::string eval(std::string_view text, Type expected = Type::Any) const {
    auto expr = compile(text, scope, kWhere, expected);
    if (!expr) return "compile error: " + expr.error().to_string();
    auto value = evaluate(**expr, *this);
    if (!value) return "error: " + value.error().to_string();
    return to_string(*value);
  }

  // The full compile error of `text`, or "compiled" when it compiles.
  std::string error(std::string_view text, Type expected = Type::Any,
                    int limit = kDefaultCostLimit) const {
    auto expr = compile(text, scope, kWhere, expected, limit);
    return expr ? "compiled" : expr.error().to_string();
  }

  void set(std::string_view name, Value v) { m_values[*scope.field_slot(name)] = v; }

  Scope scope;
  const core::Event* current = nullptr;
  const core::Event* visit_event = nullptr;
  std::deque<core::Event> events;

 private:
  void declare(const char* name, Type type, Value value) {
    scope.add_field(name, type);
    m_values.push_back(value);
  }

  const core::Event* add_event(const char* id, const char* kind, const char* date,
                               std::map<std::string, core::Value> attributes) {
    core::Event e;
    e.id = id;
    e.kind = kind;
    e.date = day(date);
    e.known_on = e.date;
    e.attributes = std::move(attributes);
    events.push_back(std::move(e));
    return &events.back();
  }

  void select(const char* name, Selection chosen) {
    scope.add_selection(name);
    m_selections.push_back(std::move(chosen));
  }

  std::vector<std::string> m_topics{"trade.truce.extend", "trade.tariff"};
  std::vector<Value> m_values;
  std::vector<Selection> m_selections;
};

}  // namespace hindsight::rules::testing
