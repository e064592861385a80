// Shared between the two halves of ledger_io (reading and importing); not for use
// outside store/.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/ledger.hpp"

namespace SQLite {
class Column;
class Database;
}  // namespace SQLite

namespace hindsight::store::detail {

// The date in a column; throws core::Failure naming `what` when it is not one.
core::Date date_column(SQLite::Column c, const char* what);

// As date_column, nullopt for NULL.
std::optional<core::Date> optional_date(SQLite::Column c, const char* what);

// A JSON array of strings (evidence, topics); throws core::Failure when it is not.
std::vector<std::string> json_strings(const std::string& text);

// Fills the reviews and resolutions (as stored, in recorded order) of the claims
// found in `by_id`.
void read_history(SQLite::Database& db, std::map<std::string, core::LedgerClaim*>& by_id);

}  // namespace hindsight::store::detail
