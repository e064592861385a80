// The measurement of issue 3 through the command line: the five seeds imported into
// a temporary ledger, `extract`, then `claims --json` scored against the gold
// annotation. tools/eval-extract runs this case with HINDSIGHT_EVAL_VERBOSE=1 to print
// the figures and every miss.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli/run.hpp"
#include "gold_eval.hpp"
#include "store/article_store.hpp"

using namespace hindsight;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::optional<core::Date> date_or_null(const json& j) {
  if (!j.is_string()) return std::nullopt;
  auto d = core::parse_date(j.get<std::string>());
  return d ? std::optional(*d) : std::nullopt;
}

// The fields the scoring reads, back from the claim JSON.
core::Claim from_json(const json& j) {
  core::Claim c;
  c.id = j.at("id");
  c.kind = *core::claim_kind_from_string(j.at("kind").get<std::string>());
  c.text = j.at("text");
  for (const auto& a : j.at("appearances"))
    c.appearances.push_back({a.at("article"), {a.at("span")[0], a.at("span")[1]}, std::nullopt});
  if (j.at("speaker").is_object())
    c.speaker =
        core::Speaker{j["speaker"]["name"],
                      *core::speaker_basis_from_string(j["speaker"]["basis"].get<std::string>()),
                      {}};
  if (j.at("probability").is_number()) c.probability = j["probability"].get<double>();
  if (j.at("cue").is_string()) c.cue = j["cue"];
  c.deadline.end = date_or_null(j.at("deadline").at("end"));
  c.deadline.basis = *core::deadline_basis_from_string(j["deadline"]["basis"].get<std::string>());
  if (j["deadline"]["phrase"].is_string()) c.deadline.phrase = j["deadline"]["phrase"];
  return c;
}

int run(std::vector<std::string> args, std::string* out = nullptr) {
  std::ostringstream o, e;
  int code = cli::run(args, o, e);
  if (out) *out = o.str();
  INFO(e.str());
  return code;
}

}  // namespace

TEST_SUITE("cli.extract.gold") {
  TEST_CASE("the seeds meet the floors of issue 3 through import, extract and claims --json") {
    fs::path root = HINDSIGHT_SOURCE_DIR;
    auto dir = fs::temp_directory_path() / "hindsight-tests";
    fs::create_directories(dir);
    auto db = (dir / "gold.db").string();
    for (auto suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);
    REQUIRE(run({"--db", db, "import", (root / "claims/articles").string()}) == 0);
    REQUIRE(run({"--db", db, "extract"}) == 0);
    std::string lines;
    REQUIRE(run({"--db", db, "claims", "--json"}, &lines) == 0);
    std::vector<core::Claim> claims;
    std::istringstream in(lines);
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) claims.push_back(from_json(json::parse(line)));

    store::Database ledger(db);
    store::ArticleStore articles(ledger);
    std::map<std::string, std::string> texts, files;
    for (const auto& id : articles.ids()) {
      auto a = articles.get(id);
      texts[id] = a->text;
      files[id] = fs::path(a->source).filename().string();
    }
    auto items = gold::load((root / "tests/data/gold/seed-claims.yaml").string());
    auto report = gold::score(items, claims, texts, files);
    if (std::getenv("HINDSIGHT_EVAL_VERBOSE")) std::cout << report.summary();
    INFO(report.summary());
    CHECK(report.recall() >= 0.95);
    CHECK(report.precision() >= 0.85);
    CHECK(report.duplicates == 0);
    CHECK(report.share(report.speaker_right) >= 0.9);
    CHECK(report.share(report.probability_right) >= 0.9);
    CHECK(report.share(report.deadline_right) >= 0.9);
    CHECK(report.factual_found == report.factual_required);
    CHECK(report.same_as_merged == report.same_as_pairs);
  }
}
