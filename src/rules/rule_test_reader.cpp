// Reading *.test.yaml files: inline claims, events and expectations.
#include <yaml-cpp/yaml.h>

#include "core/failure.hpp"
#include "rules/rule_reader.hpp"
#include "rules/rule_tests.hpp"
#include "util/file.hpp"
#include "util/suggest.hpp"

namespace hindsight::rules {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kFileKeys{"format", "rule_files", "tests"};
const std::vector<std::string> kCaseKeys{"name", "rule", "claims", "events", "expect"};
const std::vector<std::string> kClaimKeys{"id",       "text",     "kind",      "stated_on",
                                          "deadline", "topics",   "condition", "probability",
                                          "speaker",  "duration", "parts"};
const std::vector<std::string> kDeadlineKeys{"start", "end", "phrase", "basis"};
const std::vector<std::string> kPartKeys{"text", "topics", "probability"};
const std::vector<std::string> kEventKeys{
    "id", "date", "end", "known_on", "kind", "summary", "attributes", "reliability", "sources"};
const std::vector<std::string> kExpectKeys{"as_of", "claim", "outcome", "credit", "evidence"};

class TestReader {
 public:
  TestReader(std::string file) : m_file(file), m_keys(std::move(file)) {}

  void read(const YAML::Node& root, RuleTestFile& out, const fs::path& path);
  std::vector<core::Error> errors() {
    auto out = m_keys.take_errors();
    out.insert(out.end(), m_errors.begin(), m_errors.end());
    return out;
  }

 private:
  void error(const YAML::Node& node, const std::string& message) {
    m_errors.push_back(core::Error{message, location_of(m_file, node)});
  }
  std::optional<core::Date> date(const YAML::Node& node) {
    auto d = core::parse_date(node.IsScalar() ? node.Scalar() : "");
    if (!d) error(node, d.error().message);
    return d ? std::optional(*d) : std::nullopt;
  }
  std::vector<std::string> strings(const YAML::Node& node) {
    std::vector<std::string> out;
    if (node.IsScalar()) return {node.Scalar()};
    for (const auto& item : node) out.push_back(item.Scalar());
    return out;
  }
  std::optional<double> number(const YAML::Node& node) {
    double v = 0;
    if (!node.IsScalar() || !YAML::convert<double>::decode(node, v)) {
      error(node, "expected a number");
      return std::nullopt;
    }
    return v;
  }
  core::Value value(const YAML::Node& node);
  std::optional<core::Claim> claim(const YAML::Node& node);
  std::optional<core::Event> event(const YAML::Node& node);
  std::optional<Expectation> expectation(const YAML::Node& node);

  std::string m_file;
  RuleReader m_keys;  // for check_keys and its did-you-mean hints
  std::vector<core::Error> m_errors;
};

core::Value TestReader::value(const YAML::Node& node) {
  if (node.IsSequence()) {
    core::Value::List list;
    for (const auto& item : node) list.push_back(value(item));
    return core::Value{std::move(list)};
  }
  if (node.IsMap() && node["value"] && node["unit"]) {
    return core::Value{core::Quantity{node["value"].as<double>(), node["unit"].Scalar()}};
  }
  if (!node.IsScalar()) return {};
  if (node.Tag() == "!") return core::Value{node.Scalar()};
  return core::parse_plain_scalar(node.Scalar());
}

std::optional<core::Claim> TestReader::claim(const YAML::Node& node) {
  if (!m_keys.check_keys(node, kClaimKeys, "a test claim")) return std::nullopt;
  core::Claim c;
  for (const char* required : {"id", "stated_on"})
    if (!node[required]) error(node, std::string("a test claim needs '") + required + "'");
  if (!node["id"] || !node["stated_on"]) return std::nullopt;
  c.id = node["id"].Scalar();
  c.text = node["text"] ? node["text"].Scalar() : c.id;
  if (const auto k = node["kind"]) {
    auto kind = core::claim_kind_from_string(k.Scalar());
    if (!kind) error(k, "kind '" + k.Scalar() + "' is not prediction or factual");
    c.kind = kind.value_or(core::ClaimKind::Prediction);
  }
  if (auto d = date(node["stated_on"])) c.stated_on = *d;
  if (const auto d = node["deadline"]; d && m_keys.check_keys(d, kDeadlineKeys, "a deadline")) {
    if (d["start"]) c.deadline.start = date(d["start"]);
    if (d["end"]) c.deadline.end = date(d["end"]);
    if (d["phrase"]) c.deadline.phrase = d["phrase"].Scalar();
    c.deadline.basis = c.deadline.end ? core::DeadlineBasis::Stated : core::DeadlineBasis::Default;
    if (const auto b = d["basis"]) {
      auto basis = core::deadline_basis_from_string(b.Scalar());
      if (!basis) error(b, "basis '" + b.Scalar() + "' is not stated, inferred, default or none");
      c.deadline.basis = basis.value_or(c.deadline.basis);
    }
  }
  if (node["topics"]) c.topics = strings(node["topics"]);
  if (node["condition"]) c.condition = node["condition"].Scalar();
  if (node["probability"]) c.probability = number(node["probability"]);
  if (node["speaker"]) {
    core::Speaker speaker;
    speaker.name = node["speaker"].Scalar();
    c.speaker = speaker;
  }
  if (node["duration"]) c.duration = node["duration"].Scalar();
  if (const auto parts = node["parts"]) {
    for (const auto& p : parts) {
      if (!m_keys.check_keys(p, kPartKeys, "a claim part")) continue;
      core::ClaimPart part;
      part.text = p["text"] ? p["text"].Scalar() : "";
      if (p["topics"]) part.topics = strings(p["topics"]);
      if (p["probability"]) part.probability = number(p["probability"]);
      c.parts.push_back(std::move(part));
    }
  }
  return c;
}

std::optional<core::Event> TestReader::event(const YAML::Node& node) {
  if (!m_keys.check_keys(node, kEventKeys, "a test event")) return std::nullopt;
  for (const char* required : {"id", "date", "kind"})
    if (!node[required]) error(node, std::string("a test event needs '") + required + "'");
  if (!node["id"] || !node["date"] || !node["kind"]) return std::nullopt;
  core::Event e;
  e.id = node["id"].Scalar();
  e.kind = node["kind"].Scalar();
  if (auto d = date(node["date"])) e.date = *d;
  e.known_on = e.date;
  if (node["end"]) e.end = date(node["end"]);
  if (node["known_on"])
    if (auto d = date(node["known_on"])) e.known_on = *d;
  if (node["summary"]) e.summary = node["summary"].Scalar();
  if (node["sources"]) e.sources = strings(node["sources"]);
  if (const auto a = node["attributes"]) {
    for (const auto& entry : a) e.attributes[entry.first.Scalar()] = value(entry.second);
  }
  return e;
}

std::optional<Expectation> TestReader::expectation(const YAML::Node& node) {
  if (!m_keys.check_keys(node, kExpectKeys, "an expectation")) return std::nullopt;
  for (const char* required : {"as_of", "claim", "outcome"})
    if (!node[required]) error(node, std::string("an expectation needs '") + required + "'");
  if (!node["as_of"] || !node["claim"] || !node["outcome"]) return std::nullopt;
  Expectation x;
  x.location = location_of(m_file, node);
  if (auto d = date(node["as_of"])) x.as_of = *d;
  x.claim = node["claim"].Scalar();
  x.outcome = node["outcome"].Scalar();
  if (x.outcome != "pending" && !core::outcome_from_string(x.outcome))
    error(node["outcome"],
          "outcome '" + x.outcome + "' is not pending, true, false, partial, void or ambiguous");
  if (node["credit"]) x.credit = number(node["credit"]);
  if (node["evidence"]) x.evidence = strings(node["evidence"]);
  return x;
}

void TestReader::read(const YAML::Node& root, RuleTestFile& out, const fs::path& path) {
  if (!m_keys.check_keys(root, kFileKeys, "a rule test file")) return;
  if (const auto files = root["rule_files"]) {
    for (const auto& f : strings(files)) out.rule_files.push_back(path.parent_path() / f);
  } else {
    std::string name = path.filename().string();
    auto stem = name.substr(0, name.size() - std::string(".test.yaml").size());
    out.rule_files.push_back(path.parent_path() / (stem + ".yaml"));
  }
  const auto tests = root["tests"];
  if (!tests || !tests.IsSequence()) {
    error(tests ? tests : root, "'tests' must be a list of test cases");
    return;
  }
  for (const auto& node : tests) {
    if (!m_keys.check_keys(node, kCaseKeys, "a test case")) continue;
    RuleTestCase tc;
    tc.location = location_of(m_file, node);
    tc.name = node["name"] ? node["name"].Scalar() : "line " + std::to_string(tc.location.line);
    if (node["rule"]) tc.rule = node["rule"].Scalar();
    for (const auto& c : node["claims"])
      if (auto parsed = claim(c)) tc.claims.push_back(std::move(*parsed));
    for (const auto& e : node["events"])
      if (auto parsed = event(e)) tc.events.push_back(std::move(*parsed));
    for (const auto& x : node["expect"])
      if (auto parsed = expectation(x)) tc.expect.push_back(std::move(*parsed));
    out.cases.push_back(std::move(tc));
  }
}

}  // namespace

RuleTestFile parse_rule_test_file(std::string_view text, const fs::path& path) {
  RuleTestFile out;
  out.path = path.string();
  TestReader reader(out.path);
  try {
    reader.read(YAML::Load(std::string(text)), out, path);
  } catch (const YAML::Exception& e) {
    out.errors.push_back(core::make_error(e.msg, out.path, e.mark.line + 1, e.mark.column + 1));
  }
  auto errors = reader.errors();
  out.errors.insert(out.errors.end(), errors.begin(), errors.end());
  return out;
}

RuleTestFile read_rule_test_file(const fs::path& path) {
  auto text = util::read_file(path);
  if (!text) throw core::Failure("cannot read " + path.string());
  return parse_rule_test_file(*text, path);
}

}  // namespace hindsight::rules
