// Placeholder until the export command is built: it says so plainly.
#include "cli/commands.hpp"

#include <ostream>

namespace hindsight::cli {

void add_export_commands(CLI::App& app, Action& action) {
  auto* cmd = app.add_subcommand("export", "(not built yet)");
  cmd->allow_extras();
  cmd->callback([&action] {
    action = [](Context& ctx) {
      ctx.err << "hindsight: 'export' is not built yet\n";
      return kExitError;
    };
  });
}

}  // namespace hindsight::cli
