// Faults: import, extract, resolve and export killed with SIGKILL at random points,
// many times each. After every kill the ledger passes PRAGMA integrity_check and
// shows nothing half-written, and running the command again ends in exactly the
// state of a run that was never interrupted.
//
// Rounds per command: HINDSIGHT_KILL_ROUNDS (default 20); the random kill times
// come from HINDSIGHT_KILL_SEED (default: a fixed seed, printed on failure).
#include <doctest/doctest.h>

#include <cstdlib>
#include <functional>
#include <map>
#include <random>
#include <set>

#include "store/database.hpp"
#include "test_reliability_fixture.hpp"

using namespace reliability;

namespace {

int rounds() {
  const char* env = std::getenv("HINDSIGHT_KILL_ROUNDS");
  if (env) return std::atoi(env);
#if defined(__SANITIZE_ADDRESS__)
  return 8;  // the sanitizer build is several times slower; CI runs both builds
#else
  return 20;
#endif
}

unsigned seed() {
  const char* env = std::getenv("HINDSIGHT_KILL_SEED");
  return env ? static_cast<unsigned>(std::strtoul(env, nullptr, 10)) : 20250727u;
}

// The rows `query` returns, one string per row, sorted: a state to compare.
std::vector<std::string> rows(const std::string& db, const std::string& query) {
  SQLite::Database sql(db, SQLite::OPEN_READONLY, 10000);
  SQLite::Statement q(sql, query);
  std::vector<std::string> out;
  while (q.executeStep()) {
    std::string row;
    for (int i = 0; i < q.getColumnCount(); ++i) row += q.getColumn(i).getString() + "|";
    out.push_back(std::move(row));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// What an uninterrupted run leaves, without the clock's columns (imported_at …).
std::vector<std::string> state(const std::string& db) {
  auto all = rows(db, "SELECT 'article', id, text, outlet, published FROM articles");
  for (auto r : rows(db, "SELECT 'extracted', id, extracted_at IS NOT NULL FROM articles"))
    all.push_back(r);
  for (auto r : rows(db, "SELECT 'claim', id, kind, text, review FROM claims")) all.push_back(r);
  for (auto r : rows(db,
                     "SELECT 'appears', claim_id, article_id, span_start, span_end, "
                     "raw_start FROM appearances"))
    all.push_back(r);
  for (auto r : rows(db, "SELECT 'topic', claim_id, topic FROM claim_topics")) all.push_back(r);
  for (auto r : rows(db, "SELECT 'event', id, kind, date FROM events")) all.push_back(r);
  for (auto r : rows(db,
                     "SELECT 'verdict', claim_id, outcome, credit, as_of, by, evidence, "
                     "state FROM resolutions"))
    all.push_back(r);
  return all;
}

// The checks after every kill: SQLite's own, then the ledger's invariants.
void check_sound(const std::string& db) {
  SQLite::Database sql(db, SQLite::OPEN_READWRITE, 10000);  // read-write: recovers the WAL
  CHECK(sql.execAndGet("PRAGMA integrity_check").getString() == "ok");
  SQLite::Statement fk(sql, "PRAGMA foreign_key_check");
  CHECK_FALSE(fk.executeStep());
  // A claim is only visible with its appearances, and only in extracted articles.
  CHECK(sql.execAndGet("SELECT count(*) FROM claims WHERE id NOT IN "
                       "(SELECT claim_id FROM appearances)")
            .getInt() == 0);
  CHECK(sql.execAndGet("SELECT count(*) FROM appearances JOIN articles ON articles.id = "
                       "article_id WHERE extracted_at IS NULL")
            .getInt() == 0);
  // An article is whole: its text hashes to its id (checked by length here: the
  // hash is checked by the import kill test in test_cli_import_kill.cpp).
  CHECK(sql.execAndGet("SELECT count(*) FROM articles WHERE length(text) = 0").getInt() == 0);
}

fs::path copy_ledger(const std::string& from, const fs::path& dir) {
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy_file(from, dir / "h.db");
  return dir / "h.db";
}

struct Scenario {
  std::string name;
  std::string base;  // the ledger before the command
  std::function<std::vector<std::string>(const std::string& db, const fs::path& dir)> args;
  std::function<std::vector<std::string>(const std::string& db, const fs::path& dir)> result;
  std::function<void(const std::string& db, const fs::path& dir)> after_kill;
};

// How long `s` takes uninterrupted: the fastest of a few runs, so that one run slowed
// by a busy machine does not stretch the kill window past the end of the others.
long fastest_run_micros(const Scenario& s, const fs::path& root) {
  long fastest = 0;
  for (int i = 0; i < 3; ++i) {
    auto dir = root / (s.name + "-timing");
    auto db = copy_ledger(s.base, dir).string();
    auto started = std::chrono::steady_clock::now();
    auto done = run_binary(s.args(db, dir), dir);
    auto took = std::chrono::steady_clock::now() - started;
    REQUIRE_MESSAGE(done.rc == 0, done.err);
    long micros = std::chrono::duration_cast<std::chrono::microseconds>(took).count();
    if (i == 0 || micros < fastest) fastest = micros;
    fs::remove_all(dir);
  }
  return fastest;
}

// Runs `s` once uninterrupted (the reference), then `rounds()` times killed at a
// random moment within the first 80 % of its fastest run, checked and rerun.
void kill_repeatedly(const Scenario& s, const fs::path& root) {
  auto ref_dir = root / (s.name + "-reference");
  auto ref_db = copy_ledger(s.base, ref_dir).string();
  auto done = run_binary(s.args(ref_db, ref_dir), ref_dir);
  REQUIRE_MESSAGE(done.rc == 0, done.err);
  auto expected = s.result(ref_db, ref_dir);
  REQUIRE(!expected.empty());
  auto micros = fastest_run_micros(s, root) * 4 / 5;

  std::mt19937 random(seed());
  std::uniform_int_distribution<long> when(0, micros);
  int killed = 0;
  for (int round = 0; round < rounds(); ++round) {
    auto dir = root / (s.name + "-" + std::to_string(round));
    auto db = copy_ledger(s.base, dir).string();
    long at = when(random);
    INFO(s.name << " round " << round << ": killed after " << at << " of " << micros
                << " us (HINDSIGHT_KILL_SEED=" << seed() << ")");
    pid_t pid = spawn(s.args(db, dir), dir);
    std::this_thread::sleep_for(std::chrono::microseconds(at));
    ::kill(pid, SIGKILL);
    int rc = wait_for(pid);
    if (rc == 128 + SIGKILL) ++killed;
    check_sound(db);
    if (s.after_kill) s.after_kill(db, dir);
    auto again = run_binary(s.args(db, dir), dir);
    CHECK_MESSAGE(again.rc == 0, again.err);
    CHECK(s.result(db, dir) == expected);
    fs::remove_all(dir);
  }
  MESSAGE(s.name << ": " << killed << " of " << rounds() << " runs killed before they ended ("
                 << micros / 1000 << " ms kill window)");
  // Most kills must land inside the run, or the test proves little.
  CHECK(killed * 2 >= rounds());
  fs::remove_all(ref_dir);
}

// The generated corpus and the ledgers each command starts from, made once.
struct Bases {
  fs::path root = temp_dir("kill");
  std::string articles, many_articles, imported, extracted, with_events, resolved;

  Bases() {
    articles = (root / "news.jsonl").string();
    many_articles = (root / "many.jsonl").string();
    auto events = (root / "events.yaml").string();
    auto gen = "python3 '" + (kSource / "tools" / "gen-corpus").string() + "' ";
    REQUIRE(std::system((gen + "--articles 24 --out '" + articles + "'").c_str()) == 0);
    // Importing is quick: more articles, so that kills land all along the import.
    REQUIRE(std::system((gen + "--seed 5 --articles 150 --out '" + many_articles + "'").c_str()) ==
            0);
    REQUIRE(std::system((gen + "--events 40 --out '" + events + "'").c_str()) == 0);
    imported = (root / "imported.db").string();
    REQUIRE(run({"--db", imported, "import", articles}).rc == 0);
    extracted = (root / "extracted.db").string();
    fs::copy_file(imported, extracted);
    REQUIRE(run({"--db", extracted, "extract"}).rc == 0);
    with_events = (root / "events.db").string();
    fs::copy_file(extracted, with_events);
    REQUIRE(run({"--db", with_events, "events", "import", events}).rc == 0);
    resolved = (root / "resolved.db").string();
    fs::copy_file(with_events, resolved);
    REQUIRE(run({"--db", resolved, "resolve", "--as-of", "2026-12-31"}).rc == 0);
    // Reviewed claims, so that the YAML export has something to write.
    auto ids = rows(resolved, "SELECT id FROM claims ORDER BY id");
    for (auto id : ids) {
      id.pop_back();  // the '|'
      REQUIRE(run({"--db", resolved, "review", id, "accept", "--by", "kill test"}).rc == 0);
    }
  }
};

const Bases& bases() {
  static const Bases instance;
  return instance;
}

std::vector<std::string> ledger_state(const std::string& db, const fs::path&) {
  return state(db);
}

// The exported files and their bytes (leftover *.tmp files of a killed run are not
// part of the ledger folder: the reader only reads *.yaml).
std::vector<std::string> folder_state(const std::string&, const fs::path& dir) {
  std::vector<std::string> out;
  if (!fs::exists(dir / "ledger")) return out;
  for (const auto& e : fs::directory_iterator(dir / "ledger"))
    if (e.path().extension() == ".yaml")
      out.push_back(e.path().filename().string() + "\n" + read(e.path()));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_SUITE("reliability.kill") {
  TEST_CASE("an import killed at random points is whole and a rerun imports each article once") {
    REQUIRE_MESSAGE(fs::exists(HINDSIGHT_BINARY), "build the hindsight binary first");
    auto empty = (bases().root / "empty.db").string();
    if (!fs::exists(empty)) hindsight::store::Database create(empty);
    kill_repeatedly({"import",
                     empty,
                     [&](const std::string& db, const fs::path&) {
                       return std::vector<std::string>{"--db", db, "import", bases().many_articles};
                     },
                     ledger_state,
                     {}},
                    bases().root);
  }

  TEST_CASE("an extraction killed at random points shows no half-extracted article") {
    REQUIRE_MESSAGE(fs::exists(HINDSIGHT_BINARY), "build the hindsight binary first");
    kill_repeatedly({"extract",
                     bases().imported,
                     [](const std::string& db, const fs::path&) {
                       return std::vector<std::string>{"--db", db, "extract"};
                     },
                     ledger_state,
                     {}},
                    bases().root);
  }

  TEST_CASE("a resolve killed at random points records each verdict once or not at all") {
    REQUIRE_MESSAGE(fs::exists(HINDSIGHT_BINARY), "build the hindsight binary first");
    int before = count(bases().with_events, "SELECT count(*) FROM resolutions");
    int full = count(bases().resolved, "SELECT count(*) FROM resolutions WHERE by LIKE 'rule:%'");
    REQUIRE(full > 0);
    kill_repeatedly(
        {"resolve", bases().with_events,
         [](const std::string& db, const fs::path&) {
           return std::vector<std::string>{"--db", db, "resolve", "--as-of", "2026-12-31"};
         },
         ledger_state,
         [&](const std::string& db, const fs::path&) {
           // Each verdict is its own transaction: some or all are there, none twice.
           int n = count(db, "SELECT count(*) FROM resolutions");
           CHECK(n >= before);
           CHECK(n <= before + full);
           CHECK(count(db,
                       "SELECT count(*) FROM (SELECT claim_id, by FROM resolutions GROUP BY "
                       "claim_id, by HAVING count(*) > 1)") == 0);
         }},
        bases().root);
  }

  TEST_CASE("a YAML export killed at random points leaves whole files and a rerun completes it") {
    REQUIRE_MESSAGE(fs::exists(HINDSIGHT_BINARY), "build the hindsight binary first");
    std::string ledger_before;
    kill_repeatedly({"export", bases().resolved,
                     [](const std::string& db, const fs::path& dir) {
                       return std::vector<std::string>{"--db", db,   "export",
                                                       "yaml", "-o", (dir / "ledger").string()};
                     },
                     folder_state,
                     [](const std::string& db, const fs::path& dir) {
                       // The ledger is only read, and every file written is a whole one: it reads
                       // back.
                       CHECK(state(db) == state(bases().resolved));
                       for (const auto& f : folder_state(db, dir))
                         CHECK(f.find('\n') != std::string::npos);
                       if (fs::exists(dir / "ledger" / "ledger.yaml")) {
                         auto scratch = (dir / "scratch.db").string();
                         fs::copy_file(bases().extracted, scratch);
                         auto back = run({"--db", scratch, "import", (dir / "ledger").string()});
                         CHECK_MESSAGE(back.rc == 0, back.err);
                       }
                     }},
                    bases().root);
  }
}
