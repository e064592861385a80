// Loading many claims into the ledger fast (`hindsight import --claims`): statements
// prepared once, many claims per transaction. ClaimStore::save_extraction is the
// per-article path with its replace-the-candidates semantics; this one only adds.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "core/claim.hpp"
#include "store/database.hpp"

namespace hindsight::store {

// What adding one claim did.
struct BulkAdd {
  enum class Status {
    Added,           // a new claim, with its topics, parts and appearances
    Existing,        // the id is in the ledger: only appearances it lacked were added
    MissingArticle,  // an article it names is not in the ledger: nothing written
  };
  Status status = Status::Added;
  std::string missing_article;  // for MissingArticle: the article id
};

class ClaimBulkLoader {
 public:
  // Works on `db`, which must outlive the loader. With `batch_size` 0 every claim
  // added goes into one transaction until commit(); otherwise a transaction is
  // committed after each `batch_size` claims (and the last by commit()). Throws
  // core::Failure on SQL errors.
  explicit ClaimBulkLoader(Database& db, std::size_t batch_size = 0);
  // Rolls back what is not committed.
  ~ClaimBulkLoader();
  ClaimBulkLoader(const ClaimBulkLoader&) = delete;
  ClaimBulkLoader& operator=(const ClaimBulkLoader&) = delete;

  // Whether the article is in the ledger (cached: a batch names few articles many
  // times).
  bool has_article(const std::string& id);

  // Writes the claim (its row, topics, parts and appearances) in the open
  // transaction, beginning one when none is open. A claim whose id is already in
  // the ledger keeps its fields and gains only the appearances it lacked, as when
  // extraction meets the same statement again.
  BulkAdd add(const core::Claim& claim);

  // Commits the open transaction, if any.
  void commit();

  // Rolls back the open transaction, if any: what it held is not written.
  void rollback();

 private:
  struct Statements;
  void begin();

  Database& m_db;
  std::size_t m_batch_size;
  std::size_t m_in_batch = 0;
  std::unique_ptr<Statements> m_st;
};

}  // namespace hindsight::store
