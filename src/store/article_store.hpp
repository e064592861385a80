// The articles of the ledger: adding, reading and listing them. Each add is one
// transaction, so an import killed half-way leaves whole articles or none.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/article.hpp"
#include "core/date.hpp"
#include "store/database.hpp"

namespace hindsight::store {

namespace claim_rows {
class StatementCache;
}

// One line of `hindsight articles`: an article without its texts, plus how many
// claims extraction found in it.
struct ArticleSummary {
  std::string id;
  std::string outlet;
  std::string title;
  std::optional<core::Date> published;
  core::PublishedBasis published_basis = core::PublishedBasis::Unknown;
  std::string source;
  int claims = 0;  // distinct claims with an appearance in this article
};

class ArticleStore {
 public:
  // Works on `db`, which must outlive the store. Throws core::Failure on SQL errors
  // (as every method does).
  explicit ArticleStore(Database& db);
  ~ArticleStore();
  ArticleStore(const ArticleStore&) = delete;
  ArticleStore& operator=(const ArticleStore&) = delete;

  // Adds `article` in one transaction unless an article with the same id exists;
  // true when it was added. `imported_at` is the ISO timestamp recorded with it.
  bool add(const core::Article& article, const std::string& imported_at);

  // True when an article with this id is in the ledger.
  bool contains(const std::string& id);

  // The whole article, or nullopt when no article has this id.
  std::optional<core::Article> get(const std::string& id);

  // Every article, ordered by published date (undated last), then id.
  std::vector<ArticleSummary> list();

  // Every article id, sorted.
  std::vector<std::string> ids();

  // Records that extraction ran on the article at `at` (ISO timestamp). Unknown ids
  // are ignored.
  void mark_extracted(const std::string& id, const std::string& at);

  // The ids of the articles extraction has not run on yet, sorted.
  std::vector<std::string> ids_not_extracted();

  // How many articles the ledger holds.
  int count();

 private:
  std::vector<std::string> query_ids(const char* sql);

  Database& m_db;
  // add() and get() run once per article: their statements are prepared once.
  std::unique_ptr<claim_rows::StatementCache> m_cache;
};

}  // namespace hindsight::store
