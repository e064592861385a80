// Row mapping of the claims tables, shared by claim_store.cpp and claim_store_read.cpp.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/claim.hpp"
#include "store/database.hpp"

namespace hindsight::store::claim_rows {

// Statements prepared once and reused: preparing costs more than running a small
// INSERT, and extraction runs a handful per claim. Must not outlive its database.
class StatementCache {
 public:
  // Prepares nothing yet; statements are prepared on first use.
  explicit StatementCache(SQLite::Database& db);

  // The statement for `sql`, prepared on the first call, reset on every later one
  // (bindings are kept: callers bind every parameter).
  SQLite::Statement& get(std::string_view sql);

  // The database the statements run on.
  SQLite::Database& db() { return m_db; }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  SQLite::Database& m_db;
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>, Hash, std::equal_to<>>
      m_statements;
};

// A cached statement in use: reset when it goes out of scope, so that a SELECT
// stepped part way holds no read snapshot of the ledger.
class Use {
 public:
  // Takes the statement for `sql` from `cache`.
  Use(StatementCache& cache, std::string_view sql) : m_st(cache.get(sql)) {}
  ~Use() { m_st.tryReset(); }
  Use(const Use&) = delete;
  Use& operator=(const Use&) = delete;
  // The statement.
  SQLite::Statement* operator->() { return &m_st; }
  // The statement.
  SQLite::Statement& operator*() { return m_st; }

 private:
  SQLite::Statement& m_st;
};

// Throws core::Failure naming the ledger and what was being done.
[[noreturn]] void fail(const Database& db, const char* doing, const std::exception& e);

// Inserts the claim row, its topics and its parts (not its appearances).
void insert_claim(StatementCache& st, const core::Claim& c);
// The same with statements prepared for this call only.
void insert_claim(SQLite::Database& db, const core::Claim& c);

// Inserts the claim rows (several per statement), then their topics and parts (not
// their appearances). The ids must be new and distinct.
void insert_claims(StatementCache& st, const std::vector<const core::Claim*>& claims);

// Inserts the claim's topics and parts (the rows beside the claim row).
void insert_topics_and_parts(StatementCache& st, const core::Claim& c);
// The same with statements prepared for this call only.
void insert_topics_and_parts(SQLite::Database& db, const core::Claim& c);

// Adds an appearance unless the same one is recorded.
void insert_appearance(StatementCache& st, const std::string& claim, const core::Appearance& a);
// Adds an appearance the caller knows is not recorded.
void append_appearance(StatementCache& st, const std::string& claim, const core::Appearance& a);
// The same with statements prepared for this call only.
void insert_appearance(SQLite::Database& db, const std::string& claim, const core::Appearance& a);

// Deletes a claim with its topics, parts and appearances.
void delete_claim(StatementCache& st, const std::string& id);
// The same with statements prepared for this call only.
void delete_claim(SQLite::Database& db, const std::string& id);

// Reads the claim (all fields, appearances, topics, parts, current verdict).
std::optional<core::Claim> read_claim(StatementCache& st, const std::string& id);
// The same with statements prepared for this call only.
std::optional<core::Claim> read_claim(SQLite::Database& db, const std::string& id);

}  // namespace hindsight::store::claim_rows
