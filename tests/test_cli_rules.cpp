#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

#include "test_cli_resolve_fixture.hpp"

using namespace resolve_fixture;

namespace {

const std::string kData = (fs::path(HINDSIGHT_SOURCE_DIR) / "tests" / "data" / "rules").string();

}  // namespace

TEST_SUITE("cli.rules") {
  TEST_CASE("rules check reports every error of a broken rule file, in full, and exits 1") {
    auto r = run({"rules", "check", kData + "/broken.yaml"});
    CHECK(r.rc == 1);
    const std::string f = kData + "/broken.yaml";
    CHECK(r.out == f +
                       ":11:15: rule \"truce.extended-by-deadline\": expected an operator or the "
                       "end of the expression, found 'days'\n" +
                       f +
                       ":10:31: rule \"truce.extended-by-deadline\": unknown field "
                       "'claim.dedline.end' (did you mean 'claim.deadline.end'?)\n" +
                       f +
                       ":14:22: rule \"truce.extended-by-deadline\": unknown selection "
                       "'extention' (did you mean 'extension'?)\n" +
                       f +
                       ":18:19: rule \"truce.extended-by-deadline\": unclosed '{' in the "
                       "explanation template\n");
    CHECK(r.err == "checked 1 file (0 rules): 4 errors, 0 warnings\n");
  }

  TEST_CASE("lint findings are warnings, made fatal (exit 3) by --lint-fatal") {
    const std::string f = kData + "/linty.yaml";
    auto r = run({"rules", "check", f});
    CHECK(r.rc == 0);
    CHECK(r.out == f +
                       ":8:7: warning: rule \"anything-happens\": selection 'anything' has no "
                       "kind, so it never matches an event (events are found by kind)\n" +
                       f +
                       ":11:9: warning: rule \"anything-happens\": clause 'false' is unreachable: "
                       "an earlier clause always holds\n" +
                       f +
                       ":4:5: warning: rule \"anything-happens\": no test names this rule (add "
                       "one to linty.test.yaml)\n");
    CHECK(run({"rules", "check", "--lint-fatal", f}).rc == 3);
  }

  TEST_CASE("the shipped rules check clean and their tests pass") {
    auto check = run({"rules", "check", "--lint-fatal"});
    CHECK(check.rc == 0);
    CHECK(check.out.empty());
    auto test = run({"rules", "test"});
    CHECK(test.rc == 0);
    CHECK(test.out.empty());
    CHECK(test.err.find(": 0 failed\n") != std::string::npos);
  }

  TEST_CASE("rules test prints each failing expectation and exits 1") {
    auto r = run({"rules", "test", kData + "/failing.yaml"});
    CHECK(r.rc == 1);
    CHECK(r.out.starts_with(kData +
                            "/failing.test.yaml:11:9: test \"expects too much\": claim s as of "
                            "2025-10-30: expected false, got true (E13) by rule:summit.held@1#"));
    CHECK(r.err == "ran 1 test case (2 expectations) in 1 file: 1 failed\n");
  }

  TEST_CASE("a rule set that does not load is never applied") {
    auto dir = temp_dir("broken-rules");
    auto db = gold_ledger(dir);
    // resolve reads ctx.root/rules/resolve; HINDSIGHT_ROOT points it at a broken copy.
    fs::create_directories(dir / "root" / "rules" / "resolve");
    fs::copy_file(kData + "/broken.yaml", dir / "root" / "rules" / "resolve" / "broken.yaml");
    fs::copy_file(fs::path(HINDSIGHT_SOURCE_DIR) / "rules" / "resolve" / "trade.yaml",
                  dir / "root" / "rules" / "resolve" / "trade.yaml");
    setenv("HINDSIGHT_ROOT", (dir / "root").string().c_str(), 1);
    auto r = run({"--db", db, "resolve", "--as-of", "2026-11-22"});
    unsetenv("HINDSIGHT_ROOT");
    CHECK(r.rc == 1);
    CHECK(r.err.ends_with(
        "hindsight: the rules do not load, so none is applied: fix the errors above\n"));
    CHECK(run({"--db", db, "history", "truce-bessent"}).out.empty());
  }

  TEST_CASE("events import is idempotent and refuses a changed event") {
    auto dir = temp_dir("events");
    auto db = (dir / "h.db").string();
    auto events = (fs::path(HINDSIGHT_SOURCE_DIR) / "claims" / "events.yaml").string();
    auto first = run({"--db", db, "events", "import", events});
    CHECK(first.err == "imported 24 events (0 unchanged, 0 replaced)\n");
    auto again = run({"--db", db, "events", "import", events});
    CHECK(again.err == "imported 0 events (24 unchanged, 0 replaced)\n");
    auto add = run({"--db", db, "events", "add", "--id", "E2", "--date", "2025-08-12", "--kind",
                    "truce.extended"});
    CHECK(add.rc == 1);
    CHECK(add.err ==
          "hindsight: error: event \"E2\" differs from the ledger's (attributes, date, "
          "known_on, reliability, sources, summary); give the event a new id (events are "
          "corrected with 'events import FILE --replace')\n");
    auto ok = run({"--db", db, "events", "add", "--id", "E41", "--date", "2026-09-01", "--kind",
                   "visit.held", "--attr", "visitor=Xi Jinping", "--attr", "host=United States",
                   "--source", "https://example.org"});
    CHECK(ok.rc == 0);
    auto list = run({"--db", db, "events", "--kind", "visit.held", "--json"});
    CHECK(list.out.find("\"visitor\":\"Xi Jinping\"") != std::string::npos);
  }

  TEST_CASE("a malformed events file imports nothing and says where") {
    auto dir = temp_dir("events-bad");
    auto db = (dir / "h.db").string();
    {
      std::ofstream(dir / "ev.yaml") << "events:\n  - {id: A, date: 2025-01-01, kind: x}\n"
                                        "  - {id: B, date: 2025-02-30, kind: x}\n";
    }
    auto r = run({"--db", db, "events", "import", (dir / "ev.yaml").string()});
    CHECK(r.rc == 1);
    CHECK(r.err == "hindsight: error: " + (dir / "ev.yaml").string() +
                       ":3:19: event \"B\": 'date': '2025-02-30' is not a date in the "
                       "calendar\nhindsight: nothing imported: fix the errors above\n");
    CHECK(run({"--db", db, "events", "--json"}).out.empty());
  }
}
