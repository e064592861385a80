// Reading and writing rows of the resolutions table, shared by ResolutionStore (one
// verdict at a time) and VerdictRecorder (a batch at a time). Internal to store/.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>
#include <string_view>

#include "core/claim.hpp"
#include "core/resolution.hpp"
#include "store/resolution_store.hpp"

namespace hindsight::store::detail {

// The INSERT of one resolution; bind it with bind_resolution.
inline constexpr const char* kInsertResolution =
    "INSERT INTO resolutions (claim_id, outcome, credit, as_of, by, evidence, note, trace, "
    "state, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

// Binds the ten parameters of kInsertResolution (Superseded is written as proposed:
// it is computed on read, never stored).
void bind_resolution(SQLite::Statement& q, const core::Resolution& r);

// Whether two verdicts say the same: outcome, credit (within 1e-9) and evidence.
bool same_verdict(const core::Resolution& a, const core::Resolution& b);

// Whether `by` names a rule ("rule:…", the ASCII letters in any case, as SQL LIKE
// 'rule:%' matches them).
bool by_rule(std::string_view by);

// What recording `r` does, given the claim's latest confirmed resolution and its
// latest rule resolution (ResolutionStore::propose's decision).
ProposalResult decide(const core::Resolution& r, const std::optional<core::Resolution>& current,
                      const std::optional<core::Resolution>& last_rule);

// The columns of a claim that the rules read, in read_claim_row's order.
inline constexpr const char* kClaimColumns =
    "id, kind, text, article_id, span_start, span_end, speaker_name, speaker_basis, "
    "speaker_role, stated_on, cue, probability, probability_basis, deadline_start, "
    "deadline_end, deadline_phrase, deadline_basis, condition, duration, proposition, review";

// The claim in the current row of a query of kClaimColumns, from column `first` on
// (no topics or parts). Throws core::Failure on a corrupt date.
core::Claim read_claim_row(SQLite::Statement& q, int first = 0);

// The part in columns first.. (text, probability, topics JSON) of the current row.
core::ClaimPart read_part_row(SQLite::Statement& q, int first);

// A date column (YYYY-MM-DD). Throws core::Failure naming `what` when it is not one.
core::Date read_date(const SQLite::Column& c, const char* what);

}  // namespace hindsight::store::detail
