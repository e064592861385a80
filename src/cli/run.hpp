// The command line of hindsight. main() only forwards here.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace hindsight::cli {

// Parses `args` (without the program name), runs the command and returns the exit
// code: 0 ok, 1 error, 2 usage error, 3 lint findings made fatal. Every failure is
// caught here and printed to `err` as "hindsight: error: …"; nothing else exits.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace hindsight::cli
