// Reading the YAML ledger (claims/ledger/, written by `hindsight export yaml`) back:
// one file per article with its reviewed claims, their reviews and resolutions.
// Strict like every file hindsight reads: unknown keys, bad enums, impossible dates
// and missing fields are errors with file:line:col, all of them at once.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/ledger.hpp"
#include "core/result.hpp"

namespace hindsight::ingest {

// What reading ledger files gives: every well-formed article file and every error
// (file:line:col and what is wrong). A caller that finds any error imports nothing.
struct LedgerRead {
  std::vector<core::LedgerArticle> articles;
  std::vector<core::Error> errors;
};

// True when `dir` is a ledger folder: a directory holding the marker ledger.yaml.
bool is_ledger_folder(const std::filesystem::path& dir);

// Parses the text of one ledger file named `file` (used in error locations) into
// `out` (appending its article, or its errors).
void parse_ledger_file(std::string_view text, const std::string& file, LedgerRead& out);

// Reads every *.yaml file of the ledger folder `dir` but the marker, in name order,
// after checking the marker's `format: 1`. Throws core::Failure when a file cannot
// be read.
LedgerRead read_ledger_folder(const std::filesystem::path& dir);

}  // namespace hindsight::ingest
