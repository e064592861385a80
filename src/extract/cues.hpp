// Confidence cues in a clause: finding them (outside the idioms that only look like
// predictions) and rating the clause — the explicit number when there is one, else the
// governing cue of the lexicon, with negation ("is not expected to") and nesting
// ("would likely" = likely) handled.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/claim.hpp"
#include "extract/lexicon.hpp"
#include "extract/tokens.hpp"

namespace hindsight::extract {

// One cue found in a token list: tokens [first, last), the lexicon row, and whether a
// "not"/"never" before it (or after a modal) negates it.
struct CueMatch {
  std::size_t first = 0;
  std::size_t last = 0;
  const Cue* cue = nullptr;
  bool negated = false;
};

// How sure a clause is: the words, the number and where the number came from.
struct Confidence {
  std::string cue;  // "would likely", "not expected to", "84–85% chance"
  std::optional<double> probability;
  core::ProbabilityBasis basis = core::ProbabilityBasis::Default;
  std::optional<std::size_t> token;  // the governing cue's first token
  std::optional<CueRole> role;       // the governing cue's role
};

// Finds cues with a lexicon compiled once (the lexicon must outlive the finder).
class CueFinder {
 public:
  explicit CueFinder(const Lexicon& lexicon);

  // The cues in tokens[from, to), in text order, longest phrase first where two
  // overlap; a cue inside a not_predictions idiom, the noun "will" and the month
  // "May" are left out.
  std::vector<CueMatch> find(const std::vector<Token>& tokens, std::size_t from,
                             std::size_t to) const;

  // True when tokens[from, to) hold an open question ("it remains to be seen whether").
  bool open_question(const std::vector<Token>& tokens, std::size_t from, std::size_t to) const;

 private:
  struct Phrase {
    std::vector<std::string> words;
    const Cue* cue = nullptr;
  };
  // Phrases by their first word, so that a token is tried only against the phrases
  // that can start there (a few of hundreds): each list holds indexes into a phrase
  // vector in its order, the phrases starting with "*" merged into every list.
  class FirstWordIndex {
   public:
    // Indexes `phrases` (each a phrase_words list) in their order.
    void build(const std::vector<const std::vector<std::string>*>& phrases);
    // The phrases that may match at a token whose lowercase text is `lower`.
    const std::vector<std::size_t>& at(const std::string& lower) const;

   private:
    std::unordered_map<std::string, std::vector<std::size_t>> m_by_word;
    std::vector<std::size_t> m_any;  // the phrases starting with "*"
  };
  std::vector<Phrase> m_phrases;  // longest first
  std::vector<std::vector<std::string>> m_ignored;
  std::vector<std::vector<std::string>> m_questions;
  FirstWordIndex m_phrase_index, m_ignored_index, m_question_index;
};

// True when one of `matches` makes the clause speak of the future (a modal, an
// expectation, an intention or a prediction frame — not a bare hedge or adverb).
bool has_future_marker(const std::vector<CueMatch>& matches);

// The explicit probability written in `text` ("an 84–85% chance" → 0.845, "a 70
// percent probability", "odds of 30%"), with the words it came from.
std::optional<std::pair<double, std::string>> explicit_probability(std::string_view text);

// Rates a clause: an explicit number wins; else the leftmost expectation, intention or
// hedge cue; else the leftmost modal. An adverb or hedge next to a modal decides for it
// ("would likely" → likely). Negation mirrors the number (p → 1 − p) unless the cue is
// already negative. `text` is the clause text (for explicit numbers).
Confidence rate(const std::vector<Token>& tokens, const std::vector<CueMatch>& matches,
                std::string_view text);

}  // namespace hindsight::extract
