// The ledger's SQLite database: opening it safely and migrating its schema. Every
// other store/ file works through a Database; nothing outside store/ sees SQL.
#pragma once

#include <memory>
#include <string>

namespace SQLite {
class Database;
}

namespace hindsight::store {

// The schema version this program writes (PRAGMA user_version).
int schema_version();

class Database {
 public:
  // Opens (creating when `create` is true) the ledger at `path` (":memory:" for a
  // temporary one), with WAL, a busy timeout, foreign keys on, and migrates it to
  // schema_version(). Throws core::Failure when the file cannot be opened, is not a
  // hindsight ledger, or was written by a newer hindsight.
  explicit Database(const std::string& path, bool create = true);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // The underlying SQLiteCpp handle, for the store/ files.
  SQLite::Database& sql() { return *m_db; }

  const std::string& path() const { return m_path; }

 private:
  void migrate();

  std::string m_path;
  std::unique_ptr<SQLite::Database> m_db;
};

}  // namespace hindsight::store
