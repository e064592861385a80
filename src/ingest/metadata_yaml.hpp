// Reading article metadata from YAML maps: a .md file's front matter and the entries
// of a manifest share their keys and their error messages.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "ingest/metadata.hpp"

namespace hindsight::ingest {

// The location of a YAML node in `file`; `line_offset` is added to its line (the
// front matter starts below the file's first line).
core::Error yaml_error(const YAML::Node& node, const std::string& file, int line_offset,
                       std::string message);

// Reads the metadata keys of the YAML map `map` (outlet, title, url, author,
// published, published_basis; null values are absent). Keys in `extra` are allowed
// and left to the caller. Appends an error with file:line:col to `errors` for every
// unknown key, non-text value, impossible date or unknown basis.
Metadata metadata_from_yaml(const YAML::Node& map, const std::string& file, int line_offset,
                            const std::vector<std::string_view>& extra,
                            std::vector<core::Error>& errors);

// Parses a published date given by a user (flag, front matter, manifest, .jsonl):
// strict ISO, and an impossible date is an error whose message names the field.
core::Result<core::Date> parse_published(std::string_view text);

}  // namespace hindsight::ingest
