// The exports' way back: `hindsight import` of a YAML ledger folder (written by
// `hindsight export yaml`). cmd_import.cpp hands ledger folders here.
#pragma once

#include <filesystem>
#include <vector>

#include "cli/context.hpp"
#include "store/database.hpp"

namespace hindsight::cli {

// Imports the ledger folder `dir` into `db`, all or nothing: every error of every
// file (or a claim whose article is not in the ledger yet) is printed on ctx.err as
// "hindsight: error: FILE:LINE:COL: …" and nothing is written. Prints a summary line
// on ctx.err. Returns the exit code.
int import_ledger_folder(Context& ctx, store::Database& db, const std::filesystem::path& dir);

// Imports each folder in turn (none: nothing to do). Returns the worst exit code.
int import_ledger_folders(Context& ctx, store::Database& db,
                          const std::vector<std::filesystem::path>& dirs);

}  // namespace hindsight::cli
