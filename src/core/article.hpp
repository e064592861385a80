// An article: one source document, as read and as cleaned.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/span.hpp"

namespace hindsight::core {

// Where the published date came from.
enum class PublishedBasis { Given, Stated, Inferred, Unknown };

// A paragraph that the raw text printed more than once. The normalized text keeps
// it once, at `kept`; `raw` lists every occurrence in the raw text, first included.
struct RepeatedParagraph {
  Span kept;
  std::vector<Span> raw;
};

struct Article {
  std::string id;  // content hash of `text` (16 hex digits); see ingest::article_id
  std::string outlet;
  std::string title;
  std::string url;
  std::string author;
  std::optional<Date> published;
  PublishedBasis published_basis = PublishedBasis::Unknown;
  std::string source;    // the file (and line, for .jsonl) it was read from
  std::string raw_text;  // as read (after decoding to UTF-8)
  std::string text;      // normalized: the text every claim offset refers to
  std::vector<RepeatedParagraph> repeats;
  std::vector<std::string> cleaning_notes;  // what the cleaner changed or doubted
};

const char* to_string(PublishedBasis b);
std::optional<PublishedBasis> published_basis_from_string(std::string_view s);

}  // namespace hindsight::core
