// The test runner. Each process gets a temporary folder of its own (TMPDIR), so that
// CTest can run test cases in parallel processes although many fixtures use fixed
// names under the temporary folder.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  auto base = fs::temp_directory_path();
  auto own = base / ("hindsight-test-" + std::to_string(getpid()));
  fs::create_directories(own);
  setenv("TMPDIR", own.c_str(), 1);
  doctest::Context context(argc, argv);
  int rc = context.run();
  std::error_code ec;
  fs::remove_all(own, ec);
  return rc;
}
