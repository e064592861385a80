// Cleaning an article's decoded text into the normalized text that claim offsets
// refer to: mojibake repaired, Unicode NFC, page furniture dropped, repeated
// paragraphs kept once, paragraphs separated by "\n\n". Along the way it notes what
// the text itself says about the article: its title line, a dateline, a copyright
// line naming the outlet.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.hpp"
#include "core/date.hpp"

namespace hindsight::ingest {

// How to read the text.
struct CleanOptions {
  bool markdown = false;                   // the body of a .md file
  std::optional<std::string> known_title;  // a title given by metadata: its line is dropped
};

// The cleaned text and what cleaning learnt and changed.
struct Cleaned {
  std::string text;  // normalized; empty when nothing but furniture was left
  std::vector<core::RepeatedParagraph> repeats;  // spans: kept in `text`, raw in the input
  std::vector<std::string> notes;                // one line per change or doubt
  std::optional<std::string> title;              // the title line, when there is one
  std::optional<std::string> outlet;             // from a copyright line ("© Outlet")
  std::optional<core::Date> published;           // from a dateline near the top
  std::optional<std::string> author;             // from a byline near the top ("By Jane Doe")
};

// Cleans `raw` (valid UTF-8, as decoded). Never fails: what cannot be repaired with
// certainty is left as it is and reported in the notes.
Cleaned clean(std::string_view raw, const CleanOptions& options = {});

}  // namespace hindsight::ingest
