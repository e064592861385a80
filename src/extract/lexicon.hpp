// The extraction lexicon: confidence cues with their probabilities (and the survey
// each number comes from), phrases that only look like predictions, reporting verbs,
// abbreviations for sentence splitting and the words that find speakers. It is read
// from rules/lexicon/*.yaml once and passed to the pure extraction functions.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace hindsight::extract {

// How a cue works in a sentence (see rules/lexicon/cues.yaml for the full story).
enum class CueRole {
  Modal,        // a future marker of its own (will, would, may, could)
  Expectation,  // a future marker that carries the confidence ("is expected to", "likely")
  Intention,    // the subject's plan or wish ("plans to", "hopes to")
  Hedge,        // rates a prediction made elsewhere in the clause ("possible")
  Adverb,       // rates a marker within two words of it ("could potentially")
  Frame,        // marks a prediction without rating it ("my prediction")
};

// One row of cues.yaml.
struct Cue {
  std::string label;                 // the cue as cues.tsv names it
  std::vector<std::string> phrases;  // lowercase phrases, matched on whole words
  double point = 0.5;                // the probability the cue maps to
  double low = 0.0;                  // the band: [low, high]
  double high = 1.0;
  CueRole role = CueRole::Modal;
  bool negative = false;  // already the negated reading ("unlikely", "won't")
  std::string source;     // the survey basis of the number
  std::string note;
};

// A well-known person: the canonical name and the short forms that refer to them.
struct KnownPerson {
  std::string name;
  std::vector<std::string> aliases;
};

struct Lexicon {
  std::vector<Cue> cues;
  std::vector<std::string> not_predictions;      // "may be seen as", "what they may call"
  std::vector<std::string> open_questions;       // "remains to be seen whether"
  std::vector<std::string> reported_verbs;       // said, told, indicated …
  std::vector<std::string> attributed_verbs;     // anticipates, believes, suggests …
  std::vector<std::string> attribution_phrases;  // "according to"
  std::vector<std::string> never_final;          // abbreviations that never end a sentence
  std::vector<std::string> may_be_final;         // "U.S.": may end one
  std::vector<std::string> openers;              // sentence openers after a may_be_final
  std::vector<std::string> titles;               // President, Secretary …
  std::vector<std::string> title_words;          // Treasury, Vice …
  std::vector<std::string> demonyms;             // left out of roles
  std::vector<std::string> organization_words;   // Council, University …
  std::vector<std::string> anonymous;            // analysts, officials …
  std::vector<KnownPerson> people;
};

// The lexicon files, read from `dir` (rules/lexicon): cues.yaml, reporting-verbs.yaml,
// abbreviations.yaml and speakers.yaml. A missing file throws core::Failure; a
// malformed one (unknown key, wrong type, a band that does not hold the point) is an
// Error at its file:line:col.
core::Result<Lexicon> load_lexicon(const std::filesystem::path& dir);

// Parsers of the single files, for tests and tools: `text` is the YAML, `file` the
// name used in error locations. Each fills its part of `lexicon`.
core::Status parse_cues(std::string_view text, const std::string& file, Lexicon& lexicon);
core::Status parse_reporting_verbs(std::string_view text, const std::string& file,
                                   Lexicon& lexicon);
core::Status parse_abbreviations(std::string_view text, const std::string& file, Lexicon& lexicon);
core::Status parse_speakers(std::string_view text, const std::string& file, Lexicon& lexicon);

const char* to_string(CueRole role);

}  // namespace hindsight::extract
