// The bad-input catalogue of DESIGN.md, end to end: each bad input is given to the
// command that reads it, on a ledger with a row in every table, and the test checks
// the exact message, the exit code, and that a dump of every table is unchanged.
// Unit-level tests of the same readers are listed in docs/reliability.md.
#include <doctest/doctest.h>

#include <sys/resource.h>

#include <array>
#include <cstdlib>
#include <functional>

#include "store/database.hpp"
#include "test_reliability_fixture.hpp"

using namespace reliability;

namespace {

// The claim the cases review and mark: the first one stated.
std::string first_claim(const std::string& db) {
  SQLite::Database sql(db, SQLite::OPEN_READONLY, 10000);
  return sql.execAndGet("SELECT id FROM claims ORDER BY stated_on, id LIMIT 1").getString();
}

// The ledger every case starts from (made once, copied per case).
const std::string& base_ledger() {
  static const std::string path = [] {
    auto dir = temp_dir("bad-input-base");
    auto db = full_ledger(dir);
    run({"--db", db, "mark", first_claim(db), "ambiguous", "--by", "base", "--as-of",
         "2026-11-22"});
    return db;
  }();
  return path;
}

struct Case {
  const char* name;
  // Writes the bad input into `dir`; returns the command's arguments after --db DB.
  std::function<std::vector<std::string>(const fs::path& dir, const std::string& db)> setup;
  int rc;
  // The exact stderr; "@" stands for the case's folder.
  std::string err;
};

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// One file in `dir` named `name` with `bytes`, imported.
auto import_file(std::string name, std::string bytes) {
  return [name, bytes](const fs::path& dir, const std::string&) {
    return std::vector<std::string>{"import", write(dir / name, bytes).string()};
  };
}

std::string claim_of(const std::string& db) {
  return first_claim(db);
}

// A copy of the shipped rules with `bad` added as rules/resolve/bad.yaml; resolve
// reads $HINDSIGHT_ROOT/rules.
fs::path rules_root_with(const fs::path& dir, const std::string& bad) {
  auto root = dir / "root";
  fs::create_directories(root);
  fs::copy(kSource / "rules", root / "rules", fs::copy_options::recursive);
  write(root / "rules" / "resolve" / "bad.yaml", bad);
  return root;
}

const std::string kRuleHead =
    "format: 1\nrules:\n  - id: bad.rule\n    version: 1\n    title: T\n"
    "    applies_to: { topics: [trade.truce.extend], kind: prediction }\n"
    "    events:\n      x: { kind: truce.extended }\n    resolve:\n      - outcome: true\n";

std::vector<Case> cases() {
  return {
      {"invalid UTF-8 inside UTF-8 text",
       import_file("mixed.txt", "Caf\xc3\xa9 prices \xff rise.\n"), 1,
       "hindsight: error: @/mixed.txt:1:13: invalid UTF-8 (byte 0xFF at offset 13)\n"
       "imported 0 articles (0 skipped, 1 failed)\n"},
      {"a binary file", import_file("photo.txt", std::string("\x89PNG\r\n\x1a\n\0\0", 10)), 1,
       "hindsight: error: @/photo.txt: a binary file, not text (a NUL byte at offset 8)\n"
       "imported 0 articles (0 skipped, 1 failed)\n"},
      {"an empty file", import_file("empty.txt", ""), 1,
       "hindsight: error: @/empty.txt: the file is empty\n"
       "imported 0 articles (0 skipped, 1 failed)\n"},
      {"a blank file", import_file("blank.md", " \n\t\n"), 1,
       "hindsight: error: @/blank.md: the file is empty\n"
       "imported 0 articles (0 skipped, 1 failed)\n"},
      {"an unknown front matter key",
       import_file("a.md", "---\ntitle: T\npublisher: X\n---\nPrices will rise.\n"), 1,
       "hindsight: error: @/a.md:3:1: unknown key 'publisher' (expected outlet, title, url, "
       "author, published, published_basis)\nimported 0 articles (0 skipped, 1 failed)\n"},
      {"an impossible date in front matter",
       import_file("a.md", "---\npublished: 2025-02-30\n---\nPrices will rise.\n"), 1,
       "hindsight: error: @/a.md:2:12: published: '2025-02-30' is not a date in the calendar\n"
       "imported 0 articles (0 skipped, 1 failed)\n"},
      {"an unknown manifest key",
       [](const fs::path& dir, const std::string&) {
         write(dir / "a.txt", "Prices will rise next year, analysts said.\n");
         write(dir / "m.yaml", "articles:\n  - file: a.txt\n    outlet: X\n    colour: red\n");
         return std::vector<std::string>{"import", (dir / "a.txt").string(), "--manifest",
                                         (dir / "m.yaml").string()};
       },
       1,
       "hindsight: error: @/m.yaml:4:5: unknown key 'colour' (expected file, outlet, title, url, "
       "author, published, published_basis)\nhindsight: nothing imported: fix the errors above\n"},
      {"an impossible date in a manifest",
       [](const fs::path& dir, const std::string&) {
         write(dir / "a.txt", "Prices will rise next year, analysts said.\n");
         write(dir / "m.yaml", "articles:\n  - file: a.txt\n    published: 2025-02-30\n");
         return std::vector<std::string>{"import", (dir / "a.txt").string(), "--manifest",
                                         (dir / "m.yaml").string()};
       },
       1,
       "hindsight: error: @/m.yaml:3:16: published: '2025-02-30' is not a date in the calendar\n"
       "hindsight: nothing imported: fix the errors above\n"},
      {"JSON lines with an unknown key and a broken line",
       import_file("a.jsonl", "{\"text\": \"Prices will rise.\", \"colour\": 1}\nnot json\n"), 1,
       "hindsight: error: @/a.jsonl:1:31: unknown key 'colour' (expected text, outlet, title, url, "
       "author, published, published_basis)\nhindsight: error: @/a.jsonl:2:2: invalid JSON: "
       "syntax error while parsing value - invalid literal; last read: 'no'\n"
       "imported 0 articles (0 skipped, 2 failed)\n"},
      {"an impossible --published",
       [](const fs::path& dir, const std::string&) {
         return std::vector<std::string>{"import", write(dir / "a.txt", "Prices rise.\n").string(),
                                         "--published", "2025-02-30"};
       },
       2, "hindsight: usage error: --published: '2025-02-30' is not a date in the calendar\n"},
      {"an events file with an unknown key and an impossible date",
       [](const fs::path& dir, const std::string&) {
         auto f = write(dir / "ev.yaml",
                        "events:\n  - id: N1\n    date: 2025-02-30\n    kind: a.b\n"
                        "    colour: red\n");
         return std::vector<std::string>{"events", "import", f.string()};
       },
       1,
       "hindsight: error: @/ev.yaml:3:11: event \"N1\": 'date': '2025-02-30' is not a date in "
       "the calendar\nhindsight: error: @/ev.yaml:5:5: event \"N1\": unknown key 'colour'\n"
       "hindsight: nothing imported: fix the errors above\n"},
      {"an events file with a duplicate id",
       [](const fs::path& dir, const std::string&) {
         auto f = write(dir / "ev.yaml",
                        "events:\n  - id: N1\n    date: 2025-01-02\n    kind: a.b\n"
                        "  - id: N1\n    date: 2025-01-01\n    kind: a.b\n");
         return std::vector<std::string>{"events", "import", f.string()};
       },
       1,
       "hindsight: error: @/ev.yaml:5:9: event \"N1\": duplicate id (first defined at line 2)\n"
       "hindsight: nothing imported: fix the errors above\n"},
      {"an event added with an id the ledger has for another event",
       [](const fs::path&, const std::string&) {
         return std::vector<std::string>{"events", "add",        "--id",   "E2",
                                         "--date", "2025-08-12", "--kind", "truce.extended"};
       },
       1,
       "hindsight: error: event \"E2\" differs from the ledger's (attributes, date, known_on, "
       "reliability, sources, summary); give the event a new id (events are corrected with "
       "'events import FILE --replace')\n"},
      {"an event added on an impossible date",
       [](const fs::path&, const std::string&) {
         return std::vector<std::string>{"events", "add",        "--id",   "N2",
                                         "--date", "2025-02-30", "--kind", "a.b"};
       },
       2, "hindsight: usage error: --date: '2025-02-30' is not a date in the calendar\n"},
      {"resolve as of an impossible date",
       [](const fs::path&, const std::string&) {
         return std::vector<std::string>{"resolve", "--as-of", "2025-13-01"};
       },
       2, "hindsight: usage error: --as-of: '2025-13-01' is not a date in the calendar\n"},
      {"a verdict as of an impossible date",
       [](const fs::path&, const std::string& db) {
         return std::vector<std::string>{"mark", claim_of(db), "true",      "--by",
                                         "x",    "--as-of",    "2025-02-30"};
       },
       2, "hindsight: usage error: --as-of: '2025-02-30' is not a date in the calendar\n"},
      {"a verdict with evidence that does not exist",
       [](const fs::path&, const std::string& db) {
         return std::vector<std::string>{"mark", claim_of(db), "true", "--by",
                                         "x",    "--evidence", "NOPE"};
       },
       1, "hindsight: error: --evidence: no event 'NOPE' (see hindsight events)\n"},
      {"a partial verdict with credit over 1",
       [](const fs::path&, const std::string& db) {
         return std::vector<std::string>{"mark", claim_of(db), "partial", "--credit",
                                         "1.5",  "--by",       "x"};
       },
       2, "hindsight: usage error: a partial verdict needs --credit from 0 to 1\n"},
      {"an impossible deadline",
       [](const fs::path&, const std::string& db) {
         return std::vector<std::string>{
             "review", claim_of(db), "edit", "--set", "deadline.end=2025-02-30", "--by", "x"};
       },
       1,
       "hindsight: error: --set deadline.end=2025-02-30: '2025-02-30' is not a date in the "
       "calendar\n"},
      {"an unknown field in a review",
       [](const fs::path&, const std::string& db) {
         return std::vector<std::string>{"review",     claim_of(db), "edit", "--set",
                                         "colour=red", "--by",       "x"};
       },
       1,
       "hindsight: error: --set colour=red: unknown field 'colour' (speaker, speaker.role, "
       "speaker.basis, probability, deadline.start, deadline.end, topics, condition, kind)\n"},
  };
}

// Runs `args` on a fresh copy of the base ledger and checks that it refuses with
// `rc` and `err` (when not empty) and changes nothing.
void check_refused(const std::string& name, const std::vector<std::string>& args,
                   const fs::path& dir, const std::string& db, int rc, const std::string& err) {
  auto before = dump(db);
  std::vector<std::string> all{"--db", db};
  all.insert(all.end(), args.begin(), args.end());
  auto r = run(all);
  INFO(name);
  CHECK(r.rc == rc);
  if (!err.empty()) CHECK(r.err == replace_all(err, "@", dir.string()));
  CHECK(dump(db) == before);
}

}  // namespace

TEST_SUITE("reliability.bad_input") {
  TEST_CASE("every bad input of the catalogue is refused with its message, changing nothing") {
    int tried = 0;
    for (const auto& c : cases()) {
      auto dir = temp_dir("bad-input");
      auto db = (dir / "h.db").string();
      fs::copy_file(base_ledger(), db);
      auto args = c.setup(dir, db);
      check_refused(c.name, args, dir, db, c.rc, c.err);
      ++tried;
    }
    MESSAGE(tried << " bad inputs refused with the ledger unchanged");
  }

  TEST_CASE("a deadline before the statement is refused, naming the statement date") {
    auto dir = temp_dir("bad-input-deadline");
    auto db = (dir / "h.db").string();
    fs::copy_file(base_ledger(), db);
    SQLite::Database sql(db, SQLite::OPEN_READONLY);
    auto stated =
        sql.execAndGet("SELECT stated_on FROM claims WHERE id = '" + first_claim(db) + "'")
            .getString();
    check_refused("deadline",
                  {"review", first_claim(db), "edit", "--set", "deadline.start=2020-01-01", "--set",
                   "deadline.end=2020-02-01", "--by", "x"},
                  dir, db, 1,
                  "hindsight: error: --set deadline.end=2020-02-01: deadline.end lies before the "
                  "statement date " +
                      stated + "\n");
  }

  TEST_CASE("a rule set with a type error and an expression over the cost limit is not applied") {
    auto dir = temp_dir("bad-input-rules");
    auto db = (dir / "h.db").string();
    fs::copy_file(base_ledger(), db);
    std::string costly;
    for (int i = 0; i < 100; ++i) costly += (i ? " + " : "") + std::string("count(x)");
    auto root =
        rules_root_with(dir, kRuleHead + "        when: count(x) + \"a\"\n" +
                                 "      - outcome: false\n        when: " + costly + " > 2\n");
    setenv("HINDSIGHT_ROOT", root.string().c_str(), 1);
    auto bad = (root / "rules" / "resolve" / "bad.yaml").string();
    check_refused("rules", {"resolve", "--as-of", "2027-01-01"}, dir, db, 1,
                  "hindsight: error: " + bad +
                      ":11:24: rule \"bad.rule\": cannot add a number and a string\n"
                      "hindsight: error: " +
                      bad +
                      ":13:15: rule \"bad.rule\": expression costs 1403, over the limit of "
                      "1000\nhindsight: the rules do not load, so none is applied: fix the "
                      "errors above\n");
    unsetenv("HINDSIGHT_ROOT");
  }

  TEST_CASE("a duplicate rule id and an unknown key in a rule are refused") {
    auto rule = kRuleHead + "        when: exists(x)\n";
    auto second = rule.substr(rule.find("  - id"));
    for (const auto& [name, text, message] : std::vector<std::array<std::string, 3>>{
             {"dup", rule + second, ":12:5: rule \"bad.rule\": duplicate rule id (first at @:3)"},
             {"key", rule + "    colour: red\n",
              ":12:5: rule \"bad.rule\": unknown key 'colour' in a rule"}}) {
      auto dir = temp_dir("bad-input-rules-" + name);
      auto db = (dir / "h.db").string();
      fs::copy_file(base_ledger(), db);
      auto root = rules_root_with(dir, text);
      setenv("HINDSIGHT_ROOT", root.string().c_str(), 1);
      auto bad = (root / "rules" / "resolve" / "bad.yaml").string();
      check_refused(name, {"resolve", "--as-of", "2027-01-01"}, dir, db, 1,
                    "hindsight: error: " + bad + replace_all(message, "@", bad) +
                        "\nhindsight: the rules do not load, so none is applied: fix the errors "
                        "above\n");
      unsetenv("HINDSIGHT_ROOT");
    }
  }

  TEST_CASE("a ledger from a newer hindsight is refused by every command, unchanged") {
    auto dir = temp_dir("bad-input-newer");
    auto db = (dir / "h.db").string();
    fs::copy_file(base_ledger(), db);
    {
      SQLite::Database sql(db, SQLite::OPEN_READWRITE);
      sql.exec("PRAGMA user_version = 99");
    }
    auto message = "hindsight: error: " + db +
                   " is a ledger of schema version 99, written by a newer hindsight; this one "
                   "knows version " +
                   std::to_string(hindsight::store::schema_version()) + " (upgrade hindsight)\n";
    auto file = write(dir / "a.txt", "Prices will rise next year, analysts said.\n").string();
    for (const auto& args :
         std::vector<std::vector<std::string>>{{"import", file},
                                               {"extract"},
                                               {"resolve", "--as-of", "2026-11-22"},
                                               {"mark", "x", "true", "--by", "x"},
                                               {"scorecard"},
                                               {"export", "csv"},
                                               {"claims"},
                                               {"articles"}})
      check_refused(args[0], args, dir, db, 1, message);
  }

  TEST_CASE("an enormous file is refused before it is read, in bounded time and memory") {
    auto dir = temp_dir("bad-input-huge");
    auto db = (dir / "h.db").string();
    fs::copy_file(base_ledger(), db);
    auto before = dump(db);
    auto huge = dir / "huge.txt";
    {
      std::ofstream out(huge, std::ios::binary);
      std::string line = "Officials said the truce would likely be extended by August.\n";
      for (std::size_t n = 0; n < 70u * 1024 * 1024; n += line.size()) out << line;
    }
    auto started = std::chrono::steady_clock::now();
    auto r = run_binary({"--db", db, "import", huge.string()}, dir);
    auto took = std::chrono::steady_clock::now() - started;
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    CHECK(r.rc == 1);
    CHECK(r.err == "hindsight: error: " + huge.string() + ": the file is too large (" +
                       std::to_string(fs::file_size(huge)) +
                       " bytes; the limit is 67108864 bytes, see --max-file-size)\n"
                       "imported 0 articles (0 skipped, 1 failed)\n");
    CHECK(took < std::chrono::seconds(20));
    CHECK(dump(db) == before);
    fs::remove(huge);
  }

  TEST_CASE("mojibake is repaired and said, not refused") {
    auto dir = temp_dir("bad-input-mojibake");
    auto db = (dir / "h.db").string();
    auto file = write(dir / "m.txt",
                      "The price rose \xc3\xa2\xe2\x82\xac\xe2\x84\xa2s and \xce\x92\xc2\xa3 5 "
                      "will likely double by March, analysts said.\n");
    auto r = run({"--db", db, "import", file.string()});
    CHECK(r.rc == 0);
    SQLite::Database sql(db, SQLite::OPEN_READONLY);
    CHECK(sql.execAndGet("SELECT text FROM articles").getString() ==
          "The price rose \xe2\x80\x99s and \xc2\xa3 5 will likely double by March, analysts "
          "said.");
    CHECK(
        sql.execAndGet("SELECT cleaning_notes FROM articles").getString() ==
        "[\"repaired mojibake \\\"\xc3\xa2\xe2\x82\xac\xe2\x84\xa2\\\" to \\\"\xe2\x80\x99\\\" "
        "(1 time)\",\"repaired mojibake \\\"\xce\x92\xc2\xa3\\\" to \\\"\xc2\xa3\\\" (1 time)\"]");
  }
}
