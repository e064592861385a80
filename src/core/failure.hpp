// The one exception type of the project: a failure of the environment (I/O, a
// corrupt or newer database, a full disk). It is caught once, in cli::run, which
// prints "hindsight: error: <what>" and returns exit code 1. User-caused errors are
// values (core::Result), not exceptions.
#pragma once

#include <stdexcept>
#include <string>

namespace hindsight::core {

class Failure : public std::runtime_error {
 public:
  explicit Failure(const std::string& what) : std::runtime_error(what) {}
};

}  // namespace hindsight::core
