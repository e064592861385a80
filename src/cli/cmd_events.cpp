// Placeholder until the events command is built: it says so plainly.
#include "cli/commands.hpp"

#include <ostream>

namespace hindsight::cli {

void add_events_commands(CLI::App& app, Action& action) {
  auto* cmd = app.add_subcommand("events", "(not built yet)");
  cmd->allow_extras();
  cmd->callback([&action] {
    action = [](Context& ctx) {
      ctx.err << "hindsight: 'events' is not built yet\n";
      return kExitError;
    };
  });
}

}  // namespace hindsight::cli
