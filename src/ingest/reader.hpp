// Reading article files into cleaned core::Articles: plain text (.txt), Markdown with
// YAML front matter (.md), and JSON Lines (.jsonl, one article per line).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.hpp"
#include "core/result.hpp"
#include "ingest/decode.hpp"
#include "ingest/metadata.hpp"

namespace hindsight::ingest {

// How to read: what the command line says about every article, and the size limit.
struct ReadOptions {
  Metadata flags;  // wins over every other source of metadata
  std::uintmax_t max_file_bytes = kDefaultMaxFileBytes;
};

// The kinds of article files, by file name extension.
enum class FileKind { Text, Markdown, JsonLines };

// .md and .markdown are Markdown, .jsonl JSON Lines, anything else plain text.
FileKind file_kind(const std::filesystem::path& path);

// True for the extensions read when walking a folder: .txt, .md, .markdown, .jsonl.
bool is_article_file(const std::filesystem::path& path);

// Reads the articles of one file: one for .txt and .md, one per non-blank line for
// .jsonl. Each element is an article or the error that stopped it (file:line:col
// where there is one); a file-level error (empty, binary, too large, bad UTF-8, bad
// front matter) is the only element. `manifest` is the file's manifest entry, or
// nullptr. Article::source is the path as given (plus ":LINE" for .jsonl).
std::vector<core::Result<core::Article>> read_articles(const std::filesystem::path& path,
                                                       const Metadata* manifest,
                                                       const ReadOptions& options);

// Reads one article from decoded text: `body` is the part of `raw` after any front
// matter (starting at `body_offset`), `own` the file's own metadata. Cleans the body,
// layers the metadata (flags > own > manifest > text) and derives the id. Errors
// when nothing but furniture is left.
core::Result<core::Article> build_article(std::string raw, std::size_t body_offset,
                                          const std::string& source, bool markdown,
                                          const Metadata& own, const Metadata* manifest,
                                          const ReadOptions& options,
                                          std::vector<std::string> notes);

// One plain-text article from bytes that were not read from a file (standard input,
// a test): decodes them as a .txt file would be and builds the article, with
// `options.flags` as its metadata. `source` names it in errors ("<stdin>").
core::Result<core::Article> article_from_bytes(std::string_view bytes, const std::string& source,
                                               const ReadOptions& options = {});

}  // namespace hindsight::ingest
