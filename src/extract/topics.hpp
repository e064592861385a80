// The topic taxonomy (rules/topics.yaml): dotted topics with transparent word and
// phrase patterns. A text carries every topic whose patterns match. Rules select
// claims by these names, so they are shared: keep them stable.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "extract/tokens.hpp"

namespace hindsight::extract {

// A phrase matched on whole words; a trailing "*" on its last word matches any
// ending ("extend*" matches extend, extends, extension).
struct TopicPattern {
  std::string text;  // as written in the file
  std::vector<std::string> words;
  bool prefix = false;
};

// One topic: every group of `all` must have a matching pattern, and no pattern of
// `none` may match.
struct Topic {
  std::string name;  // dotted: trade.truce.extend
  std::string description;
  std::vector<std::vector<TopicPattern>> all;
  std::vector<TopicPattern> none;
};

struct Taxonomy {
  std::vector<Topic> topics;
};

// Parses rules/topics.yaml. Unknown keys, a malformed or duplicate name, a topic with
// no patterns: an Error at file:line:col.
core::Result<Taxonomy> parse_topics(std::string_view text, const std::string& file);

// Reads and parses the file; throws core::Failure when it cannot be read.
core::Result<Taxonomy> load_topics(const std::filesystem::path& path);

// The names of every topic that matches `tokens`, in taxonomy order.
std::vector<std::string> match_topics(const Taxonomy& taxonomy, const std::vector<Token>& tokens);

// The same for a text (tokenized here).
std::vector<std::string> match_topics(const Taxonomy& taxonomy, std::string_view text);

}  // namespace hindsight::extract
