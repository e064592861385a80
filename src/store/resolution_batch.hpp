// What `resolve` needs from the ledger in bulk: the claims the rules read, streamed in
// id order a batch at a time, and the rules' verdicts recorded a batch per write
// transaction. Statements are prepared once per run; no query runs per claim.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/claim.hpp"
#include "core/resolution.hpp"
#include "store/database.hpp"
#include "store/resolution_store.hpp"

namespace hindsight::store {

// The claims that are not rejected in review, in the order they were recorded, with
// the fields the rules read (as ResolutionStore::claim_for_rules gives them). The
// table is read in its own (rowid) order, a batch at a time by key range, so no read
// stays open between batches and writes can run in between; the topics and parts of
// every claim are read once, up front, in one pass each (a claim's topics sorted).
class ClaimsForRules {
 public:
  // Reads `db`, which must outlive this. Throws core::Failure on SQL errors.
  explicit ClaimsForRules(Database& db);
  ~ClaimsForRules();

  // Replaces `out` with the next (at most) `n` claims; false when none are left.
  bool next(std::size_t n, std::vector<core::Claim>& out);

 private:
  struct Statements;
  struct Topics;
  std::unique_ptr<Statements> m_st;
  std::unique_ptr<Topics> m_topics;
  std::map<std::string, std::vector<core::ClaimPart>, std::less<>> m_parts;
  std::int64_t m_after = 0;  // the rowid of the last claim returned
};

// Records rules' verdicts a batch at a time. Each batch is one IMMEDIATE write
// transaction that reads the batch's claims' verdicts (one query, an index lookup per
// claim) and decides each claim as ResolutionStore::propose does — so two processes
// resolving at once still append a verdict once.
class VerdictRecorder {
 public:
  // Writes to `db`, which must outlive this. Throws core::Failure on SQL errors.
  explicit VerdictRecorder(Database& db);
  ~VerdictRecorder();

  // Decides each verdict of `batch` (one per claim) and appends those that change
  // something, unless `dry_run`. `trace(i)`, when given, gives the trace text of
  // batch[i], asked for only when it is appended (else batch[i].trace is written).
  // Returns what happened to each, in order. All or nothing: a failure writes none
  // of the batch.
  std::vector<ProposalResult> record(const std::vector<core::Resolution>& batch,
                                     bool dry_run = false,
                                     const std::function<std::string(std::size_t)>& trace = {});

 private:
  struct Statements;
  std::unique_ptr<Statements> m_st;
};

}  // namespace hindsight::store
