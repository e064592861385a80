// Article → claims: the extraction pipeline. Sentences and clauses; predictions told
// apart from what only looks like them; confidence, deadline, condition, parts,
// speaker and topics of each; checkable factual claims; repeated statements merged.
// Pure: no files, no clock, no database — the lexicon and taxonomy come in loaded.
#pragma once

#include <string>
#include <vector>

#include "core/article.hpp"
#include "core/claim.hpp"
#include "extract/cues.hpp"
#include "extract/lexicon.hpp"
#include "extract/topics.hpp"

namespace hindsight::extract {

struct ExtractOptions {
  // stated_on for the claims of an article without a published date (the CLI passes
  // today's date and says so).
  core::Date fallback_date = core::Date{date::year{1970}, date::month{1}, date::day{1}};
};

// The claims of one article and what extraction doubted on the way (one line each,
// "offset: message"), such as a deadline that lies before the statement date.
struct Extraction {
  std::vector<core::Claim> claims;
  std::vector<std::string> notes;
};

class Extractor {
 public:
  // The lexicon and taxonomy must outlive the extractor.
  Extractor(const Lexicon& lexicon, const Taxonomy& taxonomy);

  // The claims of `article` as review candidates, in text order: one claim per
  // statement, with one appearance per place it occurs in the article (a repeated
  // paragraph gives an appearance per raw occurrence, `raw` set).
  Extraction extract(const core::Article& article, const ExtractOptions& options = {}) const;

 private:
  const Lexicon& m_lexicon;
  const Taxonomy& m_taxonomy;
  CueFinder m_cues;
};

// The speaker used for the article's own voice: its outlet, else the host of its URL,
// else its source file's name; nullopt when the article has none of them.
std::optional<core::Speaker> outlet_speaker(const core::Article& article);

}  // namespace hindsight::extract
