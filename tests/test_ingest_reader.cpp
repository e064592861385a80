#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "ingest/reader.hpp"
#include "ingest/sources.hpp"
#include "util/hash.hpp"

using namespace hindsight;
namespace fs = std::filesystem;

namespace {

// A fresh temporary folder per test case.
fs::path temp_dir(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("hindsight-a-reader-" + name);
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

core::Article read_one(const fs::path& path, const ingest::Metadata* manifest = nullptr,
                       const ingest::ReadOptions& options = {}) {
  auto all = ingest::read_articles(path, manifest, options);
  REQUIRE(all.size() == 1);
  REQUIRE_MESSAGE(all[0].ok(), all[0].error().to_string());
  return all[0].value();
}

std::string read_error(const fs::path& path, const ingest::Metadata* manifest = nullptr) {
  auto all = ingest::read_articles(path, manifest, {});
  REQUIRE(all.size() == 1);
  REQUIRE_FALSE(all[0].ok());
  return all[0].error().to_string();
}

const char* kBody = "Officials said on Monday that the truce would likely be extended.\n";

}  // namespace

TEST_SUITE("ingest.reader") {
  TEST_CASE("a text file becomes an article whose id is the hash of its text") {
    auto dir = temp_dir("txt");
    auto a = read_one(write(dir / "a.txt", std::string("Truce Talks Resume\n") + kBody));
    CHECK(a.title == "Truce Talks Resume");
    CHECK(a.text == "Officials said on Monday that the truce would likely be extended.");
    CHECK(a.id == util::hex_hash(a.text));
    CHECK(a.source == (dir / "a.txt").string());
    CHECK(a.published_basis == core::PublishedBasis::Unknown);
  }

  TEST_CASE("front matter gives the metadata of a Markdown article") {
    auto dir = temp_dir("md");
    auto a = read_one(write(dir / "a.md", std::string("---\n"
                                                      "outlet: Reuters\n"
                                                      "title: Truce to be extended\n"
                                                      "url: https://example.com/truce\n"
                                                      "author: Jane Doe\n"
                                                      "published: 2025-07-27\n"
                                                      "---\n"
                                                      "# Truce to be extended\n\n") +
                                              kBody));
    CHECK(a.outlet == "Reuters");
    CHECK(a.title == "Truce to be extended");
    CHECK(a.url == "https://example.com/truce");
    CHECK(a.author == "Jane Doe");
    CHECK(core::format_date(a.published) == "2025-07-27");
    CHECK(a.published_basis == core::PublishedBasis::Given);
    CHECK(a.text == "Officials said on Monday that the truce would likely be extended.");
    CHECK(a.raw_text.starts_with("---\noutlet: Reuters"));
  }

  TEST_CASE("an unknown front matter key is an error at its line and column") {
    auto dir = temp_dir("md-unknown");
    auto path =
        write(dir / "a.md", std::string("---\noutlet: Reuters\n  \nautor: Jane\n---\n") + kBody);
    CHECK(read_error(path) == path.string() +
                                  ":4:1: unknown key 'autor' (expected outlet, title, url, "
                                  "author, published, published_basis)");
  }

  TEST_CASE("an impossible date in front matter is an error at its line and column") {
    auto dir = temp_dir("md-date");
    auto path =
        write(dir / "a.md", std::string("---\ntitle: T\npublished: 2025-02-30\n---\n") + kBody);
    CHECK(read_error(path) ==
          path.string() + ":3:12: published: '2025-02-30' is not a date in the calendar");
  }

  TEST_CASE("front matter without its closing line is an error") {
    auto dir = temp_dir("md-open");
    auto path = write(dir / "a.md", std::string("---\ntitle: T\n") + kBody);
    CHECK(read_error(path) == path.string() + ":1:1: the front matter has no closing '---'");
  }

  TEST_CASE("each JSON line is an article and a bad line does not stop the others") {
    auto dir = temp_dir("jsonl");
    auto path = write(dir / "feed.jsonl",
                      "{\"text\": \"Officials said the truce would likely be extended.\", "
                      "\"outlet\": \"CNN\", \"published\": \"2025-07-27\", \"published_basis\": "
                      "\"stated\"}\n"
                      "\n"
                      "{\"text\": \"Analysts expect a deal by the end of the year.\", \"autor\": "
                      "\"X\"}\n"
                      "{\"text\": \"Prices will rise.\", \"published\": \"2025-13-01\"}\n"
                      "{\"text\": \"broken\n"
                      "{\"title\": \"no text\"}\n"
                      "{\"text\": \"Tariffs will fall next month, the ministry said.\"}\n");
    auto all = ingest::read_articles(path, nullptr, {});
    REQUIRE(all.size() == 6);
    REQUIRE(all[0].ok());
    CHECK(all[0]->outlet == "CNN");
    CHECK(all[0]->published_basis == core::PublishedBasis::Stated);
    CHECK(all[0]->source == path.string() + ":1");
    const std::string f = path.string();
    CHECK(all[1].error().to_string() ==
          f + ":3:60: unknown key 'autor' (expected text, outlet, title, url, author, published, "
              "published_basis)");
    CHECK(all[2].error().to_string() ==
          f + ":4:31: published: '2025-13-01' is not a date in the calendar");
    CHECK(all[3].error().to_string() ==
          f + ":5:17: invalid JSON: syntax error while parsing value - invalid string: missing "
              "closing quote; last read: '\"broken'");
    CHECK(all[4].error().to_string() == f + ":6:1: the article has no \"text\"");
    REQUIRE(all[5].ok());
    CHECK(all[5]->source == path.string() + ":7");
  }

  TEST_CASE(
      "flags win over front matter, front matter over the manifest, the manifest over the "
      "text") {
    auto dir = temp_dir("precedence");
    auto path =
        write(dir / "a.md", std::string("---\nurl: https://own.test\ntitle: Own title\n---\n"
                                        "Economy 09:57 AM - 2025-07-27\n\n") +
                                kBody + "\n© Text Outlet\n");
    ingest::Metadata manifest;
    manifest.title = "Manifest title";
    manifest.url = "https://manifest.test";
    manifest.author = "Manifest Author";
    ingest::ReadOptions options;
    options.flags.title = "Flag title";
    auto a = read_one(path, &manifest, options);
    CHECK(a.title == "Flag title");
    CHECK(a.url == "https://own.test");
    CHECK(a.author == "Manifest Author");
    CHECK(a.outlet == "Text Outlet");
    CHECK(core::format_date(a.published) == "2025-07-27");
    CHECK(a.published_basis == core::PublishedBasis::Stated);

    manifest.published = *core::parse_date("2025-07-28");
    manifest.published_basis = core::PublishedBasis::Inferred;
    a = read_one(path, &manifest, options);
    CHECK(core::format_date(a.published) == "2025-07-28");
    CHECK(a.published_basis == core::PublishedBasis::Inferred);
  }

  TEST_CASE("bytes from standard input become an article with the flags' metadata") {
    ingest::ReadOptions options;
    options.flags.outlet = "CNN";
    auto a = ingest::article_from_bytes(std::string("Talks Resume\n") + kBody, "<stdin>", options);
    REQUIRE(a.ok());
    CHECK(a->outlet == "CNN");
    CHECK(a->title == "Talks Resume");
    CHECK(a->source == "<stdin>");
    auto empty = ingest::article_from_bytes("", "<stdin>");
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().to_string() == "<stdin>: the file is empty");
  }

  TEST_CASE("a file of nothing but furniture is an error") {
    auto dir = temp_dir("furniture");
    auto path = write(dir / "a.txt", "see more\n© Foreign Policy\n");
    CHECK(read_error(path) ==
          path.string() + ": no article text is left once page furniture is removed");
  }

  TEST_CASE("an empty and a binary file are errors naming the file") {
    auto dir = temp_dir("bad");
    auto empty = write(dir / "empty.txt", "");
    CHECK(read_error(empty) == empty.string() + ": the file is empty");
    auto binary = write(dir / "image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    CHECK(read_error(binary) ==
          binary.string() + ": a binary file, not text (a NUL byte at offset 8)");
  }
}

TEST_SUITE("ingest.sources") {
  TEST_CASE("a folder is walked in order and its manifest beside it is used") {
    auto dir = temp_dir("plan");
    write(dir / "news" / "b.txt", kBody);
    write(dir / "news" / "a.md", kBody);
    write(dir / "news" / "sub" / "c.jsonl", "{\"text\": \"x\"}\n");
    write(dir / "news" / "notes.pdf", "%PDF");
    write(dir / "news" / ".hidden.txt", kBody);
    write(dir / "news.yaml",
          "articles:\n  - file: b.txt\n    outlet: CNN\n    published: 2025-07-28\n");
    auto plan = ingest::plan_import({dir / "news"}, std::nullopt);
    CHECK(plan.errors.empty());
    REQUIRE(plan.files.size() == 3);
    CHECK(plan.files[0].path == dir / "news" / "a.md");
    CHECK(plan.files[1].path == dir / "news" / "b.txt");
    CHECK(plan.files[2].path == dir / "news" / "sub" / "c.jsonl");
    CHECK_FALSE(plan.files[0].manifest.has_value());
    REQUIRE(plan.files[1].manifest.has_value());
    CHECK(plan.files[1].manifest->outlet == "CNN");
    CHECK(plan.ignored == 1);
  }

  TEST_CASE("the bundled manifest gives the seeds their metadata") {
    auto plan =
        ingest::plan_import({fs::path(HINDSIGHT_SOURCE_DIR) / "claims" / "articles"}, std::nullopt);
    CHECK(plan.errors.empty());
    REQUIRE(plan.files.size() == 5);
    for (const auto& f : plan.files) CHECK(f.manifest.has_value());
    auto a = ingest::read_articles(plan.files[0].path, &*plan.files[0].manifest, {});
    REQUIRE(a[0].ok());
    CHECK(a[0]->outlet == "Foreign Policy");
    CHECK(core::format_date(a[0]->published) == "2025-07-28");
    CHECK(a[0]->published_basis == core::PublishedBasis::Inferred);
  }

  TEST_CASE("manifest errors are all reported with their line and column") {
    auto dir = temp_dir("manifest-bad");
    write(dir / "news" / "a.txt", kBody);
    auto m = write(dir / "m.yaml",
                   "articles:\n"
                   "  - file: news/a.txt\n"
                   "    published: 2025-02-30\n"
                   "    section: World\n"
                   "  - file: missing.txt\n"
                   "  - title: no file\n"
                   "extra: 1\n");
    auto plan = ingest::plan_import({dir / "news" / "a.txt"}, m);
    std::vector<std::string> errors;
    for (const auto& e : plan.errors) errors.push_back(e.to_string());
    const std::string f = m.string();
    CHECK(errors == std::vector<std::string>{
                        f + ":7:1: unknown key 'extra' (expected articles)",
                        f + ":3:16: published: '2025-02-30' is not a date in the calendar",
                        f + ":4:5: unknown key 'section' (expected file, outlet, title, url, "
                            "author, published, published_basis)",
                        f + ":5:11: no such file: " + (dir / "missing.txt").string(),
                        f + ":6:5: the entry has no 'file'",
                    });
  }

  TEST_CASE("a path that does not exist is an error") {
    auto plan = ingest::plan_import({"/nonexistent/news"}, std::nullopt);
    REQUIRE(plan.errors.size() == 1);
    CHECK(plan.errors[0].to_string() == "/nonexistent/news: no such file or folder");
  }
}
