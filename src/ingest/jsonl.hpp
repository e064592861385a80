// JSON Lines article files: one JSON object per line, for bulk imports.
//
//   {"text": "…", "title": "…", "outlet": "…", "url": "…", "author": "…",
//    "published": "2025-07-27", "published_basis": "stated"}
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/article.hpp"
#include "core/result.hpp"
#include "ingest/reader.hpp"

namespace hindsight::ingest {

// Reads every non-blank line of `text` (the decoded file `file`) as one article.
// Each element is an article (source "FILE:LINE") or that line's error: invalid
// JSON, not an object, a missing or empty "text", an unknown key, a value of the
// wrong type, an impossible date. One bad line does not stop the others.
std::vector<core::Result<core::Article>> read_json_lines(std::string_view text,
                                                         const std::string& file,
                                                         const Metadata* manifest,
                                                         const ReadOptions& options);

}  // namespace hindsight::ingest
