#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/article.hpp"
#include "store/article_store.hpp"
#include "store/database.hpp"

using namespace hindsight;

namespace {

core::Article sample(const std::string& id, const char* published) {
  core::Article a;
  a.id = id;
  a.outlet = "Reuters";
  a.title = "Talks resume";
  a.url = "https://example.com/a";
  a.author = "A. Writer";
  if (published) a.published = *core::parse_date(published);
  a.published_basis = published ? core::PublishedBasis::Given : core::PublishedBasis::Unknown;
  a.source = "a.txt";
  a.raw_text = "Talks resume\n\nIt will rain.\n\nIt will rain.\n";
  a.text = "It will rain.";
  a.repeats = {core::RepeatedParagraph{{0, 13}, {{14, 27}, {29, 42}}}};
  a.cleaning_notes = {"dropped a caption"};
  return a;
}

}  // namespace

TEST_SUITE("store.article_store") {
  TEST_CASE("an added article reads back whole") {
    store::Database db(":memory:");
    store::ArticleStore articles(db);
    auto a = sample("00000000000000aa", "2025-07-27");
    CHECK(articles.add(a, "2025-08-01T00:00:00Z"));
    auto b = articles.get(a.id);
    REQUIRE(b.has_value());
    CHECK(b->outlet == a.outlet);
    CHECK(b->title == a.title);
    CHECK(b->url == a.url);
    CHECK(b->author == a.author);
    CHECK(b->published == a.published);
    CHECK(b->published_basis == core::PublishedBasis::Given);
    CHECK(b->source == a.source);
    CHECK(b->raw_text == a.raw_text);
    CHECK(b->text == a.text);
    REQUIRE(b->repeats.size() == 1);
    CHECK(b->repeats[0].kept == core::Span{0, 13});
    CHECK(b->repeats[0].raw == std::vector<core::Span>{{14, 27}, {29, 42}});
    CHECK(b->cleaning_notes == a.cleaning_notes);
  }

  TEST_CASE("adding the same id twice adds nothing the second time") {
    store::Database db(":memory:");
    store::ArticleStore articles(db);
    CHECK(articles.add(sample("00000000000000aa", nullptr), "t"));
    CHECK_FALSE(articles.add(sample("00000000000000aa", "2025-01-01"), "t"));
    CHECK(articles.count() == 1);
    CHECK_FALSE(articles.get("00000000000000aa")->published.has_value());
  }

  TEST_CASE("an unknown id reads as nothing") {
    store::Database db(":memory:");
    store::ArticleStore articles(db);
    CHECK_FALSE(articles.get("nope").has_value());
    CHECK_FALSE(articles.contains("nope"));
  }

  TEST_CASE("the list is ordered by published date with undated articles last") {
    store::Database db(":memory:");
    store::ArticleStore articles(db);
    articles.add(sample("cc", nullptr), "t");
    articles.add(sample("bb", "2025-07-28"), "t");
    articles.add(sample("aa", "2025-07-29"), "t");
    articles.add(sample("dd", "2025-07-28"), "t");
    std::vector<std::string> order;
    for (const auto& s : articles.list()) order.push_back(s.id);
    CHECK(order == std::vector<std::string>{"bb", "dd", "aa", "cc"});
    CHECK(articles.ids() == std::vector<std::string>{"aa", "bb", "cc", "dd"});
  }

  TEST_CASE("the list counts the distinct claims appearing in each article") {
    store::Database db(":memory:");
    store::ArticleStore articles(db);
    articles.add(sample("aa", "2025-07-28"), "t");
    articles.add(sample("bb", "2025-07-28"), "t");
    db.sql().exec(
        "INSERT INTO claims (id, kind, text, article_id, span_start, span_end, stated_on) VALUES "
        "('c1', 'prediction', 'x', 'aa', 0, 1, '2025-07-28'),"
        "('c2', 'prediction', 'y', 'aa', 2, 3, '2025-07-28')");
    db.sql().exec(
        "INSERT INTO appearances (claim_id, article_id, span_start, span_end, raw_start) VALUES "
        "('c1', 'aa', 0, 1, 0), ('c1', 'aa', 0, 1, 20), ('c2', 'aa', 2, 3, 2), "
        "('c1', 'bb', 5, 6, 5)");
    auto all = articles.list();
    REQUIRE(all.size() == 2);
    CHECK(all[0].claims == 2);
    CHECK(all[1].claims == 1);
  }

  TEST_CASE("marking an article extracted removes it from the pending ids") {
    store::Database db(":memory:");
    store::ArticleStore articles(db);
    articles.add(sample("aa", nullptr), "t");
    articles.add(sample("bb", nullptr), "t");
    CHECK(articles.ids_not_extracted() == std::vector<std::string>{"aa", "bb"});
    articles.mark_extracted("aa", "2025-08-01T00:00:00Z");
    CHECK(articles.ids_not_extracted() == std::vector<std::string>{"bb"});
  }
}
