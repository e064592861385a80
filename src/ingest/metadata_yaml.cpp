#include "ingest/metadata_yaml.hpp"

#include <algorithm>

namespace hindsight::ingest {

namespace {

const std::vector<std::string_view> kKeys{"outlet", "title",     "url",
                                          "author", "published", "published_basis"};

std::string expected_keys(const std::vector<std::string_view>& extra) {
  std::string out;
  for (const auto& list : {extra, kKeys}) {
    for (auto k : list) {
      if (!out.empty()) out += ", ";
      out += k;
    }
  }
  return out;
}

}  // namespace

core::Error yaml_error(const YAML::Node& node, const std::string& file, int line_offset,
                       std::string message) {
  auto mark = node.Mark();
  return core::make_error(std::move(message), file, mark.line + 1 + line_offset, mark.column + 1);
}

core::Result<core::Date> parse_published(std::string_view text) {
  auto date = core::parse_date(text);
  if (!date) return core::make_error("published: " + date.error().message);
  return *date;
}

Metadata metadata_from_yaml(const YAML::Node& map, const std::string& file, int line_offset,
                            const std::vector<std::string_view>& extra,
                            std::vector<core::Error>& errors) {
  Metadata m;
  for (const auto& kv : map) {
    auto key = kv.first.Scalar();
    const auto& value = kv.second;
    if (std::find(extra.begin(), extra.end(), key) != extra.end()) continue;
    if (std::find(kKeys.begin(), kKeys.end(), key) == kKeys.end()) {
      errors.push_back(
          yaml_error(kv.first, file, line_offset,
                     "unknown key '" + key + "' (expected " + expected_keys(extra) + ")"));
      continue;
    }
    if (value.IsNull()) continue;
    if (!value.IsScalar()) {
      errors.push_back(yaml_error(value, file, line_offset, key + ": expected a text value"));
      continue;
    }
    const auto& text = value.Scalar();
    if (key == "outlet") m.outlet = text;
    if (key == "title") m.title = text;
    if (key == "url") m.url = text;
    if (key == "author") m.author = text;
    if (key == "published") {
      auto date = parse_published(text);
      if (date)
        m.published = *date;
      else
        errors.push_back(yaml_error(value, file, line_offset, date.error().message));
    }
    if (key == "published_basis") {
      auto basis = core::published_basis_from_string(text);
      if (basis && *basis != core::PublishedBasis::Unknown)
        m.published_basis = *basis;
      else
        errors.push_back(
            yaml_error(value, file, line_offset,
                       "published_basis: '" + text + "' is not one of given, stated, inferred"));
    }
  }
  return m;
}

}  // namespace hindsight::ingest
