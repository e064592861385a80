// `hindsight import --claims FILE.jsonl…`: claims as JSON lines (the output of
// `extract --stdin --json`, e.g. from a batch engine running the extraction filter)
// loaded into the ledger through store::ClaimBulkLoader.
#pragma once

#include <cstddef>
#include <filesystem>
#include <vector>

#include "cli/context.hpp"
#include "store/database.hpp"

namespace hindsight::cli {

// Loads every claim of `files` into `db`. The articles the claims name must be in
// the ledger already. With `batch_size` 0 everything is one transaction: any error
// (a malformed line, an unknown article) writes nothing, and every error is
// reported ("hindsight: error: FILE:LINE:COL: …" on ctx.err, the first 20 of them).
// With `batch_size` N a transaction is committed every N claims: an error keeps the
// batches committed before it and writes nothing after it. A claim already in the
// ledger gains only appearances it lacked, so an import can be run again. Prints a
// summary line on ctx.err; returns the exit code.
int import_claim_files(Context& ctx, store::Database& db,
                       const std::vector<std::filesystem::path>& files, std::size_t batch_size);

}  // namespace hindsight::cli
