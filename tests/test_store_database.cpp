#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>

#include "core/failure.hpp"
#include "store/database.hpp"

using namespace hindsight;

namespace {

std::filesystem::path temp_db(const char* name) {
  auto dir = std::filesystem::temp_directory_path() / "hindsight-tests";
  std::filesystem::create_directories(dir);
  auto p = dir / name;
  std::filesystem::remove(p);
  std::filesystem::remove(p.string() + "-wal");
  std::filesystem::remove(p.string() + "-shm");
  return p;
}

}  // namespace

TEST_SUITE("store.database") {
  TEST_CASE("a new ledger is migrated to the current schema version") {
    store::Database db(":memory:");
    CHECK(db.sql().execAndGet("PRAGMA user_version").getInt() == store::schema_version());
    CHECK(db.sql().tableExists("claims"));
    CHECK(db.sql().execAndGet("PRAGMA foreign_keys").getInt() == 1);
  }

  TEST_CASE("a file ledger uses WAL and reopens without migrating twice") {
    auto path = temp_db("wal.db");
    { store::Database db(path.string()); }
    store::Database db(path.string());
    CHECK(db.sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(db.sql().execAndGet("PRAGMA user_version").getInt() == store::schema_version());
  }

  TEST_CASE("a ledger from a newer hindsight is refused with a clear message") {
    auto path = temp_db("future.db");
    {
      store::Database db(path.string());
      db.sql().exec("PRAGMA user_version = 99");
    }
    std::string message;
    try {
      store::Database db(path.string());
    } catch (const core::Failure& e) {
      message = e.what();
    }
    CHECK(message == path.string() +
                         " is a ledger of schema version 99, written by a newer "
                         "hindsight; this one knows version " +
                         std::to_string(store::schema_version()) + " (upgrade hindsight)");
  }

  TEST_CASE("an SQLite file that is not a ledger is refused") {
    auto path = temp_db("stranger.db");
    {
      SQLite::Database other(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      other.exec("CREATE TABLE t(x)");
    }
    CHECK_THROWS_WITH_AS(
        store::Database(path.string()),
        (path.string() + " is an SQLite database but not a hindsight ledger").c_str(),
        core::Failure);
  }

  TEST_CASE("resolutions cannot be updated or deleted") {
    store::Database db(":memory:");
    auto& sql = db.sql();
    sql.exec("INSERT INTO articles(id, raw_text, text, imported_at) VALUES ('a', 'x', 'x', 'now')");
    sql.exec(
        "INSERT INTO claims(id, kind, text, article_id, span_start, span_end, stated_on) "
        "VALUES ('c', 'prediction', 'x', 'a', 0, 1, '2025-01-01')");
    sql.exec(
        "INSERT INTO resolutions(claim_id, outcome, as_of, by, state, recorded_at) "
        "VALUES ('c', 'true', '2025-02-01', 'someone', 'confirmed', 'now')");
    CHECK_THROWS_WITH(sql.exec("UPDATE resolutions SET outcome = 'false'"),
                      "resolutions are append-only");
    CHECK_THROWS_WITH(sql.exec("DELETE FROM resolutions"), "resolutions are append-only");
  }
}
