#include "ingest/metadata.hpp"

namespace hindsight::ingest {

void fill_missing(Metadata& into, const Metadata& from) {
  if (!into.outlet) into.outlet = from.outlet;
  if (!into.title) into.title = from.title;
  if (!into.url) into.url = from.url;
  if (!into.author) into.author = from.author;
  // The date and its basis travel together: a basis from a weaker source must not
  // describe a date from a stronger one.
  if (!into.published && from.published) {
    into.published = from.published;
    into.published_basis = from.published_basis;
  }
}

void apply(const Metadata& metadata, core::Article& article) {
  article.outlet = metadata.outlet.value_or("");
  article.title = metadata.title.value_or("");
  article.url = metadata.url.value_or("");
  article.author = metadata.author.value_or("");
  article.published = metadata.published;
  article.published_basis = metadata.published
                                ? metadata.published_basis.value_or(core::PublishedBasis::Given)
                                : core::PublishedBasis::Unknown;
}

}  // namespace hindsight::ingest
