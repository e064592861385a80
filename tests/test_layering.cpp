// Keeps the layers of STYLE.md honest: every #include "layer/…" in src/ must point
// the allowed way (util ← core ← {ingest, extract, store, rules, score} ← report ← cli,
// and extract may use ingest), and only store/ may include SQLiteCpp.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>

namespace fs = std::filesystem;

TEST_SUITE("layering") {
  TEST_CASE("every include in src/ points down the layers") {
    const std::map<std::string, std::set<std::string>> allowed{
        {"util", {"util"}},
        {"core", {"util", "core"}},
        {"ingest", {"util", "core", "ingest"}},
        {"extract", {"util", "core", "ingest", "extract"}},
        {"store", {"util", "core", "store"}},
        {"rules", {"util", "core", "rules"}},
        {"score", {"util", "core", "score"}},
        {"report", {"util", "core", "score", "report"}},
        {"cli", {"util", "core", "ingest", "extract", "store", "rules", "score", "report", "cli"}},
    };
    const std::regex include_re(R"re(^\s*#\s*include\s*["<]([^">]+)[">])re");
    fs::path src = fs::path(HINDSIGHT_SOURCE_DIR) / "src";
    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(src)) {
      if (!entry.is_regular_file()) continue;
      auto rel = fs::relative(entry.path(), src);
      if (rel.begin() == rel.end() || std::next(rel.begin()) == rel.end()) continue;  // main.cpp
      std::string layer = rel.begin()->string();
      REQUIRE_MESSAGE(allowed.count(layer), "unknown layer folder src/" << layer);
      ++files;
      std::ifstream in(entry.path());
      std::string line;
      int n = 0;
      while (std::getline(in, line)) {
        ++n;
        std::smatch m;
        if (!std::regex_search(line, m, include_re)) continue;
        std::string target = m[1];
        if (target.rfind("SQLiteCpp/", 0) == 0 || target == "sqlite3.h") {
          CHECK_MESSAGE(layer == "store",
                        "src/" << rel.string() << ":" << n << ": only store/ may use SQLite");
        }
        auto slash = target.find('/');
        if (slash == std::string::npos) continue;
        std::string dir = target.substr(0, slash);
        if (!allowed.count(dir)) continue;  // a library header
        CHECK_MESSAGE(allowed.at(layer).count(dir), "src/" << rel.string() << ":" << n << ": "
                                                           << layer << "/ must not include "
                                                           << target);
      }
    }
    CHECK(files > 10);
  }
}
