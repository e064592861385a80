// Normalizing one line of article text: the form every claim offset refers to.
#pragma once

#include <string>
#include <string_view>

namespace hindsight::ingest {

// Counts of what normalize_line changed, for the cleaning notes.
struct NormalizeCounts {
  int invisible = 0;  // zero-width characters, soft hyphens and byte order marks removed
  int composed = 0;   // lines whose Unicode form changed under NFC
};

// Returns `line` (valid UTF-8) in Unicode NFC, without invisible characters (zero
// width spaces and joiners, soft hyphens, byte order marks), with tabs and runs of
// spaces made one space and no leading or trailing white space.
std::string normalize_line(std::string_view line, NormalizeCounts& counts);

}  // namespace hindsight::ingest
