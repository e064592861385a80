#include "ingest/ledger_yaml.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <initializer_list>
#include <nlohmann/json.hpp>

#include "core/failure.hpp"
#include "util/file.hpp"

namespace hindsight::ingest {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kMarker = "ledger.yaml";

// Reads one file, collecting every error instead of stopping at the first.
class Reader {
 public:
  Reader(std::string file, std::vector<core::Error>& errors)
      : m_file(std::move(file)), m_errors(errors) {}

  void error(const YAML::Mark& m, const std::string& message) {
    m_errors.push_back(core::make_error(message, m_file, m.line + 1, m.column + 1));
  }

  core::Location where(const YAML::Node& n) const {
    return core::Location{m_file, n.Mark().line + 1, n.Mark().column + 1};
  }

  // Errors for keys of the map `n` that are not in `allowed`; false when `n` is not
  // a map at all.
  bool keys(const YAML::Node& n, std::initializer_list<std::string_view> allowed,
            std::string_view what) {
    if (!n.IsMap()) {
      error(n.Mark(), "expected " + std::string(what) + " as a mapping");
      return false;
    }
    for (const auto& kv : n) {
      auto key = kv.first.as<std::string>();
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
        error(kv.first.Mark(), "unknown key '" + key + "' in " + std::string(what));
    }
    return true;
  }

  std::optional<std::string> text(const YAML::Node& map, const char* key, bool required,
                                  std::string_view what) {
    const YAML::Node n = map[key];
    if (!n) {
      if (required) error(map.Mark(), "missing '" + std::string(key) + "' in " + std::string(what));
      return std::nullopt;
    }
    if (!n.IsScalar()) {
      error(n.Mark(), "'" + std::string(key) + "' must be text");
      return std::nullopt;
    }
    return n.Scalar();
  }

  std::optional<core::Date> date(const YAML::Node& map, const char* key, bool required,
                                 std::string_view what) {
    auto s = text(map, key, required, what);
    if (!s) return std::nullopt;
    auto d = core::parse_date(*s);
    if (!d) {
      error(map[key].Mark(), d.error().message);
      return std::nullopt;
    }
    return *d;
  }

  std::optional<double> number(const YAML::Node& map, const char* key) {
    auto s = text(map, key, false, "");
    if (!s) return std::nullopt;
    double x = 0;
    auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), x);
    if (ec != std::errc() || end != s->data() + s->size()) {
      error(map[key].Mark(), "'" + *s + "' is not a number");
      return std::nullopt;
    }
    return x;
  }

  template <class E>
  E choice(const YAML::Node& map, const char* key, std::optional<E> (*parse)(std::string_view),
           E fallback, std::string_view what) {
    auto s = text(map, key, true, what);
    if (!s) return fallback;
    auto v = parse(*s);
    if (!v) {
      error(map[key].Mark(), "'" + *s + "' is not a valid " + std::string(key));
      return fallback;
    }
    return *v;
  }

  std::vector<std::string> strings(const YAML::Node& map, const char* key) {
    std::vector<std::string> out;
    const YAML::Node n = map[key];
    if (!n) return out;
    if (!n.IsSequence()) {
      error(n.Mark(), "'" + std::string(key) + "' must be a list");
      return out;
    }
    for (const auto& item : n) {
      if (item.IsScalar())
        out.push_back(item.Scalar());
      else
        error(item.Mark(), "'" + std::string(key) + "' must list text");
    }
    return out;
  }

  core::Span span(const YAML::Node& map, const char* key, std::string_view what) {
    const YAML::Node n = map[key];
    if (!n) {
      error(map.Mark(), "missing '" + std::string(key) + "' in " + std::string(what));
      return {};
    }
    std::size_t a = 0, b = 0;
    if (!n.IsSequence() || n.size() != 2 || !YAML::convert<std::size_t>::decode(n[0], a) ||
        !YAML::convert<std::size_t>::decode(n[1], b) || b < a) {
      error(n.Mark(), "'" + std::string(key) + "' must be [start, end] byte offsets");
      return {};
    }
    return core::Span{a, b};
  }

  // A YAML structure back to the JSON text it was written from: quoted scalars are
  // strings, plain ones JSON literals (numbers, true, false, null).
  json to_json(const YAML::Node& n) {
    if (n.IsMap()) {
      json j = json::object();
      for (const auto& kv : n) j[kv.first.as<std::string>()] = to_json(kv.second);
      return j;
    }
    if (n.IsSequence()) {
      json j = json::array();
      for (const auto& item : n) j.push_back(to_json(item));
      return j;
    }
    if (n.IsNull()) return nullptr;
    if (n.Tag() == "!") return n.Scalar();
    json j = json::parse(n.Scalar(), nullptr, false);
    return j.is_discarded() || j.is_structured() ? json(n.Scalar()) : j;
  }

  const std::string& file() const { return m_file; }

 private:
  std::string m_file;
  std::vector<core::Error>& m_errors;
};

core::Article read_article(Reader& r, const YAML::Node& n) {
  core::Article a;
  if (!r.keys(n, {"id", "outlet", "title", "url", "published", "source"}, "the article")) return a;
  a.id = r.text(n, "id", true, "the article").value_or("");
  a.outlet = r.text(n, "outlet", false, "").value_or("");
  a.title = r.text(n, "title", false, "").value_or("");
  a.url = r.text(n, "url", false, "").value_or("");
  a.published = r.date(n, "published", false, "");
  a.source = r.text(n, "source", false, "").value_or("");
  return a;
}

void read_deadline(Reader& r, const YAML::Node& n, core::Deadline& d) {
  if (!n || !r.keys(n, {"start", "end", "phrase", "basis"}, "a deadline")) return;
  d.start = r.date(n, "start", false, "");
  d.end = r.date(n, "end", false, "");
  d.phrase = r.text(n, "phrase", false, "").value_or("");
  d.basis = r.choice(n, "basis", core::deadline_basis_from_string, core::DeadlineBasis::None,
                     "a deadline");
}

void read_claim_body(Reader& r, const YAML::Node& n, core::Claim& c) {
  for (const auto& a : n["appearances"]) {
    if (!r.keys(a, {"article", "span", "raw_span"}, "an appearance")) continue;
    core::Appearance app{r.text(a, "article", true, "an appearance").value_or(""),
                         r.span(a, "span", "an appearance"), std::nullopt};
    if (a["raw_span"]) app.raw = r.span(a, "raw_span", "an appearance");
    c.appearances.push_back(std::move(app));
  }
  if (const YAML::Node s = n["speaker"]) {
    if (r.keys(s, {"name", "basis", "role"}, "a speaker")) {
      c.speaker = core::Speaker{r.text(s, "name", true, "a speaker").value_or(""),
                                r.choice(s, "basis", core::speaker_basis_from_string,
                                         core::SpeakerBasis::Outlet, "a speaker"),
                                r.text(s, "role", false, "").value_or("")};
    }
  }
  read_deadline(r, n["deadline"], c.deadline);
  for (const auto& p : n["parts"]) {
    if (!r.keys(p, {"text", "probability", "topics"}, "a part")) continue;
    c.parts.push_back(core::ClaimPart{r.text(p, "text", true, "a part").value_or(""),
                                      r.number(p, "probability"), r.strings(p, "topics")});
  }
}

core::ReviewEntry read_review(Reader& r, const YAML::Node& n) {
  core::ReviewEntry e;
  if (!r.keys(n, {"action", "by", "at", "changes"}, "a review")) return e;
  e.action = r.text(n, "action", true, "a review").value_or("");
  e.by = r.text(n, "by", true, "a review").value_or("");
  e.at = r.text(n, "at", true, "a review").value_or("");
  e.changes = n["changes"] ? r.to_json(n["changes"]).dump() : "{}";
  return e;
}

core::Resolution read_resolution(Reader& r, const YAML::Node& n, const std::string& claim) {
  core::Resolution res;
  res.claim = claim;
  const char* what = "a resolution";
  if (!r.keys(
          n,
          {"outcome", "credit", "state", "as_of", "by", "recorded_at", "evidence", "note", "trace"},
          what))
    return res;
  res.outcome = r.choice(n, "outcome", core::outcome_from_string, core::Outcome::Ambiguous, what);
  res.credit = r.number(n, "credit");
  res.state = r.choice(n, "state", core::resolution_state_from_string,
                       core::ResolutionState::Proposed, what);
  if (res.state == core::ResolutionState::Superseded)
    r.error(n["state"].Mark(), "'superseded' is computed, not stored: write 'confirmed'");
  res.as_of = r.date(n, "as_of", true, what).value_or(core::Date{});
  res.by = r.text(n, "by", true, what).value_or("");
  res.recorded_at = r.text(n, "recorded_at", true, what).value_or("");
  res.evidence = r.strings(n, "evidence");
  res.note = r.text(n, "note", false, "").value_or("");
  res.trace = n["trace"] ? r.to_json(n["trace"]).dump() : "{}";
  return res;
}

core::LedgerClaim read_claim(Reader& r, const YAML::Node& n, const std::string& article) {
  core::LedgerClaim lc;
  lc.where = r.where(n);
  core::Claim& c = lc.claim;
  const char* what = "a claim";
  if (!r.keys(n,
              {"id", "kind", "review", "text", "span", "appearances", "speaker", "stated_on", "cue",
               "probability", "probability_basis", "deadline", "condition", "duration",
               "proposition", "topics", "parts", "reviews", "resolutions"},
              what))
    return lc;
  c.id = r.text(n, "id", true, what).value_or("");
  c.article = article;
  c.kind = r.choice(n, "kind", core::claim_kind_from_string, core::ClaimKind::Prediction, what);
  c.review = r.choice(n, "review", core::review_from_string, core::Review::Candidate, what);
  c.text = r.text(n, "text", true, what).value_or("");
  c.span = r.span(n, "span", what);
  c.stated_on = r.date(n, "stated_on", true, what).value_or(core::Date{});
  c.cue = r.text(n, "cue", false, "").value_or("");
  c.probability = r.number(n, "probability");
  c.probability_basis = r.choice(n, "probability_basis", core::probability_basis_from_string,
                                 core::ProbabilityBasis::Default, what);
  c.condition = r.text(n, "condition", false, "");
  c.duration = r.text(n, "duration", false, "");
  c.proposition = r.text(n, "proposition", false, "").value_or("");
  c.topics = r.strings(n, "topics");
  read_claim_body(r, n, c);
  for (const auto& rv : n["reviews"]) lc.reviews.push_back(read_review(r, rv));
  for (const auto& rs : n["resolutions"]) lc.resolutions.push_back(read_resolution(r, rs, c.id));
  return lc;
}

}  // namespace

bool is_ledger_folder(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir, ec) && fs::is_regular_file(dir / kMarker, ec);
}

void parse_ledger_file(std::string_view text, const std::string& file, LedgerRead& out) {
  std::size_t before = out.errors.size();
  Reader r(file, out.errors);
  YAML::Node doc;
  try {
    doc = YAML::Load(std::string(text));
  } catch (const YAML::ParserException& e) {
    r.error(e.mark, e.msg);
    return;
  }
  if (!r.keys(doc, {"format", "article", "claims"}, "a ledger file")) return;
  if (!doc["format"] || doc["format"].Scalar() != "1")
    r.error(doc["format"] ? doc["format"].Mark() : doc.Mark(), "expected 'format: 1'");
  core::LedgerArticle la;
  la.where = r.where(doc);
  if (doc["article"])
    la.article = read_article(r, doc["article"]);
  else
    r.error(doc.Mark(), "missing 'article' in a ledger file");
  if (const YAML::Node claims = doc["claims"]; claims && !claims.IsSequence())
    r.error(claims.Mark(), "'claims' must be a list");
  for (const auto& c : doc["claims"]) la.claims.push_back(read_claim(r, c, la.article.id));
  if (out.errors.size() == before) out.articles.push_back(std::move(la));
}

LedgerRead read_ledger_folder(const fs::path& dir) {
  LedgerRead out;
  auto marker = util::read_file(dir / kMarker);
  if (!marker) throw core::Failure("cannot read " + (dir / kMarker).string());
  Reader r((dir / kMarker).string(), out.errors);
  YAML::Node doc;
  try {
    doc = YAML::Load(*marker);
  } catch (const YAML::ParserException& e) {
    r.error(e.mark, e.msg);
    return out;
  }
  if (!doc.IsMap() || !doc["format"] || doc["format"].Scalar() != "1") {
    r.error(doc.Mark(), "expected 'format: 1' (a ledger written by this hindsight)");
    return out;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml" &&
        entry.path().filename() != kMarker)
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    auto text = util::read_file(f);
    if (!text) throw core::Failure("cannot read " + f.string());
    parse_ledger_file(*text, f.string(), out);
  }
  return out;
}

}  // namespace hindsight::ingest
