#include "extract/lexicon.hpp"

#include "core/failure.hpp"
#include "extract/yaml_reader.hpp"
#include "util/file.hpp"

namespace hindsight::extract {

namespace {

using core::Status;

// Reads `key` of `root` as a string list into `out` (absent keys leave it empty).
Status read_list(const YAML::Node& root, const char* key, const std::string& file,
                 std::vector<std::string>& out) {
  auto list = yaml::string_list(root[key], file, key);
  if (!list) return list.error();
  out = std::move(*list);
  return core::ok_status();
}

core::Result<CueRole> parse_role(const YAML::Node& node, const std::string& file) {
  auto text = yaml::string_value(node, file, "role");
  if (!text) return text.error();
  static const std::pair<const char*, CueRole> kRoles[] = {
      {"modal", CueRole::Modal},         {"expectation", CueRole::Expectation},
      {"intention", CueRole::Intention}, {"hedge", CueRole::Hedge},
      {"adverb", CueRole::Adverb},       {"frame", CueRole::Frame}};
  for (const auto& [name, role] : kRoles)
    if (*text == name) return role;
  return yaml::error_at(
      node, file,
      "unknown role '" + *text + "' (known: modal, expectation, intention, hedge, adverb, frame)");
}

// One entry of `cues:`.
core::Result<Cue> parse_cue(const YAML::Node& node, const std::string& file) {
  if (auto st = yaml::check_keys(
          node, file, "cue",
          {"label", "phrases", "point", "band", "role", "negative", "source", "note"});
      !st)
    return st.error();
  Cue cue;
  for (const char* key : {"label", "phrases", "point", "band", "role", "source"})
    if (!node[key]) return yaml::error_at(node, file, std::string("cue is missing '") + key + "'");
  auto label = yaml::string_value(node["label"], file, "label");
  if (!label) return label.error();
  cue.label = *label;
  auto phrases = yaml::string_list(node["phrases"], file, "phrases");
  if (!phrases) return phrases.error();
  cue.phrases = *phrases;
  auto point = yaml::number_value(node["point"], file, "point");
  if (!point) return point.error();
  cue.point = *point;
  auto band = node["band"];
  if (!band.IsSequence() || band.size() != 2)
    return yaml::error_at(band, file, "'band' must be [low, high]");
  auto low = yaml::number_value(band[0], file, "band");
  if (!low) return low.error();
  auto high = yaml::number_value(band[1], file, "band");
  if (!high) return high.error();
  cue.low = *low;
  cue.high = *high;
  auto role = parse_role(node["role"], file);
  if (!role) return role.error();
  cue.role = *role;
  if (cue.role != CueRole::Frame &&
      (cue.low < 0 || cue.high > 1 || cue.low > cue.point || cue.point > cue.high))
    return yaml::error_at(
        band, file, "cue '" + cue.label + "': the band must lie in [0, 1] and hold the point");
  if (node["negative"]) cue.negative = node["negative"].as<bool>(false);
  auto source = yaml::string_value(node["source"], file, "source");
  if (!source) return source.error();
  cue.source = *source;
  if (node["note"]) cue.note = node["note"].as<std::string>("");
  return cue;
}

}  // namespace

const char* to_string(CueRole role) {
  switch (role) {
    case CueRole::Modal:
      return "modal";
    case CueRole::Expectation:
      return "expectation";
    case CueRole::Intention:
      return "intention";
    case CueRole::Hedge:
      return "hedge";
    case CueRole::Adverb:
      return "adverb";
    case CueRole::Frame:
      return "frame";
  }
  return "?";
}

Status parse_cues(std::string_view text, const std::string& file, Lexicon& lexicon) {
  auto root = yaml::parse(text, file);
  if (!root) return root.error();
  if (auto st = yaml::check_format(*root, file); !st) return st;
  if (auto st = yaml::check_keys(*root, file, "the cue lexicon",
                                 {"format", "cues", "not_predictions", "open_questions"});
      !st)
    return st;
  auto cues = (*root)["cues"];
  if (!cues || !cues.IsSequence()) return yaml::error_at(*root, file, "'cues' must be a list");
  lexicon.cues.clear();
  for (const auto& node : cues) {
    auto cue = parse_cue(node, file);
    if (!cue) return cue.error();
    lexicon.cues.push_back(std::move(*cue));
  }
  if (auto st = read_list(*root, "not_predictions", file, lexicon.not_predictions); !st) return st;
  return read_list(*root, "open_questions", file, lexicon.open_questions);
}

Status parse_reporting_verbs(std::string_view text, const std::string& file, Lexicon& lexicon) {
  auto root = yaml::parse(text, file);
  if (!root) return root.error();
  if (auto st = yaml::check_format(*root, file); !st) return st;
  if (auto st = yaml::check_keys(*root, file, "the reporting verbs",
                                 {"format", "reported", "attributed", "phrases"});
      !st)
    return st;
  if (auto st = read_list(*root, "reported", file, lexicon.reported_verbs); !st) return st;
  if (auto st = read_list(*root, "attributed", file, lexicon.attributed_verbs); !st) return st;
  return read_list(*root, "phrases", file, lexicon.attribution_phrases);
}

Status parse_abbreviations(std::string_view text, const std::string& file, Lexicon& lexicon) {
  auto root = yaml::parse(text, file);
  if (!root) return root.error();
  if (auto st = yaml::check_format(*root, file); !st) return st;
  if (auto st = yaml::check_keys(*root, file, "the abbreviations",
                                 {"format", "never_final", "may_be_final", "openers"});
      !st)
    return st;
  if (auto st = read_list(*root, "never_final", file, lexicon.never_final); !st) return st;
  if (auto st = read_list(*root, "may_be_final", file, lexicon.may_be_final); !st) return st;
  return read_list(*root, "openers", file, lexicon.openers);
}

Status parse_speakers(std::string_view text, const std::string& file, Lexicon& lexicon) {
  auto root = yaml::parse(text, file);
  if (!root) return root.error();
  if (auto st = yaml::check_format(*root, file); !st) return st;
  if (auto st = yaml::check_keys(
          *root, file, "the speaker words",
          {"format", "titles", "title_words", "demonyms", "organization", "anonymous", "people"});
      !st)
    return st;
  if (auto st = read_list(*root, "titles", file, lexicon.titles); !st) return st;
  if (auto st = read_list(*root, "title_words", file, lexicon.title_words); !st) return st;
  if (auto st = read_list(*root, "demonyms", file, lexicon.demonyms); !st) return st;
  if (auto st = read_list(*root, "organization", file, lexicon.organization_words); !st) return st;
  if (auto st = read_list(*root, "anonymous", file, lexicon.anonymous); !st) return st;
  lexicon.people.clear();
  auto people = (*root)["people"];
  if (!people) return core::ok_status();
  if (!people.IsSequence()) return yaml::error_at(people, file, "'people' must be a list");
  for (const auto& node : people) {
    if (auto st = yaml::check_keys(node, file, "a person", {"name", "aliases"}); !st) return st;
    if (!node["name"]) return yaml::error_at(node, file, "a person needs a 'name'");
    KnownPerson person;
    auto name = yaml::string_value(node["name"], file, "name");
    if (!name) return name.error();
    person.name = *name;
    auto aliases = yaml::string_list(node["aliases"], file, "aliases");
    if (!aliases) return aliases.error();
    person.aliases = *aliases;
    lexicon.people.push_back(std::move(person));
  }
  return core::ok_status();
}

core::Result<Lexicon> load_lexicon(const std::filesystem::path& dir) {
  Lexicon lexicon;
  using Parser = Status (*)(std::string_view, const std::string&, Lexicon&);
  const std::pair<const char*, Parser> files[] = {{"cues.yaml", parse_cues},
                                                  {"reporting-verbs.yaml", parse_reporting_verbs},
                                                  {"abbreviations.yaml", parse_abbreviations},
                                                  {"speakers.yaml", parse_speakers}};
  for (const auto& [name, parser] : files) {
    auto path = dir / name;
    auto text = util::read_file(path);
    if (!text) throw core::Failure("cannot read the lexicon file " + path.string());
    if (auto st = parser(*text, path.string(), lexicon); !st) return st.error();
  }
  return lexicon;
}

}  // namespace hindsight::extract
