// Importing article files into the ledger: shared by `hindsight import` and the
// import stage of `hindsight demo`.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "cli/context.hpp"
#include "ingest/reader.hpp"
#include "store/database.hpp"

namespace hindsight::cli {

// What to import and how to report it.
struct ImportRequest {
  std::vector<std::filesystem::path> paths;       // files and folders
  std::optional<std::filesystem::path> manifest;  // --manifest
  ingest::ReadOptions read;                       // flags and the size limit
  bool json = false;                              // one JSON object per article on out
  bool per_article = true;                        // a line per article in text mode
};

// What an import did.
struct ImportTally {
  int imported = 0;
  int skipped = 0;          // already in the ledger
  int failed = 0;           // articles (or files) that could not be read
  std::size_t ignored = 0;  // files in the folders that are not articles
  bool refused = false;     // a missing path or a bad manifest: nothing was imported
};

// Reads every article of the request and adds each to `db` in its own transaction,
// so a failure (or a kill) loses at most the article being written. Errors go to
// ctx.err as "hindsight: error: FILE:LINE:COL: message"; the other files are still
// imported. A missing path or a manifest error refuses the whole import first.
ImportTally import_articles(Context& ctx, store::Database& db, const ImportRequest& request);

// "imported 5 articles (0 skipped, 0 failed)".
std::string summary_line(const ImportTally& tally);

}  // namespace hindsight::cli
