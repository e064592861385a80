// Concurrency: several hindsight processes writing one ledger at once — two
// importers over the same files in opposite orders, an extractor, two resolvers
// and two fact-checkers marking verdicts — through the real binary. Nothing may be
// lost or doubled, and no "database is locked" may reach a user.
#include <doctest/doctest.h>

#include <atomic>
#include <mutex>
#include <regex>

#include "test_reliability_fixture.hpp"

using namespace reliability;

namespace {

struct Writer {
  std::string name;
  std::vector<std::vector<std::string>> commands;
  std::vector<Ran> results;
};

// Runs every writer's commands in order, all writers at once.
void run_all_at_once(std::vector<Writer>& writers, const fs::path& root) {
  std::vector<std::thread> threads;
  for (auto& w : writers) {
    threads.emplace_back([&w, &root] {
      auto dir = root / w.name;
      fs::create_directories(dir);
      for (const auto& args : w.commands) w.results.push_back(run_binary(args, dir));
    });
  }
  for (auto& t : threads) t.join();
}

int imported_count(const std::string& err) {
  static const std::regex line("imported (\\d+) articles? \\(");
  std::smatch m;
  return std::regex_search(err, m, line) ? std::stoi(m[1]) : -1;
}

}  // namespace

TEST_SUITE("reliability.concurrency") {
  TEST_CASE("importers, an extractor, resolvers and markers at once lose and double nothing") {
    REQUIRE_MESSAGE(fs::exists(HINDSIGHT_BINARY), "build the hindsight binary first");
    auto root = temp_dir("concurrency");
    auto db = full_ledger(root);
    // Three files of synthetic articles that the two importers both import.
    std::vector<std::string> parts;
    for (int i = 0; i < 3; ++i) {
      auto file = (root / ("part" + std::to_string(i) + ".jsonl")).string();
      auto cmd = "python3 '" + (kSource / "tools" / "gen-corpus").string() + "' --seed " +
                 std::to_string(100 + i) + " --articles 15 --out '" + file + "'";
      REQUIRE(std::system(cmd.c_str()) == 0);
      parts.push_back(file);
    }
    auto claims = [&] {
      SQLite::Database sql(db, SQLite::OPEN_READONLY);
      SQLite::Statement q(sql, "SELECT id FROM claims ORDER BY id LIMIT 6");
      std::vector<std::string> ids;
      while (q.executeStep()) ids.push_back(q.getColumn(0).getString());
      return ids;
    }();
    REQUIRE(claims.size() == 6);
    int articles_before = count(db, "SELECT count(*) FROM articles");
    int verdicts_before = count(db, "SELECT count(*) FROM resolutions");

    constexpr int kMarks = 12;
    std::vector<Writer> writers{{"import-1", {}, {}},  {"import-2", {}, {}},  {"extract", {}, {}},
                                {"resolve-1", {}, {}}, {"resolve-2", {}, {}}, {"mark-1", {}, {}},
                                {"mark-2", {}, {}}};
    for (int i = 0; i < 3; ++i) {
      writers[0].commands.push_back({"--db", db, "import", parts[static_cast<std::size_t>(i)]});
      writers[1].commands.push_back({"--db", db, "import", parts[static_cast<std::size_t>(2 - i)]});
    }
    for (int i = 0; i < 4; ++i) writers[2].commands.push_back({"--db", db, "extract"});
    for (int w = 3; w <= 4; ++w)
      for (int i = 0; i < 4; ++i)
        writers[static_cast<std::size_t>(w)].commands.push_back(
            {"--db", db, "resolve", "--as-of", "2026-12-31"});
    for (int w = 5; w <= 6; ++w)
      for (int i = 0; i < kMarks; ++i)
        writers[static_cast<std::size_t>(w)].commands.push_back(
            {"--db", db, "mark", claims[static_cast<std::size_t>(i % 6)], i % 2 ? "true" : "false",
             "--by", writers[static_cast<std::size_t>(w)].name + " #" + std::to_string(i), "--note",
             "concurrent", "--as-of", "2026-12-31"});
    run_all_at_once(writers, root);

    int imported = 0;
    for (const auto& w : writers) {
      for (const auto& r : w.results) {
        INFO(w.name << ": " << r.err);
        CHECK(r.rc == 0);
        CHECK(r.err.find("locked") == std::string::npos);
        CHECK(r.err.find("busy") == std::string::npos);
        if (w.name.rfind("import", 0) == 0) imported += imported_count(r.err);
      }
    }
    // Each article once, and counted as imported by exactly one of the importers.
    int articles = count(db, "SELECT count(*) FROM articles") - articles_before;
    CHECK(articles == 45);
    CHECK(imported == 45);
    // Every mark is there, with its author.
    for (int w = 5; w <= 6; ++w)
      for (int i = 0; i < kMarks; ++i)
        CHECK(count(db, "SELECT count(*) FROM resolutions WHERE by = '" +
                            writers[static_cast<std::size_t>(w)].name + " #" + std::to_string(i) +
                            "' AND note = 'concurrent'") == 1);
    // No rule verdict recorded twice in a row for a claim by racing resolvers.
    CHECK(count(db, R"sql(
      SELECT count(*) FROM resolutions a JOIN resolutions b
        ON a.claim_id = b.claim_id AND b.id = (SELECT min(id) FROM resolutions c
                                              WHERE c.claim_id = a.claim_id AND c.id > a.id)
      WHERE a.by LIKE 'rule:%' AND b.by = a.by AND a.outcome = b.outcome
        AND a.evidence = b.evidence AND a.state = b.state
        AND coalesce(a.credit, -1) = coalesce(b.credit, -1))sql") == 0);
    CHECK(count(db, "SELECT count(*) FROM resolutions") > verdicts_before + 2 * kMarks - 1);
    // Every article was extracted once: a last extract finds nothing left to do.
    auto last = run({"--db", db, "extract"});
    CHECK(last.rc == 0);
    CHECK(count(db, "SELECT count(*) FROM articles WHERE extracted_at IS NULL") == 0);
    SQLite::Database sql(db, SQLite::OPEN_READONLY);
    CHECK(sql.execAndGet("PRAGMA integrity_check").getString() == "ok");
    fs::remove_all(root);
  }
}
