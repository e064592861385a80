#include "ingest/jsonl.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "ingest/metadata_yaml.hpp"
#include "util/text.hpp"

namespace hindsight::ingest {

namespace {

using nlohmann::json;

const std::vector<std::string> kKeys{"text",   "outlet",    "title",          "url",
                                     "author", "published", "published_basis"};

// The column of "key" in the line, for errors about a key or its value.
int column_of(std::string_view line, const std::string& key) {
  auto pos = line.find('"' + key + '"');
  return pos == std::string_view::npos ? 1 : static_cast<int>(pos) + 1;
}

core::Result<core::Article> read_line(std::string_view line, const std::string& file, int number,
                                      const Metadata* manifest, const ReadOptions& options) {
  auto error = [&](std::string message, int column) {
    return core::make_error(std::move(message), file, number, column);
  };
  json j;
  try {
    j = json::parse(line);
  } catch (const json::parse_error& e) {
    // nlohmann's message is "[json.exception.parse_error.101] parse error at line 1,
    // column 5: syntax error …": keep what follows the position.
    std::string what = e.what();
    auto colon = what.find(": ", what.find("column"));
    return error("invalid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2)),
                 static_cast<int>(std::max<std::size_t>(e.byte, 1)));
  }
  if (!j.is_object()) return error("a line is a JSON object with \"text\"", 1);
  Metadata own;
  std::string text;
  for (const auto& [key, value] : j.items()) {
    int column = column_of(line, key);
    if (std::find(kKeys.begin(), kKeys.end(), key) == kKeys.end()) {
      return error("unknown key '" + key +
                       "' (expected text, outlet, title, url, author, published, "
                       "published_basis)",
                   column);
    }
    if (value.is_null()) continue;
    if (!value.is_string()) return error(key + ": expected a string", column);
    auto s = value.get<std::string>();
    if (key == "text") text = s;
    if (key == "outlet") own.outlet = s;
    if (key == "title") own.title = s;
    if (key == "url") own.url = s;
    if (key == "author") own.author = s;
    if (key == "published") {
      auto date = parse_published(s);
      if (!date) return error(date.error().message, column);
      own.published = *date;
    }
    if (key == "published_basis") {
      auto basis = core::published_basis_from_string(s);
      if (!basis || *basis == core::PublishedBasis::Unknown)
        return error("published_basis: '" + s + "' is not one of given, stated, inferred", column);
      own.published_basis = basis;
    }
  }
  if (util::trim(text).empty()) return error("the article has no \"text\"", 1);
  return build_article(std::move(text), 0, file + ":" + std::to_string(number), false, own,
                       manifest, options, {});
}

}  // namespace

std::vector<core::Result<core::Article>> read_json_lines(std::string_view text,
                                                         const std::string& file,
                                                         const Metadata* manifest,
                                                         const ReadOptions& options) {
  std::vector<core::Result<core::Article>> out;
  std::size_t pos = 0;
  int number = 0;
  while (pos < text.size()) {
    auto nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    auto line = text.substr(pos, nl - pos);
    ++number;
    pos = nl + 1;
    if (util::trim(line).empty()) continue;
    out.push_back(read_line(line, file, number, manifest, options));
  }
  return out;
}

}  // namespace hindsight::ingest
