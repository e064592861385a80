// Placeholder until the resolve command is built: it says so plainly.
#include "cli/commands.hpp"

#include <ostream>

namespace hindsight::cli {

void add_resolve_commands(CLI::App& app, Action& action) {
  auto* cmd = app.add_subcommand("resolve", "(not built yet)");
  cmd->allow_extras();
  cmd->callback([&action] {
    action = [](Context& ctx) {
      ctx.err << "hindsight: 'resolve' is not built yet\n";
      return kExitError;
    };
  });
}

}  // namespace hindsight::cli
