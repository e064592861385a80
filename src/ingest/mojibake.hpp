// Mojibake repair: UTF-8 text that was once decoded with a single-byte code page and
// re-encoded, so that "’" became "â€™" (Windows-1252) or "£" became "Β£" (Greek,
// Windows-1253). A sequence is repaired only when it is certain: its characters map
// back to bytes that form exactly one well-formed UTF-8 character. A sequence that
// starts like mojibake but does not complete is left alone and reported.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hindsight::ingest {

// What repair_mojibake did to one text.
struct MojibakeReport {
  // (mojibake, repaired) → how many times it was replaced.
  std::map<std::pair<std::string, std::string>, int> repaired;
  // Sequences that look like the start of mojibake but could not be repaired.
  std::vector<std::string> doubtful;

  // Human-readable lines for Article::cleaning_notes (empty when nothing happened).
  std::vector<std::string> notes() const;
};

// Repairs the certain mojibake of `text` (valid UTF-8) and records it in `report`.
// Windows-1252 sequences are repaired anywhere; Windows-1253 (Greek) ones only
// where they do not touch Greek letters, so real Greek text is never rewritten.
// Repeats until nothing changes, so doubly encoded text is repaired too.
std::string repair_mojibake(std::string_view text, MojibakeReport& report);

}  // namespace hindsight::ingest
