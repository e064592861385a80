// The ledger schema as an ordered list of migrations: migration i (0-based) brings
// a database from user_version i to i+1. Append; never edit a shipped migration.
#pragma once

#include <string_view>
#include <vector>

namespace hindsight::store {

const std::vector<std::string_view>& migrations();

}  // namespace hindsight::store
