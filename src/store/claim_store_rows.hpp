// Row mapping of the claims tables, shared by claim_store.cpp and claim_store_read.cpp.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "core/claim.hpp"
#include "store/database.hpp"

namespace hindsight::store::claim_rows {

// Throws core::Failure naming the ledger and what was being done.
[[noreturn]] void fail(const Database& db, const char* doing, const std::exception& e);

// Inserts the claim row, its topics and its parts (not its appearances).
void insert_claim(SQLite::Database& db, const core::Claim& c);

// Inserts the claim's topics and parts (the rows beside the claim row).
void insert_topics_and_parts(SQLite::Database& db, const core::Claim& c);

// Adds an appearance unless the same one is recorded.
void insert_appearance(SQLite::Database& db, const std::string& claim, const core::Appearance& a);

// Deletes a claim with its topics, parts and appearances.
void delete_claim(SQLite::Database& db, const std::string& id);

// Reads the claim (all fields, appearances, topics, parts, current verdict).
std::optional<core::Claim> read_claim(SQLite::Database& db, const std::string& id);

}  // namespace hindsight::store::claim_rows
