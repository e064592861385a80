#include "cli/run.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <sstream>

#include <date/date.h>

#include "cli/commands.hpp"
#include "cli/safe_output.hpp"
#include "core/failure.hpp"

namespace hindsight::cli {

namespace {

std::filesystem::path find_root() {
  // The bundled corpus and rules: the current folder when it has them (a checkout),
  // else $HINDSIGHT_ROOT, else the source tree this binary was built from.
  if (const char* env = std::getenv("HINDSIGHT_ROOT")) return env;
  if (std::filesystem::exists("rules/topics.yaml")) return std::filesystem::current_path();
#ifdef HINDSIGHT_SOURCE_ROOT
  return HINDSIGHT_SOURCE_ROOT;
#else
  return std::filesystem::current_path();
#endif
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  // Untrusted text (articles, events, notes) must not drive the terminal: see
  // safe_output.hpp. Restored when run returns.
  SafeOutput safe_out(out), safe_err(err);
  CLI::App app{
      "hindsight — a ledger of the predictions news articles make, scored against "
      "what happened",
      "hindsight"};
  app.require_subcommand(1);
  std::string db;
  app.add_option("--db", db, "The ledger (default $HINDSIGHT_DB or ./hindsight.db)");

  Action action;
  add_import_commands(app, action);
  add_extract_commands(app, action);
  add_when_commands(app, action);
  add_events_commands(app, action);
  add_rules_commands(app, action);
  add_resolve_commands(app, action);
  add_scorecard_commands(app, action);
  add_export_commands(app, action);
  add_demo_commands(app, action);

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp& e) {
    out << app.help();
    return kExitOk;
  } catch (const CLI::CallForAllHelp& e) {
    out << app.help("", CLI::AppFormatMode::All);
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    // Subcommand help is raised as CallForHelp from the subcommand itself.
    if (e.get_exit_code() == 0) {
      std::ostringstream help_out, help_err;
      app.exit(e, help_out, help_err);
      out << help_out.str();
      return kExitOk;
    }
    err << "hindsight: usage error: " << e.what() << "\n";
    err << "Run 'hindsight --help' for the commands, 'hindsight COMMAND --help' for one.\n";
    return kExitUsage;
  }

  if (db.empty()) {
    const char* env = std::getenv("HINDSIGHT_DB");
    db = env && *env ? env : "hindsight.db";
  }
  auto now = std::chrono::system_clock::now();
  auto today = date::year_month_day{date::floor<date::days>(now)};
  Context ctx{out,
              err,
              db,
              today,
              date::format("%FT%TZ", date::floor<std::chrono::seconds>(now)),
              find_root(),
              isatty(STDERR_FILENO) != 0};
  try {
    return action ? action(ctx) : kExitOk;
  } catch (const core::Failure& e) {
    err << "hindsight: error: " << e.what() << "\n";
    return kExitError;
  } catch (const std::exception& e) {
    err << "hindsight: error: " << e.what() << "\n";
    return kExitError;
  }
}

}  // namespace hindsight::cli
