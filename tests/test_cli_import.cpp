#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/run.hpp"
#include "store/article_store.hpp"
#include "store/database.hpp"

using namespace hindsight;
namespace fs = std::filesystem;

namespace {

struct Ran {
  int rc;
  std::string out;
  std::string err;
};

Ran run(std::vector<std::string> args) {
  std::ostringstream out, err;
  int rc = cli::run(args, out, err);
  return {rc, out.str(), err.str()};
}

fs::path temp_dir(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("hindsight-a-cli-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

fs::path write(const fs::path& path, std::string_view text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
  return path;
}

const std::string kSeeds = HINDSIGHT_SOURCE_DIR "/claims/articles";

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_SUITE("cli.import") {
  TEST_CASE("importing the seeds adds five articles and says so") {
    auto db = (temp_dir("seeds") / "h.db").string();
    auto r = run({"--db", db, "import", kSeeds});
    CHECK(r.rc == 0);
    CHECK(r.err == "imported 5 articles (0 skipped, 0 failed)\n");
    auto out = lines(r.out);
    REQUIRE(out.size() == 5);
    CHECK(out[0] == "imported  a6e057081a43e126  " + kSeeds + "/000_927ad39ea968246f.txt");
  }

  TEST_CASE("importing the same text again adds nothing") {
    auto dir = temp_dir("again");
    auto db = (dir / "h.db").string();
    REQUIRE(run({"--db", db, "import", kSeeds}).rc == 0);
    auto r = run({"--db", db, "import", kSeeds});
    CHECK(r.rc == 0);
    CHECK(r.err == "imported 0 articles (5 skipped, 0 failed)\n");
    CHECK(lines(r.out)[2] ==
          "skipped (already imported)  403eb727f5926f8d  " + kSeeds + "/002_180d54fee269576a.txt");
    // The same text under another name is the same article.
    auto copy = dir / "copy.txt";
    fs::copy_file(kSeeds + "/002_180d54fee269576a.txt", copy);
    r = run({"--db", db, "import", copy.string()});
    CHECK(r.err == "imported 0 articles (1 skipped, 0 failed)\n");
    store::Database ledger(db);
    CHECK(store::ArticleStore(ledger).count() == 5);
  }

  TEST_CASE("articles --json lists the ledger with its metadata, ordered by date") {
    auto db = (temp_dir("list") / "h.db").string();
    REQUIRE(run({"--db", db, "import", kSeeds}).rc == 0);
    auto r = run({"--db", db, "articles", "--json"});
    CHECK(r.rc == 0);
    auto out = lines(r.out);
    REQUIRE(out.size() == 5);
    auto first = nlohmann::json::parse(out[0]);
    CHECK(first == nlohmann::json{{"id", "403eb727f5926f8d"},
                                  {"outlet", "PUKMEDIA"},
                                  {"title",
                                   "China Heads to Stockholm Trade Talks with Renewed Confidence "
                                   "Amid U.S. Concessions"},
                                  {"published", "2025-07-27"},
                                  {"published_basis", "stated"},
                                  {"source", kSeeds + "/002_180d54fee269576a.txt"},
                                  {"claims", 0}});
    auto last = nlohmann::json::parse(out[4]);
    CHECK(last["published"] == "2025-10-29");
    CHECK(last["title"] == "");
    auto text = run({"--db", db, "articles"});
    CHECK(lines(text.out)[1] ==
          "a6e057081a43e126  2025-07-28 (inferred)    Foreign Policy      0 claims  Is This the "
          "Start of a U.S.-China Friendship?");
  }

  TEST_CASE("a bad file is reported and the others are still imported") {
    auto dir = temp_dir("mixed");
    write(dir / "news" / "a.txt", "The truce will likely be extended, officials said.\n");
    write(dir / "news" / "b.txt", "");
    write(dir / "news" / "c.md", "---\npublished: 2025-02-30\n---\nPrices will rise.\n");
    write(dir / "news" / "d.txt", "Tariffs are expected to fall next month, analysts said.\n");
    auto db = (dir / "h.db").string();
    auto r = run({"--db", db, "import", (dir / "news").string()});
    CHECK(r.rc == 1);
    auto news = (dir / "news").string();
    CHECK(r.err == "hindsight: error: " + news + "/b.txt: the file is empty\n" +
                       "hindsight: error: " + news +
                       "/c.md:2:12: published: '2025-02-30' is not a date in the calendar\n" +
                       "imported 2 articles (0 skipped, 2 failed)\n");
    store::Database ledger(db);
    CHECK(store::ArticleStore(ledger).count() == 2);
  }

  TEST_CASE("flags give metadata and an impossible --published is a usage error") {
    auto dir = temp_dir("flags");
    auto file = write(dir / "a.txt", "The truce will likely be extended, officials said.\n");
    auto db = (dir / "h.db").string();
    auto bad = run({"--db", db, "import", file.string(), "--published", "2025-02-30"});
    CHECK(bad.rc == 2);
    CHECK(bad.err ==
          "hindsight: usage error: --published: '2025-02-30' is not a date in the calendar\n");
    auto r = run({"--db", db, "import", file.string(), "--outlet", "CNN", "--published",
                  "2025-07-27", "--title", "Truce", "--json"});
    CHECK(r.rc == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["status"] == "imported");
    store::Database ledger(db);
    auto a = store::ArticleStore(ledger).get(j["id"].get<std::string>());
    REQUIRE(a);
    CHECK(a->outlet == "CNN");
    CHECK(a->title == "Truce");
    CHECK(core::format_date(a->published) == "2025-07-27");
    CHECK(a->published_basis == core::PublishedBasis::Given);
  }

  TEST_CASE("a manifest error imports nothing") {
    auto dir = temp_dir("manifest");
    write(dir / "news" / "a.txt", "The truce will likely be extended, officials said.\n");
    write(dir / "news.yaml", "articles:\n  - file: a.txt\n    outlett: CNN\n");
    auto db = (dir / "h.db").string();
    auto r = run({"--db", db, "import", (dir / "news").string()});
    CHECK(r.rc == 1);
    CHECK(r.err == "hindsight: error: " + (dir / "news.yaml").string() +
                       ":3:5: unknown key 'outlett' (expected file, outlet, title, url, author, "
                       "published, published_basis)\n"
                       "hindsight: nothing imported: fix the errors above\n");
    store::Database ledger(db);
    CHECK(store::ArticleStore(ledger).count() == 0);
  }

  TEST_CASE("a ledger from a newer hindsight is refused with a clear message") {
    auto dir = temp_dir("future");
    auto db = (dir / "h.db").string();
    {
      store::Database ledger(db);
      ledger.sql().exec("PRAGMA user_version = 99");
    }
    auto r = run({"--db", db, "import", kSeeds});
    CHECK(r.rc == 1);
    CHECK(r.err == "hindsight: error: " + db +
                       " is a ledger of schema version 99, written by a newer hindsight; this "
                       "one knows version " +
                       std::to_string(store::schema_version()) + " (upgrade hindsight)\n");
  }

  TEST_CASE("listing a ledger that does not exist says how to make one") {
    auto db = (temp_dir("none") / "h.db").string();
    auto r = run({"--db", db, "articles"});
    CHECK(r.rc == 1);
    CHECK(r.err == "hindsight: error: no ledger at " + db +
                       " (import articles first: hindsight import PATH)\n");
    CHECK_FALSE(fs::exists(db));
  }

  TEST_CASE("the demo imports the bundled corpus into a fresh ledger each time") {
    auto dir = temp_dir("demo");
    for (int i = 0; i < 2; ++i) {
      auto r = run({"demo", "--out", dir.string(), "--as-of", "2026-11-22"});
      CHECK(r.rc == 0);
      auto out = lines(r.out);
      REQUIRE(out.size() >= 2);
      CHECK(out[0] == "hindsight demo: the bundled corpus as of 2026-11-22, into " +
                          (dir / "hindsight.db").string());
      CHECK(out[1].starts_with("import: imported 5 articles (0 skipped, 0 failed) from "));
    }
  }
}
