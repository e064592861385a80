// The JSON of a claim (DESIGN.md "Command line"): a stable shape that tools and
// scripts depend on. Keys are always present; unknown values are null.
#pragma once

#include <nlohmann/json.hpp>

#include "core/claim.hpp"

namespace hindsight::report {

// The claim as the JSON object of DESIGN.md, plus "speaker.role", "proposition",
// "duration", "resolved_by" and "evidence".
nlohmann::json claim_to_json(const core::Claim& claim);

}  // namespace hindsight::report
