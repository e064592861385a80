// Shared by the reliability tests: running hindsight in-process and as a real
// process (with a kill, another user id or a file size limit), a dump of every
// table to prove that a ledger did not change, and a ledger with something in
// every table.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/run.hpp"

namespace reliability {

namespace fs = std::filesystem;

// What a command did.
struct Ran {
  int rc = 0;
  std::string out, err;
};

// Runs hindsight in this process.
inline Ran run(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  Ran r;
  r.rc = hindsight::cli::run(args, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

// A fresh, empty folder for one test, removed when the process exits. The process id
// is in its name: ctest runs the test cases of this file as parallel processes.
inline fs::path temp_dir(const std::string& name) {
  struct Cleanup {
    std::vector<fs::path> dirs;
    ~Cleanup() {
      std::error_code ec;
      for (const auto& d : dirs) fs::remove_all(d, ec);
    }
  };
  static Cleanup cleanup;
  auto dir = fs::temp_directory_path() /
             ("hindsight-f-" + name + "-" + std::to_string(static_cast<long>(getpid())));
  fs::remove_all(dir);
  fs::create_directories(dir);
  cleanup.dirs.push_back(dir);
  return dir;
}

// Writes `bytes` to `path` (creating its folder) and returns the path.
inline fs::path write(const fs::path& path, std::string_view bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  return path;
}

inline std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

inline const fs::path kSource = HINDSIGHT_SOURCE_DIR;

// Every row of every table of the ledger at `db` (FTS shadow tables included), as
// sorted text: two equal dumps mean that no command changed anything.
inline std::string dump(const std::string& db) {
  SQLite::Database sql(db, SQLite::OPEN_READONLY, 10000);
  std::vector<std::string> tables;
  SQLite::Statement names(sql, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  while (names.executeStep()) tables.push_back(names.getColumn(0).getString());
  std::string out = "user_version " + sql.execAndGet("PRAGMA user_version").getString() + "\n";
  for (const auto& table : tables) {
    std::vector<std::string> rows;
    SQLite::Statement q(sql, "SELECT * FROM \"" + table + "\"");
    while (q.executeStep()) {
      std::string row;
      for (int i = 0; i < q.getColumnCount(); ++i) {
        auto c = q.getColumn(i);
        row += c.isNull() ? std::string("NULL") : "'" + c.getString() + "'";
        row += "|";
      }
      rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end());
    out += "table " + table + " (" + std::to_string(rows.size()) + " rows)\n";
    for (auto& r : rows) out += r + "\n";
  }
  return out;
}

// The number of rows `sql` counts, e.g. "SELECT count(*) FROM claims".
inline int count(const std::string& db, const std::string& query) {
  SQLite::Database sql(db, SQLite::OPEN_READONLY, 10000);
  return sql.execAndGet(query).getInt();
}

// A ledger at `dir`/h.db with the bundled corpus imported and extracted, the bundled
// events, the rules' verdicts as of 2026-11-22, a review and a person's verdict: a
// row in every table that a command can write.
inline std::string full_ledger(const fs::path& dir) {
  auto db = (dir / "h.db").string();
  auto ok = [](const Ran& r) {
    if (r.rc != 0) throw std::runtime_error("fixture command failed: " + r.err);
    return r;
  };
  ok(run({"--db", db, "import", (kSource / "claims" / "articles").string(), "--manifest",
          (kSource / "claims" / "articles.yaml").string()}));
  ok(run({"--db", db, "extract"}));
  ok(run({"--db", db, "events", "import", (kSource / "claims" / "events.yaml").string()}));
  ok(run({"--db", db, "resolve", "--as-of", "2026-11-22"}));
  return db;
}

// What to do to a process started by spawn().
struct SpawnOptions {
  std::string stdin_text;                // written to its standard input
  std::optional<uid_t> uid;              // run as this user (needs root)
  std::optional<rlim_t> max_file_bytes;  // RLIMIT_FSIZE: a "full disk" for big files
  std::vector<std::string> env;          // NAME=VALUE added to the environment
};

// Starts the real binary with `args`; its output goes to `dir`/out and `dir`/err.
inline pid_t spawn(const std::vector<std::string>& args, const fs::path& dir,
                   const SpawnOptions& options = {}) {
  auto in_path = dir / "stdin";
  write(in_path, options.stdin_text);
  auto out_path = (dir / "out").string(), err_path = (dir / "err").string();
  pid_t pid = fork();
  if (pid == 0) {
    int in = open(in_path.c_str(), O_RDONLY);
    int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    if (options.max_file_bytes) {
      signal(SIGXFSZ, SIG_IGN);  // a write over the limit fails with EFBIG instead
      rlimit limit{*options.max_file_bytes, *options.max_file_bytes};
      setrlimit(RLIMIT_FSIZE, &limit);
    }
    if (options.uid && (setgid(*options.uid) != 0 || setuid(*options.uid) != 0)) _exit(126);
    for (const auto& e : options.env) putenv(const_cast<char*>(e.c_str()));
    std::vector<std::string> all{HINDSIGHT_BINARY};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(HINDSIGHT_BINARY, argv.data());
    _exit(127);
  }
  return pid;
}

// Waits for `pid`; its exit code, or 128 + the signal that ended it.
inline int wait_for(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

// Runs the real binary to the end.
inline Ran run_binary(const std::vector<std::string>& args, const fs::path& dir,
                      const SpawnOptions& options = {}) {
  Ran r;
  r.rc = wait_for(spawn(args, dir, options));
  r.out = read(dir / "out");
  r.err = read(dir / "err");
  return r;
}

}  // namespace reliability
