// Audit: the history of a verdict cannot be rewritten through any command. Every
// command that writes the ledger is run against a claim with a rule's verdict, a
// review and a person's verdict; the rows already in `resolutions` and `reviews`
// must stay exactly as they were, and `history CLAIM` must show every change with
// who, when and on what evidence.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "test_reliability_fixture.hpp"

using namespace reliability;

namespace {

// Every row of the append-only tables, by id.
std::vector<std::string> history_rows(const std::string& db) {
  SQLite::Database sql(db, SQLite::OPEN_READONLY, 10000);
  std::vector<std::string> out;
  for (const char* q : {"SELECT 'resolution', id, claim_id, outcome, credit, as_of, by, evidence, "
                        "note, trace, state, recorded_at FROM resolutions ORDER BY id",
                        "SELECT 'review', id, claim_id, action, by, at, changes FROM reviews "
                        "ORDER BY id"}) {
    SQLite::Statement s(sql, q);
    while (s.executeStep()) {
      std::string row;
      for (int i = 0; i < s.getColumnCount(); ++i) row += s.getColumn(i).getString() + "|";
      out.push_back(row);
    }
  }
  return out;
}

// True when `before` is a prefix, table by table, of `after`: rows were only added.
bool only_appended(const std::vector<std::string>& before, const std::vector<std::string>& after) {
  for (const char* kind : {"resolution|", "review|"}) {
    std::vector<std::string> b, a;
    for (const auto& r : before)
      if (r.rfind(kind, 0) == 0) b.push_back(r);
    for (const auto& r : after)
      if (r.rfind(kind, 0) == 0) a.push_back(r);
    if (a.size() < b.size() || !std::equal(b.begin(), b.end(), a.begin())) return false;
  }
  return true;
}

std::string claim_with_verdict(const std::string& db) {
  SQLite::Database sql(db, SQLite::OPEN_READONLY);
  return sql
      .execAndGet(
          "SELECT claim_id FROM resolutions WHERE by LIKE 'rule:%' AND evidence <> '[]' "
          "ORDER BY claim_id LIMIT 1")
      .getString();
}

}  // namespace

TEST_SUITE("reliability.audit") {
  TEST_CASE("no command that writes can change or remove a recorded verdict or review") {
    auto dir = temp_dir("audit");
    auto db = full_ledger(dir);
    auto claim = claim_with_verdict(db);
    REQUIRE(!claim.empty());
    REQUIRE(run({"--db", db, "review", claim, "accept", "--by", "alice"}).rc == 0);
    REQUIRE(run({"--db", db, "mark", claim, "false", "--by", "bob", "--evidence", "E13", "--note",
                 "the summit was cancelled", "--as-of", "2026-11-22"})
                .rc == 0);
    SQLite::Database sql(db, SQLite::OPEN_READONLY);
    auto article =
        sql.execAndGet("SELECT article_id FROM claims WHERE id = '" + claim + "'").getString();
    auto event = sql.execAndGet("SELECT evidence FROM resolutions WHERE claim_id = '" + claim +
                                "' AND by LIKE 'rule:%'")
                     .getString();
    event = nlohmann::json::parse(event)[0];
    // The YAML ledger, exported and then edited to claim another verdict.
    auto ledger_dir = dir / "ledger";
    REQUIRE(run({"--db", db, "export", "yaml", "-o", ledger_dir.string()}).rc == 0);
    for (const auto& f : fs::directory_iterator(ledger_dir)) {
      auto text = read(f.path());
      for (auto at = text.find("outcome: false"); at != std::string::npos;
           at = text.find("outcome: false", at))
        text.replace(at, 14, "outcome: true ");
      write(f.path(), text);
    }
    // An events file that replaces the evidence of the rule's verdict.
    auto events = write(dir / "events.yaml", "events:\n  - id: " + event +
                                                 "\n    date: 2025-01-01\n    kind: "
                                                 "summit.cancelled\n    summary: rewritten\n");
    auto before = history_rows(db);

    int commands = 0;
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"import", (kSource / "claims" / "articles").string()},
             {"extract", article},
             {"extract"},
             {"review", claim, "reject", "--by", "mallory"},
             {"review", claim, "edit", "--set", "probability=0.99", "--by", "mallory"},
             {"mark", claim, "true", "--by", "mallory", "--as-of", "2026-11-22"},
             {"resolve", "--as-of", "2027-06-01"},
             {"resolve", "--as-of", "2027-06-01", "--confirm"},
             {"events", "import", events.string()},
             {"events", "import", events.string(), "--replace"},
             {"events", "add", "--id", "N1", "--date", "2026-01-01", "--kind", "summit.held"},
             {"import", ledger_dir.string()},
             {"export", "yaml", "-o", (dir / "ledger2").string()},
             {"export", "csv", "-o", (dir / "x.csv").string()},
             {"scorecard", "--format", "html", "-o", (dir / "x.html").string()}}) {
      std::vector<std::string> all{"--db", db};
      all.insert(all.end(), args.begin(), args.end());
      auto r = run(all);
      INFO(args[0] << " " << (args.size() > 1 ? args[1] : "") << ": rc " << r.rc << " " << r.err);
      auto after = history_rows(db);
      CHECK(only_appended(before, after));
      before = after;
      ++commands;
    }
    MESSAGE(commands << " writing commands tried; no verdict or review changed");
  }

  TEST_CASE("history shows every change with who, when and on what evidence") {
    auto dir = temp_dir("audit-history");
    auto db = full_ledger(dir);
    auto claim = claim_with_verdict(db);
    REQUIRE(run({"--db", db, "review", claim, "accept", "--by", "alice"}).rc == 0);
    REQUIRE(run({"--db", db, "mark", claim, "partial", "--credit", "0.5", "--by", "bob",
                 "--evidence", "E13", "--note", "half of it", "--as-of", "2026-11-22"})
                .rc == 0);
    auto r = run({"--db", db, "history", claim, "--json"});
    REQUIRE(r.rc == 0);
    std::vector<nlohmann::json> entries;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);)
      entries.push_back(nlohmann::json::parse(line));
    SQLite::Database sql(db, SQLite::OPEN_READONLY);
    SQLite::Statement q(sql,
                        "SELECT (SELECT count(*) FROM resolutions WHERE claim_id = ?1) + "
                        "(SELECT count(*) FROM reviews WHERE claim_id = ?1)");
    q.bind(1, claim);
    REQUIRE(q.executeStep());
    int rows = q.getColumn(0).getInt();
    REQUIRE(static_cast<int>(entries.size()) == rows);
    for (const auto& e : entries) {
      INFO(e.dump());
      CHECK(!e["by"].get<std::string>().empty());
      if (e["type"] == "resolution") {
        CHECK(!e["recorded_at"].get<std::string>().empty());
        CHECK(e.contains("evidence"));
        CHECK(!e["as_of"].get<std::string>().empty());
      } else {
        CHECK(!e["at"].get<std::string>().empty());
      }
    }
    CHECK(entries.back()["by"] == "bob");
    CHECK(entries.back()["evidence"] == nlohmann::json{"E13"});
    CHECK(entries.back()["note"] == "half of it");
    // The rule's verdict is kept, shown as superseded by the person's. (Entries of the
    // same second are not ordered among themselves: see docs/reliability.md.)
    auto rule = std::find_if(entries.begin(), entries.end(), [](const nlohmann::json& e) {
      return e["type"] == "resolution" && e["by"].get<std::string>().rfind("rule:", 0) == 0;
    });
    REQUIRE(rule != entries.end());
    CHECK((*rule)["state"] == "superseded");
    CHECK(!(*rule)["evidence"].empty());
  }
}
