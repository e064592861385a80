// Word tokens with byte offsets, and whole-word phrase matching over them. Every
// extraction step (cues, speakers, topics, clauses) works on these tokens, so that
// "Trump’s", "Trump's" and "TRUMP'S" are the same words.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight::extract {

struct Token {
  std::size_t start = 0;  // byte offsets in the tokenized text
  std::size_t end = 0;
  std::string text;          // as written
  std::string lower;         // lowercase, curly apostrophes made straight
  bool word = false;         // letters or digits (else one punctuation character)
  bool capitalized = false;  // starts with an uppercase letter
};

// Splits `text` into words and punctuation. A word keeps inner apostrophes and dots
// ("won't", "U.S."), but the clitics "'s", "'ll", "'re", "'ve", "'d", "'m" become
// tokens of their own so that possessives and "they'll" can be seen.
std::vector<Token> tokenize(std::string_view text);

// A phrase split into lowercase words the way tokenize() splits text ("*" = any word).
std::vector<std::string> phrase_words(std::string_view phrase);

// Where `phrase` (from phrase_words) matches `tokens` starting at token `at`: the index
// one past the last matched token, or nullopt. Words of the phrase must follow one
// another, except that softening adverbs ("also", "now", "still", …) may stand between
// them; punctuation never matches a word.
std::optional<std::size_t> match_at(const std::vector<Token>& tokens, std::size_t at,
                                    const std::vector<std::string>& phrase);

// The first match of `phrase` at or after token `from`: {first, one past last}.
std::optional<std::pair<std::size_t, std::size_t>> find_phrase(
    const std::vector<Token>& tokens, const std::vector<std::string>& phrase, std::size_t from = 0);

// True when `a` and `b` are equal ignoring ASCII case.
bool same_ascii_folded(std::string_view a, std::string_view b);

// True when `word` is one of `list`, ignoring ASCII case.
bool in_list(std::string_view word, const std::vector<std::string>& list);

}  // namespace hindsight::extract
