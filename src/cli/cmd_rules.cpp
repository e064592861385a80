// Placeholder until the rules command is built: it says so plainly.
#include "cli/commands.hpp"

#include <ostream>

namespace hindsight::cli {

void add_rules_commands(CLI::App& app, Action& action) {
  auto* cmd = app.add_subcommand("rules", "(not built yet)");
  cmd->allow_extras();
  cmd->callback([&action] {
    action = [](Context& ctx) {
      ctx.err << "hindsight: 'rules' is not built yet\n";
      return kExitError;
    };
  });
}

}  // namespace hindsight::cli
