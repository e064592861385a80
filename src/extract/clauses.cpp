#include "extract/clauses.hpp"

namespace hindsight::extract {

namespace {

bool is(const Token& t, const char* word) {
  return t.lower == word;
}

bool is_determiner(const Token& t) {
  static const char* kWords[] = {"the",   "a",     "an",      "its",  "their",   "his",  "her",
                                 "our",   "new",   "further", "more", "any",     "some", "this",
                                 "these", "those", "that",    "all",  "several", "other"};
  for (auto* w : kWords)
    if (t.lower == w) return true;
  return false;
}

bool is_stop(const Token& t) {
  static const char* kWords[] = {"the",  "a",    "an",   "then",  "also",  "other", "more", "not",
                                 "so",   "to",   "in",   "on",    "of",    "for",   "with", "as",
                                 "that", "it",   "they", "he",    "she",   "we",    "is",   "are",
                                 "was",  "were", "will", "would", "could", "may",   "might"};
  for (auto* w : kWords)
    if (t.lower == w) return true;
  return false;
}

// True when tokens [first, last) have a marker with at least one word before it.
bool has_subject_and_marker(const std::vector<Token>& tokens, const CueFinder& cues,
                            std::size_t first, std::size_t last) {
  auto matches = cues.find(tokens, first, last);
  for (const auto& m : matches) {
    auto role = m.cue->role;
    if (role == CueRole::Modal || role == CueRole::Expectation || role == CueRole::Intention)
      return m.first > first;
  }
  return false;
}

bool opens_condition(const std::vector<Token>& tokens, std::size_t i) {
  const auto& t = tokens[i];
  if (is(t, "if") || is(t, "when") || is(t, "once") || is(t, "unless") || is(t, "provided") ||
      is(t, "assuming"))
    return true;
  if (is(t, "as") && i + 2 < tokens.size() && is(tokens[i + 1], "long") && is(tokens[i + 2], "as"))
    return true;
  return is(t, "in") && i + 2 < tokens.size() && is(tokens[i + 1], "the") &&
         is(tokens[i + 2], "event");
}

}  // namespace

std::vector<TokenRange> split_clauses(const std::vector<Token>& tokens, const CueFinder& cues) {
  std::vector<TokenRange> out;
  std::size_t start = 0;
  for (std::size_t i = 1; i + 1 < tokens.size(); ++i) {
    bool cut = false;
    std::size_t next = i + 1;
    if (tokens[i].text == ";") {
      cut = true;
    } else if (tokens[i].text == "," &&
               (is(tokens[i + 1], "while") || is(tokens[i + 1], "whereas") ||
                is(tokens[i + 1], "but"))) {
      cut = true;
      next = i + 2;
    }
    if (!cut) continue;
    if (has_subject_and_marker(tokens, cues, start, i) &&
        has_subject_and_marker(tokens, cues, next, tokens.size())) {
      out.push_back({start, i});
      start = next;
    }
  }
  out.push_back({start, tokens.size()});
  return out;
}

std::optional<TokenRange> find_condition(const std::vector<Token>& tokens, TokenRange clause) {
  // "Should the summit prove accomplished, …"
  if (clause.first < clause.last && tokens[clause.first].text == "Should") {
    for (std::size_t k = clause.first + 1; k < clause.last; ++k)
      if (tokens[k].text == ",") return TokenRange{clause.first, k};
  }
  for (std::size_t i = clause.first; i < clause.last; ++i) {
    // After a comma, a colon or "that" — also ',”' when the comma sits inside quotes.
    bool at_segment_start = i == clause.first || tokens[i - 1].text == "," ||
                            tokens[i - 1].text == ":" || tokens[i - 1].lower == "that" ||
                            (i >= 2 && tokens[i - 2].text == "," &&
                             (tokens[i - 1].text == "\xE2\x80\x9D" || tokens[i - 1].text == "\""));
    if (!at_segment_start || !opens_condition(tokens, i)) continue;
    std::size_t k = i + 1;
    while (k < clause.last && tokens[k].text != ",") ++k;
    if (k < clause.last) {
      // A condition before the main clause: needs words of its own and a rest after it.
      if (k - i >= 3 && k + 3 < clause.last) return TokenRange{i, k};
    } else if (i > clause.first + 3 && tokens[i - 1].text == "," && k - i >= 3) {
      return TokenRange{i, k};  // a trailing ", if …"
    }
  }
  return std::nullopt;
}

std::vector<TokenRange> find_parts(const std::vector<Token>& tokens, TokenRange clause,
                                   std::size_t cue) {
  std::vector<TokenRange> parts;
  // A list after "including" / "such as" / ":" with three or more comma items.
  for (std::size_t i = cue; i < clause.last; ++i) {
    bool opener = is(tokens[i], "including") || tokens[i].text == ":" ||
                  (is(tokens[i], "such") && i + 1 < clause.last && is(tokens[i + 1], "as"));
    if (!opener) continue;
    std::size_t start = i + (is(tokens[i], "such") ? 2 : 1);
    std::vector<TokenRange> items;
    std::size_t item = start;
    for (std::size_t k = start; k <= clause.last; ++k) {
      bool end = k == clause.last || tokens[k].text == "." || tokens[k].text == ",";
      if (!end) continue;
      std::size_t first = item;
      if (first < k && (is(tokens[first], "and") || is(tokens[first], "or"))) ++first;
      if (first + 2 < k && is(tokens[first], "as") && is(tokens[first + 1], "well") &&
          is(tokens[first + 2], "as"))
        first += 3;
      // A relative clause ("…, which is awaiting approval") belongs to the item before.
      bool relative = first < k && (is(tokens[first], "which") || is(tokens[first], "who") ||
                                    is(tokens[first], "where"));
      if (first < k && !relative) items.push_back({first, k});
      item = k + 1;
    }
    if (items.size() >= 3) return items;
  }
  // "A, (potentially) followed by B"
  for (std::size_t i = cue > clause.first ? clause.first : cue; i + 2 < clause.last; ++i) {
    if (tokens[i].text != ",") continue;
    std::size_t k = i + 1;
    if (k < clause.last && tokens[k].word && tokens[k].lower.ends_with("ly")) ++k;
    if (k + 1 < clause.last && is(tokens[k], "followed") && is(tokens[k + 1], "by")) {
      std::size_t first = clause.first;
      for (std::size_t c = i; c-- > clause.first;)
        if (tokens[c].text == ",") {
          first = c + 1;
          break;
        }
      std::size_t end = k + 2;
      while (end < clause.last && tokens[end].text != ",") ++end;
      parts.push_back({first, i});
      parts.push_back({i + 1, end});
      return parts;
    }
  }
  // "will discuss X and finalize the Y": a verb phrase after "and" that starts with a
  // plain word followed by a determiner.
  std::size_t verb = cue + 1;
  while (verb < clause.last && (!tokens[verb].word || tokens[verb].lower == "also" ||
                                tokens[verb].lower == "then" || tokens[verb].lower == "now"))
    ++verb;
  for (std::size_t i = verb + 1; i + 2 < clause.last; ++i) {
    if (tokens[i].text == ",") break;  // only "will V1 X and V2 Y", not a longer list
    if (!is(tokens[i], "and")) continue;
    const auto& w = tokens[i + 1];
    if (!w.word || w.capitalized || is_stop(w) || w.lower.ends_with("ly") ||
        !is_determiner(tokens[i + 2]))
      continue;
    std::size_t end = i + 2;
    while (end < clause.last && tokens[end].text != "," && tokens[end].text != ".") ++end;
    parts.push_back({verb, i});
    parts.push_back({i + 1, end});
    return parts;
  }
  return parts;
}

}  // namespace hindsight::extract
