#include "extract/topics.hpp"

#include <algorithm>
#include <regex>
#include <string_view>

#include "core/failure.hpp"
#include "extract/yaml_reader.hpp"
#include "util/file.hpp"

namespace hindsight::extract {

namespace {

core::Result<TopicPattern> parse_pattern(const YAML::Node& node, const std::string& file) {
  auto text = yaml::string_value(node, file, "pattern");
  if (!text) return text.error();
  TopicPattern p;
  p.text = *text;
  std::string body = *text;
  if (!body.empty() && body.back() == '*') {
    p.prefix = true;
    body.pop_back();
  }
  p.words = phrase_words(body);
  if (p.words.empty()) return yaml::error_at(node, file, "empty pattern '" + *text + "'");
  return p;
}

core::Result<std::vector<TopicPattern>> parse_group(const YAML::Node& node,
                                                    const std::string& file) {
  std::vector<TopicPattern> out;
  if (!node.IsSequence() && !node.IsScalar())
    return yaml::error_at(node, file, "a pattern group must be a list of phrases");
  if (node.IsScalar()) {
    auto p = parse_pattern(node, file);
    if (!p) return p.error();
    out.push_back(*p);
    return out;
  }
  for (const auto& item : node) {
    auto p = parse_pattern(item, file);
    if (!p) return p.error();
    out.push_back(*p);
  }
  return out;
}

core::Result<Topic> parse_topic(const YAML::Node& node, const std::string& file) {
  if (auto st =
          yaml::check_keys(node, file, "topic", {"name", "description", "all", "any", "none"});
      !st)
    return st.error();
  if (!node["name"]) return yaml::error_at(node, file, "a topic needs a 'name'");
  Topic t;
  auto name = yaml::string_value(node["name"], file, "name");
  if (!name) return name.error();
  static const std::regex kName(R"([a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*)");
  if (!std::regex_match(*name, kName))
    return yaml::error_at(
        node["name"], file,
        "topic name '" + *name + "' must be dotted lowercase words (like trade.truce.extend)");
  t.name = *name;
  if (node["description"]) t.description = node["description"].as<std::string>("");
  if (auto any = node["any"]) {
    auto g = parse_group(any, file);
    if (!g) return g.error();
    t.all.push_back(*g);
  }
  if (auto all = node["all"]) {
    if (!all.IsSequence()) return yaml::error_at(all, file, "'all' must be a list of groups");
    for (const auto& group : all) {
      auto g = parse_group(group, file);
      if (!g) return g.error();
      t.all.push_back(*g);
    }
  }
  if (t.all.empty())
    return yaml::error_at(node, file, "topic '" + t.name + "' has no 'all' or 'any' patterns");
  if (auto none = node["none"]) {
    auto g = parse_group(none, file);
    if (!g) return g.error();
    t.none = *g;
  }
  return t;
}

// The pattern's words from token i on (the last as a prefix when it says so).
bool matches_at(const TopicPattern& p, const std::vector<Token>& tokens, std::size_t i) {
  if (i + p.words.size() > tokens.size()) return false;
  for (std::size_t w = 0; w < p.words.size(); ++w) {
    bool last = w + 1 == p.words.size();
    const auto& lower = tokens[i + w].lower;
    if (!((last && p.prefix) ? lower.starts_with(p.words[w]) : lower == p.words[w])) return false;
  }
  return true;
}

// The tokens of a clause sorted by their lowercase text: a pattern is tried only at
// the tokens its first word can match (hundreds of patterns, a few dozen tokens).
class TokenIndex {
 public:
  explicit TokenIndex(const std::vector<Token>& tokens) : m_tokens(tokens) {
    m_sorted.reserve(tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) m_sorted.push_back({tokens[i].lower, i});
    std::sort(m_sorted.begin(), m_sorted.end());
  }

  // True when `p` matches somewhere in the tokens.
  bool matches(const TopicPattern& p) const {
    if (p.words.empty()) return !m_tokens.empty();  // as the scan it replaces
    const std::string_view first = p.words[0];
    const bool prefix = p.prefix && p.words.size() == 1;
    auto it = std::lower_bound(m_sorted.begin(), m_sorted.end(), Entry{first, 0});
    for (; it != m_sorted.end(); ++it) {
      if (prefix ? !it->lower.starts_with(first) : it->lower != first) break;
      if (matches_at(p, m_tokens, it->index)) return true;
    }
    return false;
  }

 private:
  struct Entry {
    std::string_view lower;
    std::size_t index;
    bool operator<(const Entry& o) const {
      return lower < o.lower || (lower == o.lower && index < o.index);
    }
  };
  const std::vector<Token>& m_tokens;
  std::vector<Entry> m_sorted;
};

}  // namespace

core::Result<Taxonomy> parse_topics(std::string_view text, const std::string& file) {
  auto root = yaml::parse(text, file);
  if (!root) return root.error();
  if (auto st = yaml::check_format(*root, file); !st) return st.error();
  if (auto st = yaml::check_keys(*root, file, "the topic taxonomy", {"format", "topics"}); !st)
    return st.error();
  auto topics = (*root)["topics"];
  if (!topics || !topics.IsSequence())
    return yaml::error_at(*root, file, "'topics' must be a list");
  Taxonomy tax;
  for (const auto& node : topics) {
    auto t = parse_topic(node, file);
    if (!t) return t.error();
    for (const auto& other : tax.topics)
      if (other.name == t->name)
        return yaml::error_at(node["name"], file, "duplicate topic '" + t->name + "'");
    tax.topics.push_back(std::move(*t));
  }
  return tax;
}

core::Result<Taxonomy> load_topics(const std::filesystem::path& path) {
  auto text = util::read_file(path);
  if (!text) throw core::Failure("cannot read the topic taxonomy " + path.string());
  return parse_topics(*text, path.string());
}

std::vector<std::string> match_topics(const Taxonomy& taxonomy, const std::vector<Token>& tokens) {
  TokenIndex index(tokens);
  auto matches = [&](const TopicPattern& p, const std::vector<Token>&) { return index.matches(p); };
  std::vector<std::string> out;
  for (const auto& topic : taxonomy.topics) {
    bool ok = true;
    for (const auto& group : topic.all) {
      bool any = false;
      for (const auto& p : group) any = any || matches(p, tokens);
      ok = ok && any;
      if (!ok) break;
    }
    for (const auto& p : topic.none) ok = ok && !matches(p, tokens);
    if (ok) out.push_back(topic.name);
  }
  return out;
}

std::vector<std::string> match_topics(const Taxonomy& taxonomy, std::string_view text) {
  return match_topics(taxonomy, tokenize(text));
}

}  // namespace hindsight::extract
