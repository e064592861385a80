#include "store/article_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <nlohmann/json.hpp>

#include "core/failure.hpp"
#include "store/claim_store_rows.hpp"

namespace hindsight::store {

namespace {

using nlohmann::json;

json span_to_json(const core::Span& s) {
  return json::array({s.start, s.end});
}

core::Span span_from_json(const json& j) {
  return core::Span{j.at(0).get<std::size_t>(), j.at(1).get<std::size_t>()};
}

std::string repeats_to_json(const std::vector<core::RepeatedParagraph>& repeats) {
  json all = json::array();
  for (const auto& r : repeats) {
    json raw = json::array();
    for (const auto& s : r.raw) raw.push_back(span_to_json(s));
    all.push_back({{"kept", span_to_json(r.kept)}, {"raw", raw}});
  }
  return all.dump();
}

std::vector<core::RepeatedParagraph> repeats_from_json(const std::string& text) {
  std::vector<core::RepeatedParagraph> out;
  for (const auto& j : json::parse(text)) {
    core::RepeatedParagraph r;
    r.kept = span_from_json(j.at("kept"));
    for (const auto& s : j.at("raw")) r.raw.push_back(span_from_json(s));
    out.push_back(std::move(r));
  }
  return out;
}

std::optional<core::Date> date_column(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  auto d = core::parse_date(c.getString());
  if (!d) return std::nullopt;  // written by us, so always valid; tolerate hand edits
  return *d;
}

core::PublishedBasis basis_column(const SQLite::Column& c) {
  return core::published_basis_from_string(c.getString()).value_or(core::PublishedBasis::Unknown);
}

// SQLite errors are failures of the environment (locked, full, corrupt): name the
// ledger and what we were doing.
[[noreturn]] void fail(const Database& db, const char* doing, const std::exception& e) {
  throw core::Failure(std::string("cannot ") + doing + " in the ledger " + db.path() + ": " +
                      e.what());
}

}  // namespace

ArticleStore::ArticleStore(Database& db)
    : m_db(db), m_cache(std::make_unique<claim_rows::StatementCache>(db.sql())) {}

ArticleStore::~ArticleStore() = default;

bool ArticleStore::add(const core::Article& a, const std::string& imported_at) {
  try {
    // IMMEDIATE takes the write lock first, so the existence check and the insert
    // cannot race with another importer.
    SQLite::Transaction tx(m_db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    {
      claim_rows::Use exists(*m_cache, "SELECT 1 FROM articles WHERE id = ?");
      exists->bind(1, a.id);
      if (exists->executeStep()) return false;
    }
    claim_rows::Use use(*m_cache,
                        "INSERT INTO articles (id, outlet, title, url, author, published, "
                        "published_basis, source, raw_text, text, repeats, cleaning_notes, "
                        "imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto& insert = *use;
    insert.bind(1, a.id);
    insert.bind(2, a.outlet);
    insert.bind(3, a.title);
    insert.bind(4, a.url);
    insert.bind(5, a.author);
    if (a.published)
      insert.bind(6, core::format_date(*a.published));
    else
      insert.bind(6);
    insert.bind(7, core::to_string(a.published_basis));
    insert.bind(8, a.source);
    insert.bind(9, a.raw_text);
    insert.bind(10, a.text);
    insert.bind(11, repeats_to_json(a.repeats));
    insert.bind(12, json(a.cleaning_notes).dump());
    insert.bind(13, imported_at);
    insert.exec();
    tx.commit();
    return true;
  } catch (const SQLite::Exception& e) {
    fail(m_db, "add an article", e);
  }
}

bool ArticleStore::contains(const std::string& id) {
  try {
    SQLite::Statement q(m_db.sql(), "SELECT 1 FROM articles WHERE id = ?");
    q.bind(1, id);
    return q.executeStep();
  } catch (const SQLite::Exception& e) {
    fail(m_db, "look up an article", e);
  }
}

std::optional<core::Article> ArticleStore::get(const std::string& id) {
  try {
    claim_rows::Use use(
        *m_cache,
        "SELECT id, outlet, title, url, author, published, published_basis, "
        "source, raw_text, text, repeats, cleaning_notes FROM articles WHERE id = ?");
    auto& q = *use;
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    core::Article a;
    a.id = q.getColumn(0).getString();
    a.outlet = q.getColumn(1).getString();
    a.title = q.getColumn(2).getString();
    a.url = q.getColumn(3).getString();
    a.author = q.getColumn(4).getString();
    a.published = date_column(q.getColumn(5));
    a.published_basis = basis_column(q.getColumn(6));
    a.source = q.getColumn(7).getString();
    a.raw_text = q.getColumn(8).getString();
    a.text = q.getColumn(9).getString();
    a.repeats = repeats_from_json(q.getColumn(10).getString());
    a.cleaning_notes = json::parse(q.getColumn(11).getString()).get<std::vector<std::string>>();
    return a;
  } catch (const SQLite::Exception& e) {
    fail(m_db, "read an article", e);
  } catch (const json::exception& e) {
    fail(m_db, "decode an article", e);
  }
}

std::vector<ArticleSummary> ArticleStore::list() {
  try {
    // A claim counts for an article when it appears there, whether or not the
    // article is the claim's first source.
    SQLite::Statement q(m_db.sql(),
                        "SELECT a.id, a.outlet, a.title, a.published, a.published_basis, a.source, "
                        "(SELECT count(DISTINCT claim_id) FROM appearances p "
                        "WHERE p.article_id = a.id) FROM articles a "
                        "ORDER BY a.published IS NULL, a.published, a.id");
    std::vector<ArticleSummary> out;
    while (q.executeStep()) {
      ArticleSummary s;
      s.id = q.getColumn(0).getString();
      s.outlet = q.getColumn(1).getString();
      s.title = q.getColumn(2).getString();
      s.published = date_column(q.getColumn(3));
      s.published_basis = basis_column(q.getColumn(4));
      s.source = q.getColumn(5).getString();
      s.claims = q.getColumn(6).getInt();
      out.push_back(std::move(s));
    }
    return out;
  } catch (const SQLite::Exception& e) {
    fail(m_db, "list the articles", e);
  }
}

std::vector<std::string> ArticleStore::query_ids(const char* sql) {
  try {
    SQLite::Statement q(m_db.sql(), sql);
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
  } catch (const SQLite::Exception& e) {
    fail(m_db, "list the articles", e);
  }
}

std::vector<std::string> ArticleStore::ids() {
  return query_ids("SELECT id FROM articles ORDER BY id");
}

std::vector<std::string> ArticleStore::ids_not_extracted() {
  return query_ids("SELECT id FROM articles WHERE extracted_at IS NULL ORDER BY id");
}

void ArticleStore::mark_extracted(const std::string& id, const std::string& at) {
  try {
    SQLite::Statement q(m_db.sql(), "UPDATE articles SET extracted_at = ? WHERE id = ?");
    q.bind(1, at);
    q.bind(2, id);
    q.exec();
  } catch (const SQLite::Exception& e) {
    fail(m_db, "mark an article extracted", e);
  }
}

int ArticleStore::count() {
  try {
    return m_db.sql().execAndGet("SELECT count(*) FROM articles").getInt();
  } catch (const SQLite::Exception& e) {
    fail(m_db, "count the articles", e);
  }
}

}  // namespace hindsight::store
