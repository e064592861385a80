#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <set>

#include "test_cli_scorecard_fixture.hpp"

using namespace scorecard_fixture;
using nlohmann::json;

namespace {

// The ids of the demo ledger's claims, in `claims --json` order.
std::vector<json> claims_of(const std::string& db) {
  std::vector<json> out;
  for (const auto& line : lines(run({"--db", db, "claims", "--json"}).out))
    out.push_back(json::parse(line));
  return out;
}

// Every file of a folder, name → bytes.
std::map<std::string, std::string> folder(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out[e.path().filename()] = read(e.path());
  return out;
}

// A copy of the demo ledger with reviews of every kind and a person's verdict.
std::string reviewed_ledger(const std::string& name) {
  auto db = demo_copy(name);
  auto claims = claims_of(db);
  REQUIRE(claims.size() >= 4);
  std::vector<std::vector<std::string>> steps{
      {"review", claims[0]["id"], "accept", "--by", "ana"},
      {"review", claims[1]["id"], "edit", "--set", "probability=0.6", "--set",
       "condition=if all goes \"well\"", "--by", "bo"},
      {"review", claims[2]["id"], "reject", "--by", "ana"},
      {"mark", claims[3]["id"], "void", "--by", "ana", "--note", "the condition failed"},
      {"review", claims[3]["id"], "accept", "--by", "ana"},
  };
  for (auto args : steps) {
    args.insert(args.begin(), {"--db", db});
    auto r = run(args);
    REQUIRE_MESSAGE(r.rc == 0, r.err);
  }
  return db;
}

}  // namespace

TEST_SUITE("cli.export") {
  TEST_CASE("the YAML ledger round trip is lossless") {
    auto db = reviewed_ledger("roundtrip");
    auto dir = temp_dir("roundtrip-files");
    auto first = run({"--db", db, "export", "yaml", "-o", (dir / "one").string()});
    REQUIRE_MESSAGE(first.rc == 0, first.err);
    CHECK(first.err.find("exported 4 reviewed claims in ") == 0);

    // A fresh ledger: the articles, then the ledger folder, recognised by its marker.
    auto fresh = articles_ledger("roundtrip-fresh");
    auto imported = run({"--db", fresh, "import", (dir / "one").string()});
    REQUIRE_MESSAGE(imported.rc == 0, imported.err);
    CHECK(imported.err.find(": 4 claims added, 0 updated, 4 reviews and ") != std::string::npos);

    auto second = run({"--db", fresh, "export", "yaml", "-o", (dir / "two").string()});
    REQUIRE(second.rc == 0);
    auto one = folder(dir / "one"), two = folder(dir / "two");
    CHECK(one.size() >= 2);
    CHECK(one == two);

    // Everything the ledger says of those claims survived, verdicts included.
    std::map<std::string, json> before, after;
    for (const auto& c : claims_of(db))
      if (c["review"] != "candidate") before[c["id"]] = c;
    for (const auto& c : claims_of(fresh)) after[c["id"]] = c;
    REQUIRE(before.size() == 4);
    for (const auto& [id, c] : before) {
      CAPTURE(id);
      CHECK(after.at(id) == c);
    }
  }

  TEST_CASE("importing a ledger twice changes nothing the second time") {
    auto db = reviewed_ledger("twice");
    auto dir = temp_dir("twice-files") / "ledger";
    REQUIRE(run({"--db", db, "export", "yaml", "-o", dir.string()}).rc == 0);
    auto again = run({"--db", db, "import", dir.string()});
    CHECK(again.rc == 0);
    CHECK(again.err == "imported ledger " + dir.string() +
                           ": 0 claims added, 0 updated, 0 reviews and 0 resolutions added\n");
  }

  TEST_CASE("a ledger whose article is not imported is refused whole, at the claim's line") {
    auto db = reviewed_ledger("orphan");
    auto dir = temp_dir("orphan-files") / "ledger";
    REQUIRE(run({"--db", db, "export", "yaml", "-o", dir.string()}).rc == 0);
    auto empty = (temp_dir("orphan-empty") / "h.db").string();
    auto r = run({"--db", empty, "import", dir.string()});
    CHECK(r.rc == 1);
    auto errors = lines(r.err);
    REQUIRE(errors.size() >= 2);
    CHECK(errors[0].rfind("hindsight: error: " + dir.string() + "/", 0) == 0);
    CHECK(errors[0].find(".yaml:11:5: claim ") != std::string::npos);
    CHECK(errors[0].find(" is not in the ledger (import the articles first)") != std::string::npos);
    CHECK(errors.back() ==
          "hindsight: ledger " + dir.string() + " not imported: fix the errors above");
    CHECK(claims_of(empty).empty());
  }

  TEST_CASE("export claimreview gives one valid ClaimReview per resolved claim") {
    const auto& db = demo_ledger();
    auto r = run({"--db", db, "export", "claimreview", "--as-of", kAsOf, "--org", "Desk",
                  "--url-base", "https://desk.example/c/"});
    REQUIRE_MESSAGE(r.rc == 0, r.err);
    auto reviews = json::parse(r.out);
    std::set<std::string> resolved;
    for (const auto& c : claims_of(db))
      if (!c["outcome"].is_null() && c["review"] != "rejected") resolved.insert(c["id"]);
    REQUIRE(reviews.size() == resolved.size());
    CHECK(r.err ==
          "exported " + std::to_string(resolved.size()) + " ClaimReviews as of " + kAsOf + "\n");
    for (const auto& cr : reviews) {
      CHECK(cr["@context"] == "https://schema.org");
      CHECK(cr["@type"] == "ClaimReview");
      CHECK(cr["author"]["name"] == "Desk");
      std::string url = cr["url"];
      CHECK(resolved.count(url.substr(std::string("https://desk.example/c/").size())) == 1);
      CHECK_FALSE(cr["claimReviewed"].get<std::string>().empty());
      CHECK_FALSE(cr["reviewRating"]["alternateName"].get<std::string>().empty());
      CHECK(cr["itemReviewed"]["@type"] == "Claim");
    }
  }

  TEST_CASE("export csv has a header and a row per claim") {
    const auto& db = demo_ledger();
    auto dir = temp_dir("csv");
    auto file = (dir / "claims.csv").string();
    auto r = run({"--db", db, "export", "csv", "--as-of", kAsOf, "-o", file});
    REQUIRE_MESSAGE(r.rc == 0, r.err);
    auto csv = read(file);
    CHECK(csv.rfind("id,kind,review,speaker,", 0) == 0);
    // Rows end with CRLF; quoted cells may hold line breaks but the claims have none.
    std::size_t rows = 0;
    for (std::size_t at = 0; (at = csv.find("\r\n", at)) != std::string::npos; at += 2) ++rows;
    CHECK(rows == claims_of(db).size() + 1);
  }

  TEST_CASE("export needs a known format") {
    auto r = run({"export", "pdf"});
    CHECK(r.rc == 2);
  }
}
