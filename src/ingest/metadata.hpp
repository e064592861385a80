// What is known about an article besides its text, from one source: command-line
// flags, a .md file's front matter, a .jsonl line, a manifest entry, or the text
// itself. Sources are layered: flags > front matter / .jsonl fields > manifest >
// what the text states (a title line, a dateline, "© Outlet").
#pragma once

#include <optional>
#include <string>

#include "core/article.hpp"
#include "core/date.hpp"

namespace hindsight::ingest {

struct Metadata {
  std::optional<std::string> outlet;
  std::optional<std::string> title;
  std::optional<std::string> url;
  std::optional<std::string> author;
  std::optional<core::Date> published;
  // Where `published` came from; `given` when the source does not say.
  std::optional<core::PublishedBasis> published_basis;
};

// Sets every field of `into` that is still empty from `from` (so call it with the
// sources from the strongest to the weakest).
void fill_missing(Metadata& into, const Metadata& from);

// Writes the metadata into the article's fields; a date without a basis is `given`.
void apply(const Metadata& metadata, core::Article& article);

}  // namespace hindsight::ingest
