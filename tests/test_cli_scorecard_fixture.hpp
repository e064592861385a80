// The demo ledger for the scorecard and export tests, built through the real
// commands: the bundled articles imported and extracted, the bundled events, the
// shipped rules run as of 2026-11-22. Built once per test process.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/run.hpp"
#include "cli_fixture.hpp"

namespace scorecard_fixture {

namespace fs = std::filesystem;

using cli_fixture::Run;
using cli_fixture::run;

inline fs::path temp_dir(const std::string& name) {
  return cli_fixture::fresh_temp_dir("hindsight-d-" + name);
}

inline std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

inline const std::string kArticles = HINDSIGHT_SOURCE_DIR "/claims/articles";
inline const std::string kEvents = HINDSIGHT_SOURCE_DIR "/claims/events.yaml";
inline const std::string kAsOf = "2026-11-22";

// A fresh ledger with the bundled articles only.
inline std::string articles_ledger(const std::string& name) {
  auto db = (temp_dir(name) / "h.db").string();
  auto r = run({"--db", db, "import", kArticles});
  REQUIRE_MESSAGE(r.rc == 0, r.err);
  return db;
}

// The path of the demo ledger (do not write to it; copy it first).
inline const std::string& demo_ledger() {
  static const std::string db = [] {
    std::string path = articles_ledger("demo");
    for (std::vector<std::string> args :
         {std::vector<std::string>{"--db", path, "extract"},
          std::vector<std::string>{"--db", path, "events", "import", kEvents},
          std::vector<std::string>{"--db", path, "resolve", "--as-of", kAsOf}}) {
      auto r = run(args);
      REQUIRE_MESSAGE(r.rc == 0, r.err);
    }
    return path;
  }();
  return db;
}

// A private copy of the demo ledger.
inline std::string demo_copy(const std::string& name) {
  auto dir = temp_dir(name);
  fs::copy_file(demo_ledger(), dir / "h.db");
  return (dir / "h.db").string();
}

}  // namespace scorecard_fixture
