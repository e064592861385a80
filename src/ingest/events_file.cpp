#include "ingest/events_file.hpp"

#include <yaml-cpp/yaml.h>

#include <map>
#include <set>

#include "core/failure.hpp"
#include "util/file.hpp"
#include "util/suggest.hpp"
#include "util/text.hpp"

namespace hindsight::ingest {

namespace {

const std::vector<std::string> kEventKeys{
    "id", "date", "end", "known_on", "kind", "summary", "attributes", "reliability", "sources"};

// Collects the errors of one file, each prefixed with the event it belongs to.
class Reader {
 public:
  explicit Reader(std::string file) : m_file(std::move(file)) {}

  void error(const YAML::Node& at, const std::string& message) { error(at.Mark(), message); }
  void error(const YAML::Mark& mark, const std::string& message) {
    std::string prefix = m_event.empty() ? "" : "event \"" + m_event + "\": ";
    m_out.errors.push_back(
        core::make_error(prefix + message, m_file, mark.line + 1, mark.column + 1));
  }

  void read_document(const YAML::Node& root);
  EventsFile take() { return std::move(m_out); }

 private:
  std::optional<core::Event> read_event(const YAML::Node& node);
  std::optional<std::string> scalar(const YAML::Node& node, const char* key);
  std::optional<core::Date> date(const YAML::Node& node, const char* key);
  std::optional<core::Value> value(const YAML::Node& node);
  void read_attributes(const YAML::Node& node, core::Event& event);

  std::string m_file;
  std::string m_event;  // the id of the event being read, for messages
  EventsFile m_out;
};

std::optional<std::string> Reader::scalar(const YAML::Node& node, const char* key) {
  if (!node.IsScalar()) {
    error(node, std::string("'") + key + "' must be a single value");
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<core::Date> Reader::date(const YAML::Node& node, const char* key) {
  auto text = scalar(node, key);
  if (!text) return std::nullopt;
  auto d = core::parse_date(*text);
  if (!d) {
    error(node, std::string("'") + key + "': " + d.error().message);
    return std::nullopt;
  }
  return *d;
}

std::optional<core::Value> Reader::value(const YAML::Node& node) {
  if (node.IsScalar()) {
    // A quoted scalar ("20") is a string on purpose; only plain ones are typed.
    if (node.Tag() == "!") return core::Value{node.Scalar()};
    return core::parse_plain_scalar(node.Scalar());
  }
  if (node.IsSequence()) {
    core::Value::List list;
    for (const auto& item : node) {
      auto v = value(item);
      if (!v) return std::nullopt;
      list.push_back(std::move(*v));
    }
    return core::Value{std::move(list)};
  }
  if (node.IsMap() && node.size() == 2 && node["value"] && node["unit"] &&
      node["value"].IsScalar() && node["unit"].IsScalar()) {
    auto number = core::parse_plain_scalar(node["value"].Scalar());
    const auto* q = std::get_if<core::Quantity>(&number.data);
    if (!q || !q->unit.empty()) {
      error(node["value"], "'value' of a quantity must be a number");
      return std::nullopt;
    }
    return core::Value{core::Quantity{q->value, node["unit"].Scalar()}};
  }
  if (node.IsNull()) return core::Value{};
  error(node, "an attribute is a value, a list, or {value: N, unit: U}");
  return std::nullopt;
}

void Reader::read_attributes(const YAML::Node& node, core::Event& event) {
  if (!node.IsMap()) {
    error(node, "'attributes' must be a map of names to values");
    return;
  }
  for (const auto& entry : node) {
    std::string name = entry.first.Scalar();
    if (!is_valid_event_name(name)) {
      error(entry.first,
            "attribute name '" + name + "' must be lowercase letters, digits, '_' and '-'");
      continue;
    }
    if (auto v = value(entry.second)) event.attributes[name] = std::move(*v);
  }
}

std::optional<core::Event> Reader::read_event(const YAML::Node& node) {
  m_event.clear();
  if (!node.IsMap()) {
    error(node, "an event is a map with id, date, kind, …");
    return std::nullopt;
  }
  if (node["id"] && node["id"].IsScalar()) m_event = node["id"].Scalar();
  std::size_t errors_before = m_out.errors.size();
  core::Event event;
  std::optional<core::Date> known_on;
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    const YAML::Node& v = entry.second;
    if (key == "id") {
      if (auto s = scalar(v, "id")) event.id = *s;
    } else if (key == "date") {
      if (auto d = date(v, "date")) event.date = *d;
    } else if (key == "end") {
      event.end = date(v, "end");
    } else if (key == "known_on") {
      known_on = date(v, "known_on");
    } else if (key == "kind") {
      auto s = scalar(v, "kind");
      if (s && !is_valid_event_name(*s)) {
        error(v, "kind '" + *s + "' must be lowercase words joined by dots (truce.extended)");
      } else if (s) {
        event.kind = *s;
      }
    } else if (key == "summary") {
      if (auto s = scalar(v, "summary")) event.summary = *s;
    } else if (key == "attributes") {
      read_attributes(v, event);
    } else if (key == "reliability") {
      auto s = scalar(v, "reliability");
      auto r = s ? core::reliability_from_string(*s) : std::nullopt;
      if (s && !r) error(v, "reliability '" + *s + "' is not one of low, medium, high");
      if (r) event.reliability = *r;
    } else if (key == "sources") {
      if (v.IsScalar()) {
        event.sources.push_back(v.Scalar());
      } else if (v.IsSequence()) {
        for (const auto& s : v)
          if (auto text = scalar(s, "sources")) event.sources.push_back(*text);
      } else {
        error(v, "'sources' must be a list of URLs");
      }
    } else {
      error(entry.first, "unknown key '" + key + "'" + util::did_you_mean(key, kEventKeys));
    }
  }
  for (const char* required : {"id", "date", "kind"}) {
    if (!node[required]) error(node, std::string("missing '") + required + "'");
  }
  if (node["date"] && event.end && *event.end < event.date) {
    error(node["end"], "'end' " + core::format_date(*event.end) + " is before 'date' " +
                           core::format_date(event.date));
  }
  event.known_on = known_on.value_or(event.date);
  if (m_out.errors.size() != errors_before) return std::nullopt;
  return event;
}

void Reader::read_document(const YAML::Node& root) {
  YAML::Node list;
  if (root.IsSequence()) {
    list = root;
  } else if (root.IsMap()) {
    for (const auto& entry : root) {
      const std::string key = entry.first.Scalar();
      if (key == "events") {
        list = entry.second;
      } else if (key == "format") {
        if (!entry.second.IsScalar() || entry.second.Scalar() != "1")
          error(entry.second, "unsupported format '" + YAML::Dump(entry.second) +
                                  "' (this hindsight reads format 1)");
      } else {
        error(entry.first,
              "unknown key '" + key + "'" + util::did_you_mean(key, {"events", "format"}));
      }
    }
    if (!list) {
      error(root, "missing 'events'");
      return;
    }
  } else if (root.IsNull()) {
    return;  // an empty file holds no events
  } else {
    error(root, "an events file is a map with 'events: [...]'");
    return;
  }
  if (!list.IsSequence()) {
    error(list, "'events' must be a list");
    return;
  }
  std::map<std::string, int> seen;  // id → line of its first definition
  for (const auto& node : list) {
    auto event = read_event(node);
    if (!event) continue;
    auto [it, fresh] = seen.emplace(event->id, node.Mark().line + 1);
    if (!fresh) {
      error(node["id"], "duplicate id (first defined at line " + std::to_string(it->second) + ")");
      continue;
    }
    m_out.events.push_back(std::move(*event));
  }
}

}  // namespace

bool is_valid_event_name(std::string_view name) {
  if (name.empty() || name.front() == '.' || name.back() == '.') return false;
  char previous = 0;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    if (!ok || (c == '.' && previous == '.')) return false;
    previous = c;
  }
  return true;
}

EventsFile parse_events(std::string_view text, const std::string& file) {
  Reader reader(file);
  try {
    reader.read_document(YAML::Load(std::string(text)));
  } catch (const YAML::Exception& e) {
    reader.error(e.mark, e.msg);
  }
  return reader.take();
}

EventsFile read_events_file(const std::filesystem::path& path) {
  auto text = util::read_file(path);
  if (!text) throw core::Failure("cannot read " + path.string());
  return parse_events(*text, path.string());
}

core::Result<std::pair<std::string, core::Value>> parse_attribute_argument(std::string_view text) {
  auto eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0)
    return core::make_error("--attr '" + std::string(text) + "' is not of the form key=value");
  std::string key(util::trim(text.substr(0, eq)));
  if (!is_valid_event_name(key))
    return core::make_error("attribute name '" + key +
                            "' must be lowercase letters, digits, '_' and '-'");
  std::string_view raw = util::trim(text.substr(eq + 1));
  if (raw.size() >= 2 && raw.front() == '[' && raw.back() == ']') {
    core::Value::List list;
    std::string_view inner = raw.substr(1, raw.size() - 2);
    while (!util::trim(inner).empty()) {
      auto comma = inner.find(',');
      list.push_back(core::parse_plain_scalar(util::trim(inner.substr(0, comma))));
      if (comma == std::string_view::npos) break;
      inner = inner.substr(comma + 1);
    }
    return std::pair{key, core::Value{std::move(list)}};
  }
  return std::pair{key, core::parse_plain_scalar(raw)};
}

}  // namespace hindsight::ingest
