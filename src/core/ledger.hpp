// The ledger as files (claims/ledger/): the reviewed claims of an article with the
// history of their reviews and verdicts. The YAML writer (report/), the YAML reader
// (ingest/) and the database side (store/) all speak these types, so that the round
// trip ledger → files → ledger loses nothing.
#pragma once

#include <string>
#include <vector>

#include "core/article.hpp"
#include "core/claim.hpp"
#include "core/resolution.hpp"
#include "core/result.hpp"

namespace hindsight::core {

// One review of a claim as recorded (the reviews table): accept, reject or edit.
struct ReviewEntry {
  std::string action;
  std::string by;
  std::string at;       // ISO timestamp
  std::string changes;  // JSON text of the fields an edit set ("{}" otherwise)
  bool operator==(const ReviewEntry&) const = default;
};

// A claim with its reviews and resolutions, oldest first. The claim's outcome,
// credit, resolved_by and evidence are not part of it: they follow from the
// resolutions. `where` is the place in a ledger file it was read from, if any.
struct LedgerClaim {
  Claim claim;
  std::vector<ReviewEntry> reviews;
  std::vector<Resolution> resolutions;  // state is as stored: proposed or confirmed
  Location where;
};

// One file of the ledger: an article (metadata only; its text stays in
// claims/articles/) and its reviewed claims — the claims whose first appearance is
// in this article.
struct LedgerArticle {
  Article article;
  std::vector<LedgerClaim> claims;
  Location where;
};

}  // namespace hindsight::core
