// What the command-line tests share: running hindsight in-process and a fresh
// temporary folder (each test process has its own TMPDIR, see tests/main.cpp).
#pragma once

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "cli/run.hpp"

namespace cli_fixture {

// What one command printed and returned.
struct Run {
  int rc = 0;
  std::string out, err;
};

// Runs `hindsight ARGS…` through cli::run and captures both streams.
inline Run run(std::vector<std::string> args) {
  std::ostringstream out, err;
  Run r;
  r.rc = hindsight::cli::run(args, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

// An empty folder `name` under the temporary folder (emptied when it exists).
inline std::filesystem::path fresh_temp_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace cli_fixture
