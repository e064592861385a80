// Sentence splitting for news text: ICU's sentence BreakIterator, then a news-aware
// pass that joins the splits ICU makes after abbreviations ("U.S. Treasury",
// "Dr. Smith", "Aug. 12") and splits where a space is missing ("for a year.A key").
#pragma once

#include <string_view>
#include <vector>

#include "core/span.hpp"
#include "extract/lexicon.hpp"

namespace hindsight::extract {

// The sentences of `text`, in order, as byte spans without surrounding white space.
// Abbreviations come from the lexicon (never_final, may_be_final, openers).
std::vector<core::Span> split_sentences(std::string_view text, const Lexicon& lexicon);

}  // namespace hindsight::extract
