#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/run.hpp"

using namespace hindsight;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Run {
  int code;
  std::string out, err;
};

Run run(std::vector<std::string> args, const std::string& stdin_text = {}) {
  std::istringstream in(stdin_text);
  auto* old = std::cin.rdbuf(in.rdbuf());
  std::ostringstream o, e;
  int code = cli::run(args, o, e);
  std::cin.rdbuf(old);
  return {code, o.str(), e.str()};
}

std::vector<json> lines(const std::string& out) {
  std::vector<json> v;
  std::istringstream in(out);
  for (std::string l; std::getline(in, l);)
    if (!l.empty()) v.push_back(json::parse(l));
  return v;
}

const char* kArticle =
    "Ahead of the talks, Treasury Secretary Scott Bessent said the two parties would likely "
    "agree to extend the current trade truce.\n\nIn exchange, the US is expected to lower "
    "tariffs on Chinese goods.\n";

// A ledger with one imported and extracted article.
std::string ledger(const char* name) {
  auto dir = fs::temp_directory_path() / "hindsight-tests" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "a.txt") << kArticle;
  auto db = (dir / "ledger.db").string();
  auto imp = run({"--db", db, "import", (dir / "a.txt").string(), "--published", "2025-07-27",
                  "--outlet", "Test Times"});
  REQUIRE_MESSAGE(imp.code == 0, imp.err);
  auto ex = run({"--db", db, "extract"});
  REQUIRE_MESSAGE(ex.code == 0, ex.err);
  return db;
}

}  // namespace

TEST_SUITE("cli.extract") {
  TEST_CASE("extract --stdin --json is a pure filter: one claim JSON per line") {
    auto r = run({"--db", "/nonexistent/dir/never.db", "extract", "--stdin", "--json",
                  "--published", "2025-07-27", "--outlet", "Test Times"},
                 kArticle);
    REQUIRE_MESSAGE(r.code == 0, r.err);
    auto claims = lines(r.out);
    REQUIRE(claims.size() == 2);
    CHECK(claims[0]["speaker"]["name"] == "Scott Bessent");
    CHECK(claims[0]["cue"] == "would likely");
    CHECK(claims[0]["stated_on"] == "2025-07-27");
    CHECK(claims[0]["topics"] == json::array({"trade.truce.extend"}));
    CHECK(claims[1]["speaker"]["name"] == "Test Times");
    CHECK(claims[1]["speaker"]["basis"] == "outlet");
    CHECK(claims[1]["review"] == "candidate");
  }

  TEST_CASE("extract --stdin without --json is a usage error") {
    auto r = run({"extract", "--stdin"}, kArticle);
    CHECK(r.code == 2);
    CHECK(r.err == "hindsight: usage error: --stdin writes JSON lines: add --json\n");
  }

  TEST_CASE("extract --stdin refuses a bad --published date") {
    auto r = run({"extract", "--stdin", "--json", "--published", "2025-02-30"}, kArticle);
    CHECK(r.code == 2);
    CHECK(r.err.starts_with("hindsight: usage error: --published: "));
  }

  TEST_CASE("extract fills the ledger once and claims lists with filters") {
    auto db = ledger("extract-list");
    auto all = run({"--db", db, "claims", "--json"});
    REQUIRE(lines(all.out).size() == 2);
    auto again = run({"--db", db, "extract"});
    CHECK(again.err ==
          "extracted 0 claims from 0 articles (0 new, 0 merged with other articles)\n");
    auto by = run({"--db", db, "claims", "--json", "--speaker", "Scott Bessent"});
    CHECK(lines(by.out).size() == 1);
    auto topic = run({"--db", db, "claims", "--json", "--topic", "trade.*"});
    CHECK(lines(topic.out).size() == 2);
    auto bad = run({"--db", db, "claims", "--status", "overdue"});
    CHECK(bad.code == 2);
    CHECK(bad.err ==
          "hindsight: usage error: --status: unknown status 'overdue' (candidate, accepted, "
          "rejected, edited, open, resolved, true, false, partial, void, ambiguous)\n");
  }

  TEST_CASE("review accept, edit and reject are recorded and shown") {
    auto db = ledger("review");
    auto claims = lines(run({"--db", db, "claims", "--json"}).out);
    std::string id = claims[0]["id"];
    auto acc = run({"--db", db, "review", id.substr(0, 8), "accept", "--by", "ann"});
    REQUIRE_MESSAGE(acc.code == 0, acc.err);
    CHECK(acc.err == id + " accepted by ann\n");
    auto edit = run({"--db", db, "review", id, "edit", "--set", "probability=0.6", "--set",
                     "deadline.end=2025-08-12", "--set", "topics=trade.truce.extend,taiwan", "--by",
                     "bob"});
    REQUIRE_MESSAGE(edit.code == 0, edit.err);
    auto after = lines(run({"--db", db, "claims", "--json", "--status", "edited"}).out);
    REQUIRE(after.size() == 1);
    CHECK(after[0]["probability"] == 0.6);
    CHECK(after[0]["deadline"]["end"] == "2025-08-12");
    CHECK(after[0]["topics"] == json::array({"taiwan", "trade.truce.extend"}));
    // Re-extracting the article keeps the reviewed claim as it is.
    std::string article = after[0]["article"];
    REQUIRE(run({"--db", db, "extract", article}).code == 0);
    auto kept = lines(run({"--db", db, "claims", "--json", "--status", "edited"}).out);
    REQUIRE(kept.size() == 1);
    CHECK(kept[0]["probability"] == 0.6);
  }

  TEST_CASE("review refuses bad values, unknown fields and unknown claims") {
    auto db = ledger("review-errors");
    std::string id = lines(run({"--db", db, "claims", "--json"}).out)[0]["id"];
    auto p = run({"--db", db, "review", id, "edit", "--set", "probability=1.5", "--by", "ann"});
    CHECK(p.code == 1);
    CHECK(p.err ==
          "hindsight: error: --set probability=1.5: a probability is a number in [0, 1], not "
          "'1.5'\n");
    auto f = run({"--db", db, "review", id, "edit", "--set", "colour=red", "--by", "ann"});
    CHECK(f.code == 1);
    CHECK(f.err ==
          "hindsight: error: --set colour=red: unknown field 'colour' (speaker, speaker.role, "
          "speaker.basis, probability, deadline.start, deadline.end, topics, condition, kind)\n");
    auto d =
        run({"--db", db, "review", id, "edit", "--set", "deadline.end=2020-01-01", "--by", "ann"});
    CHECK(d.err ==
          "hindsight: error: --set deadline.end=2020-01-01: deadline.end lies before the "
          "statement date 2025-07-27\n");
    auto u = run({"--db", db, "review", "ffffffffffff", "accept", "--by", "ann"});
    CHECK(u.code == 1);
    CHECK(u.err == "hindsight: error: no claim ffffffffffff in the ledger\n");
    auto a = run({"--db", db, "review", id, "maybe", "--by", "ann"});
    CHECK(a.code == 2);
    CHECK(a.err == "hindsight: usage error: the action is accept, reject or edit, not 'maybe'\n");
  }
}
