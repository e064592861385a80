#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <map>
#include <regex>

#include "test_cli_resolve_fixture.hpp"

using namespace resolve_fixture;

namespace {

// claim id → the JSON line `resolve --json` printed for it.
std::map<std::string, nlohmann::json> by_claim(const std::string& out) {
  std::map<std::string, nlohmann::json> m;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line);
    m[j["claim"]] = j;
  }
  return m;
}

}  // namespace

TEST_SUITE("cli.resolve") {
  TEST_CASE("the gold-shaped predictions resolve to the gold outcomes as of 2026-11-22") {
    auto db = gold_ledger(temp_dir("gold"));
    auto r = run({"--db", db, "resolve", "--as-of", "2026-11-22", "--json"});
    REQUIRE(r.rc == 0);
    auto v = by_claim(r.out);
    CHECK(v["truce-bessent"]["outcome"] == "true");
    CHECK(v["truce-bessent"]["evidence"] == nlohmann::json{"E2"});
    CHECK(v["summit-early-nov"]["evidence"] == nlohmann::json{"E13"});
    CHECK(v["visit-early"]["outcome"] == "false");
    CHECK(v["visit-early"]["evidence"] == nlohmann::json{"E37"});
    CHECK(v["visit-soon"]["outcome"] == "true");
    CHECK(v["compound-four"]["outcome"] == "partial");
    CHECK(v["compound-four"]["credit"] == 0.75);
    CHECK(v["truce-bessent"]["state"] == "confirmed");  // the shipped rules confirm by policy
    CHECK(v.count("taiwan-talk") == 0);                 // no rule: left for a person
    CHECK(r.err ==
          "resolved 5 claims as of 2026-11-22: 5 decided (5 new, 0 unchanged, 0 kept by a "
          "person's mark), 0 pending\n");
  }

  TEST_CASE("resolve --timings prints where the time went as its last line") {
    auto db = gold_ledger(temp_dir("timings"));
    auto r = run({"--db", db, "resolve", "--as-of", "2026-11-22", "--timings"});
    REQUIRE(r.rc == 0);
    auto last = r.err.substr(r.err.rfind('\n', r.err.size() - 2) + 1);
    std::regex line(
        "timings: load \\d+\\.\\d{3} s, evaluate \\d+\\.\\d{3} s \\(5 evaluations\\), "
        "write \\d+\\.\\d{3} s, total \\d+\\.\\d{3} s\n");
    CHECK(std::regex_match(last, line));
  }

  TEST_CASE("the truce forecast is pending on 2025-08-01 and true on 2025-08-12") {
    auto db = gold_ledger(temp_dir("truce"));
    auto early = by_claim(run({"--db", db, "resolve", "--as-of", "2025-08-01", "--json"}).out);
    CHECK(early["truce-bessent"]["outcome"].is_null());
    CHECK(early["truce-bessent"]["change"] == "pending");
    auto later = by_claim(run({"--db", db, "resolve", "--as-of", "2025-08-12", "--json"}).out);
    CHECK(later["truce-bessent"]["outcome"] == "true");
  }

  TEST_CASE("a dry run shows what would change and writes nothing") {
    auto db = gold_ledger(temp_dir("dry"));
    auto dry = run({"--db", db, "resolve", "--as-of", "2026-11-22", "--dry-run"});
    CHECK(dry.rc == 0);
    CHECK(dry.err.starts_with("dry run: 5 claims as of 2026-11-22: 5 decided (5 would be new"));
    CHECK(run({"--db", db, "history", "truce"}).out.empty());
    run({"--db", db, "resolve", "--as-of", "2026-11-22"});
    auto again = run({"--db", db, "resolve", "--as-of", "2026-11-22"});
    CHECK(again.err ==
          "resolved 5 claims as of 2026-11-22: 5 decided (0 new, 5 unchanged, 0 kept by a "
          "person's mark), 0 pending\n");
  }

  TEST_CASE("explain shows the Trump visit found, rejected as outside the window by 13 days") {
    auto db = gold_ledger(temp_dir("explain"));
    auto r = run({"--db", db, "explain", "visit-e", "--as-of", "2026-11-22"});
    REQUIRE(r.rc == 0);
    CHECK(r.out.find("as of 2026-11-22: false — no visit by 2026-04-30; the visit came 13 days "
                     "later\n") != std::string::npos);
    CHECK(r.out.find("rejected E37 2026-05-13…2026-05-15  outside the window: 13 days after "
                     "2026-04-30\n") != std::string::npos);
    CHECK(r.out.find("(fired)") != std::string::npos);
    auto j = nlohmann::json::parse(
        run({"--db", db, "explain", "visit-early", "--as-of", "2026-11-22", "--json"}).out);
    CHECK(j["runs"][0]["selections"][0]["rejected"][0]["days"] == 13);
  }

  TEST_CASE("explain says when the default horizon applies") {
    auto db = gold_ledger(temp_dir("horizon"));
    auto r = run({"--db", db, "explain", "visit-soon", "--as-of", "2026-11-22"});
    CHECK(r.out.find("no deadline in the text: the default horizon of 1y from 2025-07-28 "
                     "applies") != std::string::npos);
  }

  TEST_CASE("a person's mark supersedes the rule's verdict, and history shows both") {
    auto db = gold_ledger(temp_dir("mark"));
    run({"--db", db, "resolve", "--as-of", "2026-11-22"});
    auto m = run({"--db", db, "mark", "visit-soon", "ambiguous", "--by", "Ana Lima", "--note",
                  "was it at Xi's invitation?", "--evidence", "E37", "--as-of", "2026-11-22"});
    CHECK(m.rc == 0);
    CHECK(m.err == "marked visit-soon ambiguous by Ana Lima\n");
    auto r = by_claim(run({"--db", db, "resolve", "--as-of", "2026-11-22", "--json"}).out);
    CHECK(r["visit-soon"]["change"] == "kept");
    auto h = run({"--db", db, "history", "visit-soon", "--json"});
    std::istringstream in(h.out);
    std::string first, second;
    std::getline(in, first);
    std::getline(in, second);
    CHECK(nlohmann::json::parse(first)["state"] == "superseded");
    CHECK(nlohmann::json::parse(second)["by"] == "Ana Lima");
    CHECK(nlohmann::json::parse(second)["state"] == "confirmed");
  }

  TEST_CASE("mark refuses a bad outcome, a partial without credit and an unknown event") {
    auto db = gold_ledger(temp_dir("mark-bad"));
    auto a = run({"--db", db, "mark", "visit-soon", "maybe", "--by", "Ana"});
    CHECK(a.rc == 2);
    CHECK(a.err ==
          "hindsight: usage error: outcome 'maybe' is not one of true, false, partial, void, "
          "ambiguous\n");
    auto b = run({"--db", db, "mark", "visit-soon", "partial", "--by", "Ana"});
    CHECK(b.err == "hindsight: usage error: a partial verdict needs --credit from 0 to 1\n");
    auto c = run({"--db", db, "mark", "visit-soon", "true", "--by", "Ana", "--evidence", "E99"});
    CHECK(c.rc == 1);
    CHECK(c.err == "hindsight: error: --evidence: no event 'E99' (see hindsight events)\n");
  }

  TEST_CASE("a claim prefix must name one claim") {
    auto db = gold_ledger(temp_dir("prefix"));
    auto r = run({"--db", db, "explain", "visit"});
    CHECK(r.rc == 1);
    CHECK(r.err == "hindsight: error: 'visit' matches several claims: visit-early, visit-soon\n");
    auto none = run({"--db", db, "history", "zzz"});
    CHECK(none.err == "hindsight: error: no claim 'zzz' (see hindsight claims)\n");
  }
}
