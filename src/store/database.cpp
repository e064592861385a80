#include "store/database.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "core/failure.hpp"
#include "store/schema.hpp"

namespace hindsight::store {

namespace {

constexpr int kBusyTimeoutMs = 10000;
// Written into PRAGMA application_id so that a stranger's SQLite file is refused.
constexpr int kApplicationId = 0x48534754;  // "HSGT"

}  // namespace

int schema_version() {
  return static_cast<int>(migrations().size());
}

Database::Database(const std::string& path, bool create) : m_path(path) {
  // A connection belongs to one thread (hindsight runs none of its own), so SQLite's
  // per-call mutex is pure cost: 4 % of a scorecard over a million claims.
  int flags = SQLite::OPEN_READWRITE | (create ? SQLite::OPEN_CREATE : 0) | SQLite::OPEN_NOMUTEX;
  try {
    m_db = std::make_unique<SQLite::Database>(path, flags, kBusyTimeoutMs);
    m_db->exec("PRAGMA foreign_keys = ON");
    if (path != ":memory:") m_db->exec("PRAGMA journal_mode = WAL");
    m_db->exec("PRAGMA synchronous = NORMAL");
  } catch (const SQLite::Exception& e) {
    throw core::Failure("cannot open the ledger " + path + ": " + e.what());
  }
  migrate();
}

Database::~Database() = default;

void Database::migrate() {
  try {
    int version = m_db->execAndGet("PRAGMA user_version").getInt();
    int app_id = m_db->execAndGet("PRAGMA application_id").getInt();
    if (version > schema_version()) {
      throw core::Failure(m_path + " is a ledger of schema version " + std::to_string(version) +
                          ", written by a newer hindsight; this one knows version " +
                          std::to_string(schema_version()) + " (upgrade hindsight)");
    }
    if (version > 0 && app_id != kApplicationId) {
      throw core::Failure(m_path + " is an SQLite database but not a hindsight ledger");
    }
    if (version == 0 && m_db->execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0 &&
        app_id != kApplicationId) {
      throw core::Failure(m_path + " is an SQLite database but not a hindsight ledger");
    }
    const auto& all = migrations();
    while (version < schema_version()) {
      SQLite::Transaction tx(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
      // Re-read inside the write lock: another process may have migrated meanwhile.
      version = m_db->execAndGet("PRAGMA user_version").getInt();
      if (version >= schema_version()) break;
      m_db->exec(std::string(all[static_cast<std::size_t>(version)]));
      ++version;
      m_db->exec("PRAGMA user_version = " + std::to_string(version));
      m_db->exec("PRAGMA application_id = " + std::to_string(kApplicationId));
      tx.commit();
    }
  } catch (const SQLite::Exception& e) {
    throw core::Failure("cannot read the ledger " + m_path + ": " + e.what());
  }
}

}  // namespace hindsight::store
