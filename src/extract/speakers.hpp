// Who made a statement: a direct quote's speaker, the subject of a reporting verb
// ("Bessent said the two parties would …", "Lipsky … anticipates"), an attribution
// ("according to …", "CNN reported that …"), the subject of an intention ("Trump …
// expressing interest in visiting"), or nobody named — the outlet's own voice.
#pragma once

#include <optional>
#include <vector>

#include "core/claim.hpp"
#include "extract/cues.hpp"
#include "extract/lexicon.hpp"
#include "extract/names.hpp"
#include "extract/tokens.hpp"

namespace hindsight::extract {

// What find_speaker looks at: one clause of one sentence.
struct SpeakerQuery {
  const std::vector<Token>* tokens = nullptr;  // the sentence's tokens
  std::size_t first = 0;                       // the clause: tokens [first, last)
  std::size_t last = 0;
  std::optional<std::size_t> cue;  // the governing cue's first token
  std::optional<CueRole> cue_role;
  std::size_t offset = 0;        // byte offset of the sentence in the article
  std::size_t window_start = 0;  // how far back "he"/"his" may look (article bytes)
  // The speaker of the last direct quote in this paragraph, for a quote that goes on
  // in the next sentence without naming its speaker again.
  std::optional<core::Speaker> paragraph_quote;
};

// The speaker of a clause, or nullopt for the outlet's own voice (including anonymous
// groups: "analysts say"). Names are resolved through `names`.
std::optional<core::Speaker> find_speaker(const SpeakerQuery& query, const Lexicon& lexicon,
                                          const NameIndex& names);

// The speaker of the direct quotes of a sentence ("“…,” Bessent said"), if it has any.
std::optional<core::Speaker> quote_speaker(const std::vector<Token>& tokens, const Lexicon& lexicon,
                                           const NameIndex& names, std::size_t offset,
                                           std::size_t window_start);

// True when token `i` is a reporting verb in the active voice.
bool is_reporting_verb(const std::vector<Token>& tokens, std::size_t i, const Lexicon& lexicon,
                       core::SpeakerBasis* basis = nullptr);

}  // namespace hindsight::extract
