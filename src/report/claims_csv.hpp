// `hindsight export csv`: every claim as one spreadsheet row.
#pragma once

#include <span>
#include <string>

#include "core/claim.hpp"
#include "score/scorecard.hpp"

namespace hindsight::report {

// A CSV table (RFC 4180, CRLF, a header row) with a row per claim: id, kind, review,
// speaker, speaker_basis, outlet, article, title, stated_on, text, cue, probability,
// probability_basis, deadline_start, deadline_end, deadline_phrase, deadline_basis,
// condition, topics (";"-separated), outcome, credit, resolved_by, evidence
// (";"-separated) and brier ((p − o)² when the claim is scored, else empty). Text
// cells are neutralised against formula injection (csv_text).
std::string claims_csv(std::span<const core::Claim> claims, const score::ArticleIndex& articles);

}  // namespace hindsight::report
