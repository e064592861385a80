// An import killed with SIGKILL half-way leaves a sound ledger of whole articles, and
// importing again completes it, every article exactly once.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "cli/run.hpp"
#include "util/hash.hpp"

extern char** environ;

namespace fs = std::filesystem;
using namespace hindsight;

namespace {

constexpr int kArticles = 3000;

std::string article_text(int i) {
  return "Officials in city " + std::to_string(i) +
         " said the truce would likely be extended by the end of month " +
         std::to_string(i % 12 + 1) + ", according to report number " + std::to_string(i * 7919) +
         ".";
}

// The number of articles in the ledger, or -1 while it cannot be read yet.
int count_articles(const std::string& db) {
  try {
    SQLite::Database sql(db, SQLite::OPEN_READONLY, 1000);
    if (!sql.tableExists("articles")) return -1;
    return sql.execAndGet("SELECT count(*) FROM articles").getInt();
  } catch (const SQLite::Exception&) {
    return -1;
  }
}

pid_t spawn_import(const std::string& db, const std::string& folder) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  std::vector<std::string> args{HINDSIGHT_BINARY, "--db", db, "import", folder};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, HINDSIGHT_BINARY, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  REQUIRE(rc == 0);
  return pid;
}

}  // namespace

TEST_SUITE("cli.import_kill") {
  TEST_CASE("an import killed half-way leaves whole articles and a re-import completes it") {
    REQUIRE_MESSAGE(fs::exists(HINDSIGHT_BINARY),
                    "build the hindsight binary first: " << HINDSIGHT_BINARY);
    auto dir = fs::temp_directory_path() / "hindsight-a-kill";
    fs::remove_all(dir);
    auto folder = dir / "articles";
    fs::create_directories(folder);
    std::set<std::string> expected;
    for (int i = 0; i < kArticles; ++i) {
      char name[32];
      std::snprintf(name, sizeof name, "%05d.txt", i);
      std::ofstream(folder / name) << article_text(i) << "\n";
      expected.insert(util::hex_hash(article_text(i)));
    }
    auto db = (dir / "h.db").string();

    pid_t pid = spawn_import(db, folder.string());
    // Kill it once it is well under way but (at this size) far from done.
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    int before = -1;
    while (std::chrono::steady_clock::now() < deadline) {
      before = count_articles(db);
      if (before >= 100) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    REQUIRE(kill(pid, SIGKILL) == 0);
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);

    {
      SQLite::Database sql(db, SQLite::OPEN_READWRITE);
      CHECK(sql.execAndGet("PRAGMA integrity_check").getString() == "ok");
      int after_kill = sql.execAndGet("SELECT count(*) FROM articles").getInt();
      INFO("killed after " << after_kill << " of " << kArticles << " articles");
      CHECK(after_kill >= before);
      CHECK(after_kill < kArticles);
      // Whatever was committed is whole: its text is there and hashes to its id.
      SQLite::Statement q(sql, "SELECT id, text FROM articles");
      while (q.executeStep()) {
        CHECK(util::hex_hash(q.getColumn(1).getString()) == q.getColumn(0).getString());
      }
    }

    std::ostringstream out, err;
    CHECK(cli::run({"--db", db, "import", folder.string()}, out, err) == 0);
    SQLite::Database sql(db, SQLite::OPEN_READONLY);
    CHECK(sql.execAndGet("PRAGMA integrity_check").getString() == "ok");
    std::set<std::string> ids;
    SQLite::Statement q(sql, "SELECT id FROM articles");
    int rows = 0;
    while (q.executeStep()) {
      ids.insert(q.getColumn(0).getString());
      ++rows;
    }
    CHECK(rows == kArticles);
    CHECK(ids == expected);
    fs::remove_all(dir);
  }
}
