#include "store/event_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/failure.hpp"

namespace hindsight::store {

namespace {

constexpr const char* kColumns =
    "id, kind, date, end_date, known_on, summary, reliability, sources, attributes";

core::Date column_date(const SQLite::Column& c) {
  auto d = core::parse_date(c.getString());
  if (!d) throw core::Failure("corrupt event date in the ledger: " + d.error().message);
  return *d;
}

core::Event read_row(SQLite::Statement& q, bool with_sources = true) {
  core::Event e;
  e.id = q.getColumn(0).getString();
  e.kind = q.getColumn(1).getString();
  e.date = column_date(q.getColumn(2));
  if (!q.getColumn(3).isNull()) e.end = column_date(q.getColumn(3));
  e.known_on = column_date(q.getColumn(4));
  e.summary = q.getColumn(5).getString();
  e.reliability =
      core::reliability_from_string(q.getColumn(6).getString()).value_or(core::Reliability::Medium);
  // Parsed into locals: iterating items() of a temporary would dangle.
  if (with_sources) {
    const auto sources = nlohmann::json::parse(q.getColumn(7).getString());
    for (const auto& s : sources) e.sources.push_back(s.get<std::string>());
  }
  const auto attributes = nlohmann::json::parse(q.getColumn(8).getString());
  for (const auto& [k, v] : attributes.items()) e.attributes[k] = value_from_json(v);
  return e;
}

void bind_event(SQLite::Statement& q, const core::Event& e) {
  q.bind(1, e.id);
  q.bind(2, e.kind);
  q.bind(3, core::format_date(e.date));
  if (e.end) {
    q.bind(4, core::format_date(*e.end));
  } else {
    q.bind(4);
  }
  q.bind(5, core::format_date(e.known_on));
  q.bind(6, e.summary);
  q.bind(7, core::to_string(e.reliability));
  q.bind(8, nlohmann::json(e.sources).dump());
  nlohmann::json attributes = nlohmann::json::object();
  for (const auto& [k, v] : e.attributes) attributes[k] = value_to_json(v);
  q.bind(9, attributes.dump());
}

// The fields in which two versions of an event differ, for a conflict message.
std::string differences(const core::Event& a, const core::Event& b) {
  auto ja = event_to_json(a), jb = event_to_json(b);
  std::string out;
  for (const auto& [key, value] : ja.items()) {
    if (jb[key] == value) continue;
    out += (out.empty() ? "" : ", ") + key;
  }
  return out;
}

}  // namespace

nlohmann::json value_to_json(const core::Value& value) {
  struct Visitor {
    nlohmann::json operator()(std::monostate) const { return nullptr; }
    nlohmann::json operator()(bool b) const { return b; }
    nlohmann::json operator()(const core::Quantity& q) const {
      if (q.unit.empty()) return q.value;
      return {{"value", q.value}, {"unit", q.unit}};
    }
    nlohmann::json operator()(const std::string& s) const { return s; }
    nlohmann::json operator()(const core::Date& d) const {
      return {{"date", core::format_date(d)}};
    }
    nlohmann::json operator()(const core::Value::List& list) const {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& v : list) out.push_back(value_to_json(v));
      return out;
    }
  };
  return std::visit(Visitor{}, value.data);
}

core::Value value_from_json(const nlohmann::json& json) {
  if (json.is_null()) return {};
  if (json.is_boolean()) return core::Value{json.get<bool>()};
  if (json.is_number()) return core::Value{core::Quantity{json.get<double>(), ""}};
  if (json.is_string()) return core::Value{json.get<std::string>()};
  if (json.is_array()) {
    core::Value::List list;
    for (const auto& item : json) list.push_back(value_from_json(item));
    return core::Value{std::move(list)};
  }
  if (json.contains("date")) {
    auto d = core::parse_date(json["date"].get<std::string>());
    if (!d) throw core::Failure("corrupt attribute date in the ledger: " + d.error().message);
    return core::Value{*d};
  }
  if (json.contains("value"))
    return core::Value{
        core::Quantity{json["value"].get<double>(), json.value("unit", std::string())}};
  throw core::Failure("corrupt attribute in the ledger: " + json.dump());
}

nlohmann::json event_to_json(const core::Event& event) {
  nlohmann::json attributes = nlohmann::json::object();
  for (const auto& [k, v] : event.attributes) attributes[k] = value_to_json(v);
  return {{"id", event.id},
          {"kind", event.kind},
          {"date", core::format_date(event.date)},
          {"end", event.end ? nlohmann::json(core::format_date(*event.end)) : nullptr},
          {"known_on", core::format_date(event.known_on)},
          {"summary", event.summary},
          {"reliability", core::to_string(event.reliability)},
          {"sources", event.sources},
          {"attributes", attributes}};
}

EventStore::EventStore(Database& db) : m_db(db) {}

EventImport EventStore::import(const std::vector<core::Event>& events, bool replace) {
  EventImport result;
  try {
    SQLite::Transaction tx(m_db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement insert(m_db.sql(), std::string("INSERT INTO events (") + kColumns +
                                             ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    SQLite::Statement update(m_db.sql(),
                             "UPDATE events SET id = ?1, kind = ?2, date = ?3, end_date = ?4, "
                             "known_on = ?5, summary = ?6, reliability = ?7, sources = ?8, "
                             "attributes = ?9 WHERE id = ?1");
    for (const auto& event : events) {
      auto existing = get(event.id);
      SQLite::Statement* write = &insert;
      if (existing) {
        std::string diff = differences(*existing, event);
        if (diff.empty()) {
          ++result.unchanged;
          continue;
        }
        if (!replace) {
          result.conflicts.push_back("event \"" + event.id + "\" differs from the ledger's (" +
                                     diff + ")");
          continue;
        }
        write = &update;
        ++result.replaced;
      } else {
        ++result.added;
      }
      bind_event(*write, event);
      write->exec();
      write->reset();
    }
    if (result.conflicts.empty()) {
      tx.commit();
    } else {
      result.added = result.replaced = 0;
    }
  } catch (const SQLite::Exception& e) {
    throw core::Failure(std::string("cannot write events: ") + e.what());
  }
  return result;
}

std::optional<core::Event> EventStore::get(const std::string& id) {
  try {
    SQLite::Statement q(m_db.sql(),
                        std::string("SELECT ") + kColumns + " FROM events WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    return read_row(q);
  } catch (const SQLite::Exception& e) {
    throw core::Failure(std::string("cannot read events: ") + e.what());
  }
}

std::vector<core::Event> EventStore::list(const std::optional<std::string>& kind) {
  std::vector<core::Event> out;
  try {
    SQLite::Statement q(m_db.sql(), std::string("SELECT ") + kColumns + " FROM events" +
                                        (kind ? " WHERE kind = ?" : "") + " ORDER BY date, id");
    if (kind) q.bind(1, *kind);
    while (q.executeStep()) out.push_back(read_row(q));
  } catch (const SQLite::Exception& e) {
    throw core::Failure(std::string("cannot read events: ") + e.what());
  }
  return out;
}

std::vector<core::Event> EventStore::for_rules(const std::string& kind) {
  std::vector<core::Event> out;
  try {
    SQLite::Statement q(m_db.sql(), std::string("SELECT ") + kColumns +
                                        " FROM events WHERE kind = ? ORDER BY date, id");
    q.bind(1, kind);
    while (q.executeStep()) out.push_back(read_row(q, false));
  } catch (const SQLite::Exception& e) {
    throw core::Failure(std::string("cannot read events: ") + e.what());
  }
  return out;
}

std::vector<core::Event> EventStore::by_kind(const std::string& kind, core::Date from,
                                             core::Date to) {
  std::vector<core::Event> out;
  try {
    // Served by events_by_kind_date: ISO dates compare as text.
    SQLite::Statement q(m_db.sql(), std::string("SELECT ") + kColumns +
                                        " FROM events WHERE kind = ? AND date BETWEEN ? AND ? "
                                        "ORDER BY date, id");
    q.bind(1, kind);
    q.bind(2, core::format_date(from));
    q.bind(3, core::format_date(to));
    while (q.executeStep()) out.push_back(read_row(q));
  } catch (const SQLite::Exception& e) {
    throw core::Failure(std::string("cannot read events: ") + e.what());
  }
  return out;
}

}  // namespace hindsight::store
