// The verdicts of the ledger: an append-only list per claim (triggers refuse UPDATE
// and DELETE). A verdict is never overwritten: a later one supersedes it, and the
// "superseded" state is computed when the history is read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/claim.hpp"
#include "core/resolution.hpp"
#include "store/database.hpp"

namespace hindsight::store {

// One row of the reviews table (written by the extraction side's `review`).
struct ReviewRecord {
  std::int64_t id = 0;
  std::string claim;
  std::string action;  // accept, reject, edit
  std::string by;
  std::string at;       // ISO timestamp
  std::string changes;  // JSON text
};

// What recording a rule's verdict did.
enum class ProposalResult {
  Added,      // appended: it differs from the claim's latest rule verdict
  Unchanged,  // the latest rule verdict says the same (and is at least as confirmed)
  KeptMark,   // a person's verdict is current: rules do not override it
};

class ResolutionStore {
 public:
  // Works on `db`, which must outlive the store. Every method throws core::Failure
  // on SQL errors.
  explicit ResolutionStore(Database& db);

  // Appends `r` (a person's verdict: always recorded) and returns its id. The claim
  // must exist (foreign key), else core::Failure.
  std::int64_t append(const core::Resolution& r);

  // Records a rule's verdict unless it would change nothing (see ProposalResult),
  // deciding and writing in one write transaction, so that two processes resolving
  // at once append it once. With `dry_run`, decides without writing.
  ProposalResult propose(const core::Resolution& r, bool dry_run = false);

  // Every resolution of the claim, oldest first, with `state` Superseded for each
  // that a later confirmed resolution replaced.
  std::vector<core::Resolution> history(const std::string& claim);

  // The current verdict: the latest confirmed resolution, or nullopt.
  std::optional<core::Resolution> current(const std::string& claim);

  // The reviews of the claim, oldest first.
  std::vector<ReviewRecord> reviews(const std::string& claim);

  // The ids of claims (not rejected in review) tagged with `topic` — or, for a
  // "prefix.*" pattern, with any topic under the prefix — sorted; served by the
  // claim_topics_by_topic index.
  std::vector<std::string> claims_with_topic(const std::string& topic);

  // The ids of claims (not rejected) with two or more parts, sorted: compound
  // claims are judged part by part, by the parts' own topics.
  std::vector<std::string> compound_claims();

  // The claim with the fields the rules read (kind, text, speaker, stated_on,
  // probability, deadline, condition, duration, topics, parts, review), or nullopt.
  // Appearances and the current verdict are left empty: ClaimStore gives those.
  std::optional<core::Claim> claim_for_rules(const std::string& id);

  // The ids of claims whose id starts with `prefix`, sorted (at most `limit`).
  std::vector<std::string> claims_with_prefix(const std::string& prefix, int limit = 10);

 private:
  Database& m_db;
};

}  // namespace hindsight::store
