// A verdict on a claim, as recorded in the append-only ledger.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/outcome.hpp"

namespace hindsight::core {

// Proposed by a rule; Confirmed by a person or by policy; Superseded when a later
// confirmed resolution of the same claim exists (computed, never written over).
enum class ResolutionState { Proposed, Confirmed, Superseded };

struct Resolution {
  std::int64_t id = 0;  // assigned by the ledger, increasing
  std::string claim;
  Outcome outcome = Outcome::Ambiguous;
  std::optional<double> credit;
  Date as_of;
  std::string by;                     // "rule:ID@VERSION#HASH" or a person's name
  std::vector<std::string> evidence;  // event ids
  std::string note;
  std::string trace;  // JSON text
  ResolutionState state = ResolutionState::Proposed;
  std::string recorded_at;  // ISO timestamp given by the caller (no clock below cli)
};

const char* to_string(ResolutionState s);
std::optional<ResolutionState> resolution_state_from_string(std::string_view s);

}  // namespace hindsight::core
