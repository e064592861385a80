// What scorecards and exports read from the ledger, and the way back in for the YAML
// ledger (`hindsight import` of a claims/ledger/ folder): whole claims with every
// field, their verdicts as of a date, their reviews and resolutions as stored.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/article.hpp"
#include "core/claim.hpp"
#include "core/date.hpp"
#include "core/ledger.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace hindsight::store {

// The claims of the ledger with the verdict each had as of a date.
struct ClaimsAsOf {
  std::vector<core::Claim> claims;                  // by article, span, id
  std::map<std::string, core::Date> verdict_dates;  // claim id → its verdict's as_of
};

// What importing a YAML ledger changed, or why it changed nothing.
struct LedgerImport {
  int claims_added = 0;
  int claims_updated = 0;  // existing claims whose fields differed from the ledger's
  int reviews_added = 0;
  int resolutions_added = 0;
  std::vector<core::Error> errors;  // when not empty, nothing was written
};

class LedgerIo {
 public:
  // Works on `db`, which must outlive it. Every method throws core::Failure on SQL
  // errors or a corrupt row.
  explicit LedgerIo(Database& db);

  // Every claim with every field. Its outcome, credit, resolved_by and evidence are
  // those of the latest confirmed resolution whose as_of is on or before `as_of`
  // (the latest of all when nullopt); claims without one are open.
  ClaimsAsOf claims(std::optional<core::Date> as_of = std::nullopt);

  // Every article without its texts (id, outlet, title, url, author, published,
  // source), by id.
  std::vector<core::Article> articles();

  // The reviewed claims (review is not candidate) grouped by the article of their
  // first appearance, articles by id and claims by span then id, each with its
  // reviews and resolutions in the order they were recorded (state as stored).
  std::vector<core::LedgerArticle> reviewed();

  // Writes a YAML ledger in one transaction: each claim is added or its fields set
  // (topics, parts and appearances replaced), and its reviews and resolutions that
  // the ledger lacks are appended in order; those it has are left alone, so a second
  // import changes nothing. Every claim's articles must already be in the ledger:
  // otherwise nothing is written and `errors` says which (at the claims' places).
  LedgerImport import(const std::vector<core::LedgerArticle>& files);

 private:
  Database& m_db;
};

}  // namespace hindsight::store
