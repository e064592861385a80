// Faults of the file system: a disk that fills up during an import, and a ledger
// that cannot be written. Each gives a clear error, and the ledger stays sound:
// whole articles only, and a rerun with space completes the import exactly once.
//
// The full disk is real where the test may mount a small tmpfs (root, or a
// container with CAP_SYS_ADMIN), and is always simulated too with RLIMIT_FSIZE, which
// makes a write past the limit fail with EFBIG, as a full disk fails with ENOSPC.
#include <doctest/doctest.h>

#include <sys/mount.h>
#include <sys/stat.h>

#include <cstdlib>
#include <cstring>

#include "test_reliability_fixture.hpp"

using namespace reliability;

namespace {

// Synthetic articles, enough to need a few hundred kB of ledger.
std::string news(const fs::path& dir) {
  auto file = (dir / "news.jsonl").string();
  auto cmd = "python3 '" + (kSource / "tools" / "gen-corpus").string() + "' --seed 7 --articles " +
             "120 --out '" + file + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  return file;
}

int articles(const std::string& db) {
  return count(db, "SELECT count(*) FROM articles");
}

void check_sound(const std::string& db) {
  SQLite::Database sql(db, SQLite::OPEN_READWRITE, 10000);
  CHECK(sql.execAndGet("PRAGMA integrity_check").getString() == "ok");
  CHECK(sql.execAndGet("SELECT count(*) FROM articles WHERE length(text) = 0").getInt() == 0);
}

// The error an import on a full disk must end with: what happened, in SQLite's words
// ("database or disk is full" for ENOSPC; a file size limit, EFBIG, is a "disk I/O
// error"), naming the ledger.
void check_full_disk_error(const Ran& r, const std::string& db, const std::string& words) {
  INFO(r.err);
  CHECK(r.rc == 1);
  CHECK(r.err.find("hindsight: error: cannot add an article in the ledger " + db + ": " + words +
                   "\n") != std::string::npos);
  CHECK(r.err.find("locked") == std::string::npos);
}

}  // namespace

TEST_SUITE("reliability.disk") {
  TEST_CASE("an import that fills the disk (RLIMIT_FSIZE) stops with a clear error, whole") {
    REQUIRE_MESSAGE(fs::exists(HINDSIGHT_BINARY), "build the hindsight binary first");
    auto dir = temp_dir("fsize");
    auto db = full_ledger(dir);
    auto file = news(dir);
    int before = articles(db);
    SpawnOptions options;
    options.max_file_bytes = fs::file_size(db) + 64 * 1024;
    auto r = run_binary({"--db", db, "import", file}, dir, options);
    check_full_disk_error(r, db, "disk I/O error");
    check_sound(db);
    int partial = articles(db);
    CHECK(partial >= before);
    CHECK(partial < before + 120);
    // With room again, the rerun imports the rest, each article once.
    auto again = run_binary({"--db", db, "import", file}, dir);
    CHECK_MESSAGE(again.rc == 0, again.err);
    CHECK(articles(db) == before + 120);
    check_sound(db);
  }

  TEST_CASE("an import onto a full tmpfs stops with a clear error and the ledger stays whole") {
    REQUIRE_MESSAGE(fs::exists(HINDSIGHT_BINARY), "build the hindsight binary first");
    auto dir = temp_dir("tmpfs");
    auto file = news(dir);
    auto base = full_ledger(dir);
    auto mnt = dir / "mnt";
    fs::create_directories(mnt);
    auto size = fs::file_size(base) + 256 * 1024;
    auto options = "size=" + std::to_string(size);
    if (mount("tmpfs", mnt.c_str(), "tmpfs", 0, options.c_str()) != 0) {
      MESSAGE("cannot mount a tmpfs here (" << std::strerror(errno)
                                            << "): the RLIMIT_FSIZE case covers a full disk");
      return;
    }
    auto db = (mnt / "h.db").string();
    fs::copy_file(base, db);
    int before = articles(db);
    auto r = run_binary({"--db", db, "import", file}, dir);
    check_full_disk_error(r, db, "database or disk is full");
    check_sound(db);
    int partial = articles(db);
    CHECK(partial < before + 120);
    // Move the ledger to a disk with room: the rerun completes it, each article once.
    auto moved = (dir / "moved.db").string();
    {
      SQLite::Database sql(db, SQLite::OPEN_READWRITE);
      sql.exec("VACUUM INTO '" + moved + "'");
    }
    CHECK(umount(mnt.c_str()) == 0);
    CHECK(articles(moved) == partial);
    auto again = run_binary({"--db", moved, "import", file}, dir);
    CHECK_MESSAGE(again.rc == 0, again.err);
    CHECK(articles(moved) == before + 120);
  }

  TEST_CASE("a read-only ledger gives a clear error and is not changed") {
    REQUIRE_MESSAGE(fs::exists(HINDSIGHT_BINARY), "build the hindsight binary first");
    auto dir = temp_dir("readonly");
    auto db = full_ledger(dir);
    auto before = dump(db);
    fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    fs::permissions(dir, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                             fs::perms::others_read | fs::perms::others_exec);
    auto file = write(dir / "a.txt", "Prices will rise next year, analysts said.\n");
    std::string claim;
    {
      SQLite::Database sql(db, SQLite::OPEN_READONLY);
      claim = sql.execAndGet("SELECT id FROM claims ORDER BY id LIMIT 1").getString();
    }
    SpawnOptions as_other;
    if (geteuid() == 0) as_other.uid = 65534;  // root ignores file modes: be nobody
    const std::string words = db + ": attempt to write a readonly database\n";
    for (const auto& [args, message] :
         std::vector<std::pair<std::vector<std::string>, std::string>>{
             {{"import", file.string()}, "cannot add an article in the ledger " + words},
             {{"mark", claim, "true", "--by", "x"},
              "cannot record the verdict: attempt to write "
              "a readonly database\n"},
             {{"review", claim, "accept", "--by", "x"}, ""},
             {{"events", "add", "--id", "N1", "--date", "2025-01-01", "--kind", "a.b"}, ""}}) {
      std::vector<std::string> all{"--db", db};
      all.insert(all.end(), args.begin(), args.end());
      auto out = temp_dir("readonly-out");
      fs::permissions(out, fs::perms::all);
      auto r = run_binary(all, out, as_other);
      INFO(args[0] << ": " << r.err);
      CHECK(r.rc == 1);
      CHECK(r.err.rfind("hindsight: error: ", 0) == 0);
      CHECK(r.err.find("readonly database") != std::string::npos);
      if (!message.empty()) CHECK(r.err == "hindsight: error: " + message);
    }
    // Commands that only read work on a read-only ledger.
    auto out = temp_dir("readonly-out");
    fs::permissions(out, fs::perms::all);
    auto card = run_binary({"--db", db, "scorecard", "--as-of", "2026-11-22"}, out, as_other);
    CHECK_MESSAGE(card.rc == 0, card.err);
    CHECK(dump(db) == before);
  }
}
