// Claims as JSON lines — the shape `hindsight extract --stdin --json` prints
// (report::claim_to_json) — read back into core::Claim, so that the output of a
// batch engine running the extraction filter can come back into the ledger
// (`hindsight import --claims FILE.jsonl`).
#pragma once

#include <string>
#include <string_view>

#include "core/claim.hpp"
#include "core/result.hpp"

namespace hindsight::ingest {

// Parses one line of a claims file `file` (line `number`, 1-based) into a claim.
// Required: id, kind, text, article, span, stated_on. Optional (null or absent is
// the default): appearances (default: the one of article and span), speaker, cue,
// probability in [0, 1], probability_basis, deadline, condition, parts, topics,
// proposition, duration, review. The verdict keys (outcome, credit, resolved_by,
// evidence) and keys this version does not know are ignored: verdicts are recorded
// by `resolve` and `mark`, never imported with a claim. The error is
// "FILE:LINE:COL: message", COL at the key at fault.
core::Result<core::Claim> parse_claim_json(std::string_view line, const std::string& file,
                                           int number);

}  // namespace hindsight::ingest
