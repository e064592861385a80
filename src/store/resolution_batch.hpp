// What `resolve` needs from the ledger in bulk: the claims the rules read, streamed in
// id order a batch at a time, and the rules' verdicts recorded a batch per write
// transaction. Statements are prepared once per run; no query runs per claim.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/claim.hpp"
#include "core/resolution.hpp"
#include "store/database.hpp"
#include "store/resolution_store.hpp"

namespace hindsight::store {

// The claims that are not rejected in review, in id order, with the fields the rules
// read (as ResolutionStore::claim_for_rules gives them). Each batch is read by key
// range (claims after the last one returned), so no read stays open between batches
// and writes can run in between.
class ClaimsForRules {
 public:
  // Reads `db`, which must outlive this. Throws core::Failure on SQL errors.
  explicit ClaimsForRules(Database& db);
  ~ClaimsForRules();

  // Replaces `out` with the next (at most) `n` claims; false when none are left.
  bool next(std::size_t n, std::vector<core::Claim>& out);

 private:
  struct Statements;
  std::unique_ptr<Statements> m_st;
  std::string m_after;  // the id of the last claim returned
  bool m_started = false;
};

// Records rules' verdicts a batch at a time. Each batch is one IMMEDIATE write
// transaction that reads the batch's claims' verdicts (one range query over the
// resolutions_by_claim index) and decides each claim as ResolutionStore::propose
// does — so two processes resolving at once still append a verdict once.
class VerdictRecorder {
 public:
  // Writes to `db`, which must outlive this. Throws core::Failure on SQL errors.
  explicit VerdictRecorder(Database& db);
  ~VerdictRecorder();

  // Decides each verdict of `batch` (sorted by claim id, one per claim) and appends
  // those that change something, unless `dry_run`. Returns what happened to each, in
  // order. All or nothing: a failure writes none of the batch.
  std::vector<ProposalResult> record(const std::vector<core::Resolution>& batch,
                                     bool dry_run = false);

 private:
  struct Statements;
  std::unique_ptr<Statements> m_st;
};

}  // namespace hindsight::store
