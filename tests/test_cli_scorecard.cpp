#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <map>

#include "cli/context.hpp"
#include "cli/scorecard.hpp"
#include "store/database.hpp"
#include "test_cli_scorecard_fixture.hpp"

using namespace scorecard_fixture;
using nlohmann::json;

namespace {

// The ledger of the hostile-text test: one article, one reviewed claim whose text,
// speaker and deadline phrase carry HTML, brought in as a YAML ledger.
const char* kHostileLedger = R"(format: 1
article:
  id: ARTICLE
  outlet: Daily
claims:
  - id: hostile-1
    kind: prediction
    review: accepted
    text: "<script>alert('x')</script> The truce will hold."
    span: [0, 10]
    appearances:
      - {article: ARTICLE, span: [0, 10]}
    speaker: {name: "<img src=x onerror=alert(1)>", basis: quoted}
    stated_on: 2025-07-01
    probability: 0.8
    probability_basis: explicit
    deadline: {end: 2025-09-01, phrase: "by <b>September</b>", basis: stated}
    topics: []
    reviews: []
    resolutions: []
)";

}  // namespace

TEST_SUITE("cli.scorecard") {
  TEST_CASE("the demo scorecard's Brier per speaker is the mean over claims --json") {
    const auto& db = demo_ledger();
    auto card =
        run({"--db", db, "scorecard", "--by", "speaker", "--as-of", kAsOf, "--format", "json"});
    REQUIRE_MESSAGE(card.rc == 0, card.err);
    auto j = json::parse(card.out);
    CHECK(j["as_of"] == kAsOf);
    CHECK(j["by"] == "speaker");

    // Recomputed independently from the claims' JSON: predictions not rejected, with a
    // probability and a true/false/partial verdict; o = 1, 0 or the credit.
    auto claims = run({"--db", db, "claims", "--json"});
    REQUIRE(claims.rc == 0);
    std::map<std::string, std::pair<double, int>> sums;
    int total = 0;
    for (const auto& line : lines(claims.out)) {
      auto c = json::parse(line);
      if (c["kind"] != "prediction" || c["review"] == "rejected") continue;
      if (c["probability"].is_null() || c["outcome"].is_null()) continue;
      std::string outcome = c["outcome"];
      double o = 0;
      if (outcome == "true")
        o = 1;
      else if (outcome == "false")
        o = 0;
      else if (outcome == "partial" && !c["credit"].is_null())
        o = c["credit"];
      else
        continue;
      double p = c["probability"];
      std::string speaker = c["speaker"].is_null() ? "(unknown speaker)" : c["speaker"]["name"];
      sums[speaker].first += (p - o) * (p - o);
      sums[speaker].second += 1;
      ++total;
    }
    REQUIRE(total > 5);  // the demo resolves a good share of its predictions
    int checked = 0;
    for (const auto& g : j["groups"]) {
      std::string key = g["key"];
      CAPTURE(key);
      auto it = sums.find(key);
      if (it == sums.end()) {
        CHECK(g["n"] == 0);
        CHECK(g["brier"].is_null());
        continue;
      }
      CHECK(g["n"] == it->second.second);
      CHECK(g["brier"].get<double>() ==
            doctest::Approx(it->second.first / it->second.second).epsilon(1e-12));
      ++checked;
    }
    CHECK(checked == static_cast<int>(sums.size()));
    CHECK(j["overall"]["n"] == total);
  }

  TEST_CASE("every format of the scorecard renders from the command line") {
    const auto& db = demo_ledger();
    auto dir = temp_dir("formats");
    for (std::string format : {"text", "md", "html", "json", "csv"}) {
      CAPTURE(format);
      auto file = (dir / ("card." + format)).string();
      auto r = run({"--db", db, "scorecard", "--as-of", kAsOf, "--by", "topic", "--format", format,
                    "-o", file});
      REQUIRE_MESSAGE(r.rc == 0, r.err);
      CHECK(r.out.empty());
      CHECK(r.err ==
            "wrote the " + format + " scorecard by topic as of 2026-11-22 to " + file + "\n");
      CHECK(read(file).size() > 200);
    }
    CHECK(read(dir / "card.html").rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(read(dir / "card.text").rfind("Scorecard by topic as of 2026-11-22\n", 0) == 0);
    CHECK(read(dir / "card.csv").rfind("topic,n,predictions,", 0) == 0);
  }

  TEST_CASE("by outlet the outlet's own voice is counted unless quoted claims are asked for") {
    const auto& db = demo_ledger();
    auto own = json::parse(
        run({"--db", db, "scorecard", "--by", "outlet", "--as-of", kAsOf, "--format", "json"}).out);
    auto all = json::parse(run({"--db", db, "scorecard", "--by", "outlet", "--as-of", kAsOf,
                                "--include-quoted", "--format", "json"})
                               .out);
    CHECK(own["include_quoted"] == false);
    CHECK(all["include_quoted"] == true);
    CHECK(own["overall"]["predictions"].get<int>() < all["overall"]["predictions"].get<int>());
  }

  TEST_CASE("--open-limit caps the open list and the tally still counts every open one") {
    const auto& db = demo_ledger();
    auto all = json::parse(
        run({"--db", db, "scorecard", "--as-of", kAsOf, "--format", "json", "--open-limit", "0"})
            .out);
    auto one = json::parse(
        run({"--db", db, "scorecard", "--as-of", kAsOf, "--format", "json", "--open-limit", "1"})
            .out);
    REQUIRE(all["open"].size() > 1);
    CHECK(all["open"].size() == all["overall"]["open"].get<std::size_t>());
    CHECK(one["open_limit"] == 1);
    REQUIRE(one["open"].size() == 1);
    CHECK(one["open"][0] == all["open"][0]);
    CHECK(one["overall"] == all["overall"]);
  }

  TEST_CASE("a scorecard as of an earlier date leaves out later claims and verdicts") {
    const auto& db = demo_ledger();
    auto early = json::parse(
        run({"--db", db, "scorecard", "--as-of", "2025-07-27", "--format", "json"}).out);
    auto late =
        json::parse(run({"--db", db, "scorecard", "--as-of", kAsOf, "--format", "json"}).out);
    CHECK(early["overall"]["predictions"].get<int>() < late["overall"]["predictions"].get<int>());
    CHECK(early["overall"]["n"] == 0);  // the rules judged as of 2026-11-22
  }

  TEST_CASE("the HTML scorecard shows a script from an article as text") {
    auto dir = temp_dir("hostile");
    auto db = (dir / "h.db").string();
    { std::ofstream(dir / "a.txt") << "Hostile text. The truce will hold, says the paper.\n"; }
    auto imported = run({"--db", db, "import", (dir / "a.txt").string(), "--json"});
    REQUIRE_MESSAGE(imported.rc == 0, imported.err);
    std::string id = json::parse(lines(imported.out).at(0))["id"];
    fs::create_directories(dir / "ledger");
    std::ofstream(dir / "ledger" / "ledger.yaml") << "format: 1\n";
    std::string ledger = kHostileLedger;
    for (auto at = ledger.find("ARTICLE"); at != std::string::npos; at = ledger.find("ARTICLE"))
      ledger.replace(at, 7, id);
    std::ofstream(dir / "ledger" / (id + ".yaml")) << ledger;
    auto r = run({"--db", db, "import", (dir / "ledger").string()});
    REQUIRE_MESSAGE(r.rc == 0, r.err);
    auto html = run({"--db", db, "scorecard", "--as-of", "2025-12-31", "--format", "html"});
    REQUIRE(html.rc == 0);
    CHECK(html.out.find("<script") == std::string::npos);
    CHECK(html.out.find("<img") == std::string::npos);
    CHECK(html.out.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; The truce will hold.") !=
          std::string::npos);
    CHECK(html.out.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
    CHECK(html.out.find("by &lt;b&gt;September&lt;/b&gt;") != std::string::npos);
  }

  TEST_CASE("bad scorecard options are usage errors") {
    const auto& db = demo_ledger();
    auto bad_date = run({"--db", db, "scorecard", "--as-of", "2025-02-30"});
    CHECK(bad_date.rc == 2);
    CHECK(bad_date.err ==
          "hindsight: usage error: --as-of: '2025-02-30' is not a date in the calendar\n");
    auto bad_by = run({"--db", db, "scorecard", "--by", "weekday"});
    CHECK(bad_by.rc == 2);
    CHECK(bad_by.err.find("--by: weekday not in {speaker,outlet,topic,month}") !=
          std::string::npos);
    auto bad_format = run({"--db", db, "scorecard", "--format", "pdf"});
    CHECK(bad_format.rc == 2);
  }

  TEST_CASE("a scorecard without a ledger says how to start one") {
    auto db = (temp_dir("none") / "missing.db").string();
    auto r = run({"--db", db, "scorecard"});
    CHECK(r.rc == 1);
    CHECK(r.err == "hindsight: error: no ledger at " + db +
                       " (import articles first: hindsight import PATH)\n");
  }

  TEST_CASE("the demo's stage writes scorecard.html and prints a row per speaker") {
    const auto& db_path = demo_ledger();
    auto dir = temp_dir("demo-stage") / "out";
    std::ostringstream out, err;
    hindsight::cli::Context ctx{out,
                                err,
                                db_path,
                                *hindsight::core::parse_date(kAsOf),
                                "2026-11-22T00:00:00Z",
                                HINDSIGHT_SOURCE_DIR,
                                false};
    hindsight::store::Database db(db_path, false);
    auto page =
        hindsight::cli::write_demo_scorecard(ctx, db, *hindsight::core::parse_date(kAsOf), dir);
    CHECK(page == dir / "scorecard.html");
    CHECK(read(page).rfind("<!DOCTYPE html>", 0) == 0);
    auto table = lines(out.str());
    REQUIRE(table.size() >= 4);
    CHECK(table[0] == "speaker" + std::string(table[0].find("found") - 7, ' ') +
                          "found  resolved  Brier  open");
    auto card =
        json::parse(run({"--db", db_path, "scorecard", "--as-of", kAsOf, "--format", "json"}).out);
    CHECK(table.size() == 2 + card["groups"].size() + 1);  // header, rule, speakers, total
    CHECK(table.back().rfind("all ", 0) == 0);
    CHECK(err.str().empty());
  }
}
