// The subcommands. Each add_*_commands registers its subcommands on `app`; when one
// of them is chosen on the command line, its parse callback stores what to do in
// `action`, which cli::run then calls with the Context.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/context.hpp"

namespace hindsight::cli {

void add_import_commands(CLI::App& app, Action& action);     // import, articles
void add_extract_commands(CLI::App& app, Action& action);    // extract, claims, review
void add_when_commands(CLI::App& app, Action& action);       // when
void add_events_commands(CLI::App& app, Action& action);     // events
void add_rules_commands(CLI::App& app, Action& action);      // rules check|test
void add_resolve_commands(CLI::App& app, Action& action);    // resolve, explain, mark, history
void add_scorecard_commands(CLI::App& app, Action& action);  // scorecard
void add_export_commands(CLI::App& app, Action& action);     // export
void add_demo_commands(CLI::App& app, Action& action);       // demo

}  // namespace hindsight::cli
