#include "ingest/claim_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>

namespace hindsight::ingest {

namespace {

using nlohmann::json;

// A field error thrown inside the reader and turned into a core::Error once: the
// reader has many fields and one exit is easier to keep right than many returns.
struct FieldError {
  std::string message;
  std::string key;  // whose column the error points at
};

// The reader of one parsed line.
class ClaimReader {
 public:
  explicit ClaimReader(const json& j) : m_j(j) {}

  core::Claim read() {
    core::Claim c;
    c.id = required_string("id");
    c.kind = parse_enum("kind", core::claim_kind_from_string(required_string("kind")),
                        "prediction or factual");
    c.text = required_string("text");
    c.article = required_string("article");
    c.span = span(at("span"), "span");
    c.stated_on = date("stated_on", at("stated_on")).value();
    read_speaker(c);
    c.cue = optional_string("cue").value_or("");
    read_probability(c);
    read_deadline(c);
    c.condition = optional_string("condition");
    c.duration = optional_string("duration");
    c.proposition = optional_string("proposition").value_or("");
    c.topics = strings("topics", find("topics"));
    if (auto r = optional_string("review"))
      c.review = parse_enum("review", core::review_from_string(*r),
                            "candidate, accepted, rejected or edited");
    read_parts(c);
    read_appearances(c);
    return c;
  }

 private:
  const json* find(const char* key) const {
    auto it = m_j.find(key);
    return it == m_j.end() || it->is_null() ? nullptr : &*it;
  }
  const json& at(const char* key) const {
    const json* v = find(key);
    if (!v) throw FieldError{std::string("missing \"") + key + "\"", ""};
    return *v;
  }
  std::string required_string(const char* key) const {
    auto s = optional_string(key);
    if (!s || s->empty()) throw FieldError{std::string("missing \"") + key + "\"", key};
    return *s;
  }
  std::optional<std::string> optional_string(const char* key) const {
    const json* v = find(key);
    if (!v) return std::nullopt;
    if (!v->is_string()) throw FieldError{std::string(key) + ": expected a string", key};
    return v->get<std::string>();
  }
  template <class E>
  static E parse_enum(const char* key, std::optional<E> value, const char* expected) {
    if (!value) throw FieldError{std::string(key) + ": expected " + expected, key};
    return *value;
  }
  static std::optional<core::Date> date(const std::string& key, const json& v) {
    if (!v.is_string()) throw FieldError{key + ": expected a date (YYYY-MM-DD)", key};
    auto d = core::parse_date(v.get<std::string>());
    if (!d) throw FieldError{key + ": " + d.error().message, key};
    return *d;
  }
  static core::Span span(const json& v, const std::string& key) {
    if (!v.is_array() || v.size() != 2 || !v[0].is_number_unsigned() ||
        !v[1].is_number_unsigned() || v[0].get<std::size_t>() > v[1].get<std::size_t>())
      throw FieldError{key + ": expected [start, end], byte offsets with start <= end", key};
    return {v[0].get<std::size_t>(), v[1].get<std::size_t>()};
  }
  static std::vector<std::string> strings(const char* key, const json* v) {
    std::vector<std::string> out;
    if (!v) return out;
    if (!v->is_array()) throw FieldError{std::string(key) + ": expected a list of strings", key};
    for (const auto& s : *v) {
      if (!s.is_string()) throw FieldError{std::string(key) + ": expected a list of strings", key};
      out.push_back(s.get<std::string>());
    }
    return out;
  }
  static std::optional<double> probability(const char* key, const json* v) {
    if (!v) return std::nullopt;
    if (!v->is_number() || v->get<double>() < 0 || v->get<double>() > 1)
      throw FieldError{std::string(key) + ": expected a number from 0 to 1", key};
    return v->get<double>();
  }

  void read_speaker(core::Claim& c) const {
    const json* v = find("speaker");
    if (!v) return;
    if (!v->is_object() || !(*v).contains("name") || !(*v)["name"].is_string())
      throw FieldError{"speaker: expected null or {\"name\", \"basis\", \"role\"}", "speaker"};
    core::Speaker s;
    s.name = (*v)["name"].get<std::string>();
    if (auto b = v->find("basis"); b != v->end() && !b->is_null()) {
      auto basis =
          b->is_string() ? core::speaker_basis_from_string(b->get<std::string>()) : std::nullopt;
      s.basis = parse_enum("speaker.basis", basis, "quoted, reported, attributed or outlet");
    }
    if (auto r = v->find("role"); r != v->end() && r->is_string()) s.role = r->get<std::string>();
    c.speaker = std::move(s);
  }

  void read_probability(core::Claim& c) const {
    c.probability = probability("probability", find("probability"));
    if (auto b = optional_string("probability_basis"))
      c.probability_basis = parse_enum("probability_basis", core::probability_basis_from_string(*b),
                                       "explicit, lexicon or default");
  }

  void read_deadline(core::Claim& c) const {
    const json* v = find("deadline");
    if (!v) return;
    if (!v->is_object()) throw FieldError{"deadline: expected an object", "deadline"};
    for (const char* end : {"start", "end"}) {
      auto it = v->find(end);
      if (it == v->end() || it->is_null()) continue;
      (std::string(end) == "start" ? c.deadline.start : c.deadline.end) =
          date(std::string("deadline.") + end, *it);
    }
    if (c.deadline.start && c.deadline.end && *c.deadline.end < *c.deadline.start)
      throw FieldError{"deadline: the end is before the start", "deadline"};
    if (auto p = v->find("phrase"); p != v->end() && p->is_string())
      c.deadline.phrase = p->get<std::string>();
    if (auto b = v->find("basis"); b != v->end() && !b->is_null()) {
      auto basis =
          b->is_string() ? core::deadline_basis_from_string(b->get<std::string>()) : std::nullopt;
      c.deadline.basis = parse_enum("deadline.basis", basis, "stated, inferred, default or none");
    }
  }

  void read_parts(core::Claim& c) const {
    const json* v = find("parts");
    if (!v) return;
    if (!v->is_array()) throw FieldError{"parts: expected a list", "parts"};
    for (const auto& p : *v) {
      if (!p.is_object() || !p.contains("text") || !p["text"].is_string())
        throw FieldError{"parts: each part is {\"text\", \"probability\", \"topics\"}", "parts"};
      core::ClaimPart part;
      part.text = p["text"].get<std::string>();
      auto prob = p.find("probability");
      part.probability =
          probability("parts.probability", prob == p.end() || prob->is_null() ? nullptr : &*prob);
      auto topics = p.find("topics");
      part.topics = strings("parts.topics", topics == p.end() ? nullptr : &*topics);
      c.parts.push_back(std::move(part));
    }
  }

  void read_appearances(core::Claim& c) const {
    const json* v = find("appearances");
    if (!v || v->empty()) {
      c.appearances.push_back(core::Appearance{c.article, c.span, std::nullopt});
      return;
    }
    if (!v->is_array()) throw FieldError{"appearances: expected a list", "appearances"};
    for (const auto& a : *v) {
      if (!a.is_object() || !a.contains("article") || !a["article"].is_string() ||
          !a.contains("span"))
        throw FieldError{"appearances: each is {\"article\", \"span\"}", "appearances"};
      core::Appearance app{a["article"].get<std::string>(), span(a["span"], "appearances.span"),
                           std::nullopt};
      if (auto raw = a.find("raw_span"); raw != a.end() && !raw->is_null())
        app.raw = span(*raw, "appearances.raw_span");
      c.appearances.push_back(std::move(app));
    }
  }

  const json& m_j;
};

// The column of "key" in the line, for errors about a key or its value.
int column_of(std::string_view line, const std::string& key) {
  if (key.empty()) return 1;
  auto pos = line.find('"' + key.substr(0, key.find('.')) + '"');
  return pos == std::string_view::npos ? 1 : static_cast<int>(pos) + 1;
}

}  // namespace

core::Result<core::Claim> parse_claim_json(std::string_view line, const std::string& file,
                                           int number) {
  json j;
  try {
    j = json::parse(line);
  } catch (const json::parse_error& e) {
    // Keep what follows nlohmann's "… at line 1, column 5: " prefix.
    std::string what = e.what();
    auto colon = what.find(": ", what.find("column"));
    return core::make_error(
        "invalid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2)), file,
        number, static_cast<int>(std::max<std::size_t>(e.byte, 1)));
  }
  if (!j.is_object())
    return core::make_error("a line is one claim, a JSON object", file, number, 1);
  try {
    return ClaimReader(j).read();
  } catch (const FieldError& e) {
    return core::make_error(e.message, file, number, column_of(line, e.key));
  }
}

}  // namespace hindsight::ingest
