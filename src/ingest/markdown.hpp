// The little Markdown an article body uses, reduced to plain text so that claim
// offsets point at words, not markup.
#pragma once

#include <string>
#include <string_view>

namespace hindsight::ingest {

// One Markdown line as plain text: heading markers ("## "), block quote markers,
// bold and strong markers (** and __), images (dropped) and links ([text](url) →
// text) are removed; a horizontal rule ("---", "***") becomes an empty line.
// `is_heading` is set when the line was a heading.
std::string markdown_to_text(std::string_view line, bool& is_heading);

}  // namespace hindsight::ingest
