// Two fact-checkers at once: one process marking verdicts while another resolves,
// on the same ledger, through the real binary. Nothing may be lost.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdlib>
#include <fstream>
#include <thread>

#include "test_cli_resolve_fixture.hpp"

using namespace resolve_fixture;

namespace {

int count(const std::string& db, const std::string& where) {
  SQLite::Database sql(db, SQLite::OPEN_READONLY);
  return sql.execAndGet("SELECT count(*) FROM resolutions WHERE " + where).getInt();
}

}  // namespace

TEST_SUITE("cli.resolve.concurrency") {
  TEST_CASE("two processes marking and resolving at once lose nothing") {
    auto dir = temp_dir("concurrent");
    auto db = gold_ledger(dir);
    constexpr int kMarks = 20;
    std::string bin = HINDSIGHT_BINARY;
    std::string marks = "for i in $(seq 1 " + std::to_string(kMarks) + "); do '" + bin +
                        "' --db '" + db +
                        "' mark taiwan-talk ambiguous --by \"checker $i\" --as-of 2026-11-22 "
                        "2>>'" +
                        (dir / "marks.err").string() + "' || echo fail; done > '" +
                        (dir / "marks.out").string() + "'";
    std::string resolves = "for i in $(seq 1 10); do '" + bin + "' --db '" + db +
                           "' resolve --as-of 2026-11-22 >/dev/null 2>>'" +
                           (dir / "resolve.err").string() + "' || echo fail; done > '" +
                           (dir / "resolve.out").string() + "'";
    int rc_marks = 0, rc_resolves = 0;
    std::thread a([&] { rc_marks = std::system(marks.c_str()); });
    std::thread b([&] { rc_resolves = std::system(resolves.c_str()); });
    a.join();
    b.join();
    CHECK(rc_marks == 0);
    CHECK(rc_resolves == 0);
    // Every mark is there, and every rule verdict was recorded exactly once.
    CHECK(count(db, "claim_id = 'taiwan-talk'") == kMarks);
    CHECK(count(db, "by LIKE 'rule:%'") == 5);
    auto fails = run({"--db", db, "history", "taiwan-talk"});
    CHECK(fails.rc == 0);
    std::ifstream out(dir / "marks.out"), out2(dir / "resolve.out");
    std::string text((std::istreambuf_iterator<char>(out)), {});
    std::string text2((std::istreambuf_iterator<char>(out2)), {});
    CHECK(text.empty());  // no "fail"
    CHECK(text2.empty());
  }
}
