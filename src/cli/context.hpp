// What every command is given: its streams, the ledger path, today's date and the
// project root. The clock is read once, in cli::run, and passed down from here.
#pragma once

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string>

#include "core/date.hpp"

namespace hindsight::cli {

struct Context {
  std::ostream& out;
  std::ostream& err;
  std::string db_path;           // --db, else $HINDSIGHT_DB, else ./hindsight.db
  core::Date today;              // the default --as-of
  std::string now;               // ISO timestamp for "recorded at" fields
  std::filesystem::path root;    // where the bundled rules/ and claims/ are
  bool err_is_terminal = false;  // progress bars only on a terminal
};

// What a parsed command does; returns the exit code (0 ok, 1 error, 3 lint fatal).
using Action = std::function<int(Context&)>;

// Exit codes of DESIGN.md.
inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitLint = 3;

}  // namespace hindsight::cli
