// Small helpers for the extraction's YAML files (lexicon, topics): typed reads that
// turn every mistake into a core::Error at the file:line:col of the offending node.
#pragma once

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace hindsight::extract::yaml {

// Reads YAML from `text`; a syntax error becomes an Error at its location.
core::Result<YAML::Node> parse(std::string_view text, const std::string& file);

// An Error located at `node` (yaml-cpp marks are 0-based; ours are 1-based).
core::Error error_at(const YAML::Node& node, const std::string& file, const std::string& message);

// Checks that `map` is a mapping whose keys are all in `known`; the first unknown key
// is an Error at the key, naming what `what` is and the keys it may have.
core::Status check_keys(const YAML::Node& map, const std::string& file, std::string_view what,
                        std::initializer_list<std::string_view> known);

// The list of strings at `node` (a scalar counts as a one-element list).
core::Result<std::vector<std::string>> string_list(const YAML::Node& node, const std::string& file,
                                                   std::string_view key);

// The string at `node`, or an Error when it is not a scalar.
core::Result<std::string> string_value(const YAML::Node& node, const std::string& file,
                                       std::string_view key);

// The number at `node`, or an Error when it is not one.
core::Result<double> number_value(const YAML::Node& node, const std::string& file,
                                  std::string_view key);

// `format: 1` at the top of `root`, or an Error.
core::Status check_format(const YAML::Node& root, const std::string& file);

}  // namespace hindsight::extract::yaml
