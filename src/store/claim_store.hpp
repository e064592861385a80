// The claims of the ledger: saving an article's extraction (candidates replaced, the
// reviewed kept, appearances from other articles never lost), reading claims with
// their current verdict, listing them with filters, and the fact-checker's reviews.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/claim.hpp"
#include "core/date.hpp"
#include "store/database.hpp"
#include "store/resolution_store.hpp"

namespace SQLite {
class Transaction;
}

namespace hindsight::store {

namespace claim_rows {
class StatementCache;
}

// Filters of `hindsight claims`; unset ones do not filter.
struct ClaimFilter {
  // A review status (candidate, accepted, rejected, edited), or a verdict status:
  // open (no confirmed verdict), resolved, or an outcome (true, false, partial, void,
  // ambiguous). See valid_status.
  std::optional<std::string> status;
  std::optional<std::string> speaker;    // exact speaker name
  std::optional<std::string> topic;      // a topic, or "prefix.*" for every topic under it
  std::optional<core::Date> due_before;  // deadline end before this date
  // Overdue as of this date: the deadline ended before it and no confirmed verdict.
  std::optional<core::Date> overdue_as_of;
  std::optional<std::string> article;  // with an appearance in this article
};

// True when `status` is one ClaimFilter::status accepts.
bool valid_status(const std::string& status);

// A review to record: the action, who, when, what changed (JSON text) and the claim
// as it stands after the review.
struct ReviewChange {
  std::string action;  // accept, reject, edit
  std::string by;
  std::string at;       // ISO timestamp
  std::string changes;  // JSON object text: field → {"from", "to"}
};

class ClaimStore {
 public:
  // Works on `db`, which must outlive the store. Every method throws core::Failure on
  // SQL errors.
  explicit ClaimStore(Database& db);
  // Rolls back a batch that was begun and not committed.
  ~ClaimStore();
  ClaimStore(const ClaimStore&) = delete;
  ClaimStore& operator=(const ClaimStore&) = delete;

  // Begins one IMMEDIATE transaction for the save_extraction calls that follow until
  // commit_batch(): a few hundred claims per commit instead of a dozen. All or none
  // of the batch is written, each article still marked extracted with its claims, so
  // a crash leaves no article half-saved and a rerun extracts what was lost.
  void begin_batch();

  // Commits the batch begun by begin_batch(); nothing when none is open.
  void commit_batch();

  // Saves the extraction of one article in one transaction (the batch's, when one is
  // open). The article's old
  // candidates (never reviewed, never resolved) lose their appearances in it and are
  // deleted when no appearance is left; reviewed or resolved claims are kept as they
  // are. A claim whose id is already in the ledger (the same statement from another
  // article, or a kept claim) only gains the new appearances. Returns how many claims
  // were inserted new. When `extracted_at` is given, the article is marked extracted
  // at that time in the same transaction, so that a crash never leaves an article's
  // claims saved but the article not marked (or the reverse).
  int save_extraction(const std::string& article_id, const std::vector<core::Claim>& claims,
                      const std::string& extracted_at = {});

  // The claim with its appearances, topics, parts and current verdict, or nullopt.
  std::optional<core::Claim> get(const std::string& id);

  // The claims that pass `filter`, ordered by deadline end (none last), then id.
  std::vector<core::Claim> list(const ClaimFilter& filter = {});

  // The claims that could be the same statement as `claim` (extract::same_statement):
  // the same proposition key, the same named (not outlet) speaker, stated within
  // `days` days. Filtered in SQL so that matching stays cheap as the ledger grows.
  std::vector<core::Claim> match_candidates(const core::Claim& claim, long days);

  // Records a review in one transaction: the claim's fields are set from `claim` (its
  // speaker, probability, deadline, topics, condition, review status) and a row is
  // appended to `reviews`. Unknown ids throw core::Failure.
  void review(const core::Claim& claim, const ReviewChange& change);

 private:
  std::vector<core::Claim> load(const std::vector<std::string>& ids);

  Database& m_db;
  // Prepared once per store: extraction saves thousands of claims through one store.
  std::unique_ptr<claim_rows::StatementCache> m_cache;
  std::unique_ptr<SQLite::Transaction> m_batch;  // open between begin/commit_batch
  bool m_large_cache = false;                    // the page cache was raised for batches
};

}  // namespace hindsight::store
