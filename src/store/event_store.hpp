// The events of the ledger: importing a timeline, adding one event, and reading
// events by kind and date range (the (kind, date) index the rules engine relies on).
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/event.hpp"
#include "store/database.hpp"

namespace hindsight::store {

// What an import did. When `conflicts` is not empty (and replacing was not asked
// for) nothing was written.
struct EventImport {
  int added = 0;
  int unchanged = 0;  // already in the ledger, identical
  int replaced = 0;   // already in the ledger, different, and replacing was asked for
  std::vector<std::string> conflicts;  // "event \"E2\" differs from the ledger's (date, …)"
};

class EventStore {
 public:
  // Works on `db`, which must outlive the store. Every method throws core::Failure
  // on SQL errors.
  explicit EventStore(Database& db);

  // Imports `events` in one transaction. An event whose id is new is added; one
  // identical to the ledger's is left alone (re-importing a file changes nothing);
  // one that differs is a conflict — unless `replace` is true, when it overwrites
  // the ledger's copy (a correction: resolutions already recorded keep the trace
  // they were made with). Any conflict without `replace` writes nothing.
  EventImport import(const std::vector<core::Event>& events, bool replace = false);

  // The event with this id, or nullopt.
  std::optional<core::Event> get(const std::string& id);

  // Every event (of `kind`, when given), ordered by date then id.
  std::vector<core::Event> list(const std::optional<std::string>& kind = std::nullopt);

  // Every event of `kind`, ordered by date then id, without its sources (which no
  // rule reads: `resolve` loads a hundred thousand events faster without them).
  std::vector<core::Event> for_rules(const std::string& kind);

  // The events of `kind` whose date lies in [from, to], ordered by date then id.
  std::vector<core::Event> by_kind(const std::string& kind, core::Date from, core::Date to);

 private:
  Database& m_db;
};

// The JSON of an event: {"id", "kind", "date", "end", "known_on", "summary",
// "reliability", "sources", "attributes"}. Attributes keep their type: a plain
// number is a number, a quantity with a unit {"value": 10, "unit": "%"}, a date
// {"date": "2025-11-10"}, strings, booleans and lists as themselves.
nlohmann::json event_to_json(const core::Event& event);

// The typed JSON of one attribute value, as in event_to_json.
nlohmann::json value_to_json(const core::Value& value);

// Reads back value_to_json.
core::Value value_from_json(const nlohmann::json& json);

}  // namespace hindsight::store
