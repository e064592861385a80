// A ledger for the resolve/explain/mark/history tests: claims shaped like the gold
// seed predictions (inserted directly, so these tests do not depend on extraction)
// and the bundled events.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "cli/run.hpp"
#include "cli_fixture.hpp"
#include "store/database.hpp"

namespace resolve_fixture {

namespace fs = std::filesystem;

using cli_fixture::Run;
using cli_fixture::run;

inline fs::path temp_dir(const std::string& name) {
  return cli_fixture::fresh_temp_dir("hindsight-c2-" + name);
}

struct ClaimRow {
  std::string id, text, stated_on, deadline_end, deadline_basis, condition;
  std::vector<std::string> topics;
  std::vector<std::pair<std::string, std::string>> parts;  // text, topic
};

inline void add_claim(hindsight::store::Database& db, const ClaimRow& c) {
  db.sql().exec(
      "INSERT OR IGNORE INTO articles (id, raw_text, text, imported_at) VALUES ('a', '', '', '')");
  SQLite::Statement q(db.sql(),
                      "INSERT INTO claims (id, kind, text, article_id, span_start, span_end, "
                      "stated_on, deadline_end, deadline_basis, condition) "
                      "VALUES (?, 'prediction', ?, 'a', 0, 1, ?, ?, ?, ?)");
  q.bind(1, c.id);
  q.bind(2, c.text);
  q.bind(3, c.stated_on);
  if (c.deadline_end.empty()) {
    q.bind(4);
  } else {
    q.bind(4, c.deadline_end);
  }
  q.bind(5, c.deadline_basis);
  if (c.condition.empty()) {
    q.bind(6);
  } else {
    q.bind(6, c.condition);
  }
  q.exec();
  for (const auto& t : c.topics) {
    SQLite::Statement s(db.sql(), "INSERT INTO claim_topics (claim_id, topic) VALUES (?, ?)");
    s.bind(1, c.id);
    s.bind(2, t);
    s.exec();
  }
  for (std::size_t i = 0; i < c.parts.size(); ++i) {
    SQLite::Statement s(
        db.sql(), "INSERT INTO claim_parts (claim_id, idx, text, topics) VALUES (?, ?, ?, ?)");
    s.bind(1, c.id);
    s.bind(2, static_cast<int>(i));
    s.bind(3, c.parts[i].first);
    s.bind(4, c.parts[i].second.empty() ? "[]" : "[\"" + c.parts[i].second + "\"]");
    s.exec();
  }
}

// A ledger at `dir`/h.db with the gold-shaped claims and claims/events.yaml imported.
inline std::string gold_ledger(const fs::path& dir) {
  auto path = (dir / "h.db").string();
  {
    hindsight::store::Database db(path);
    add_claim(db, {"truce-bessent",
                   "the two parties would likely agree to extend the truce",
                   "2025-07-27",
                   "2025-08-12",
                   "stated",
                   "",
                   {"trade.truce.extend"},
                   {}});
    add_claim(db, {"summit-early-nov",
                   "which is expected to occur before early November",
                   "2025-07-28",
                   "2025-11-10",
                   "stated",
                   "",
                   {"summit.trump-xi"},
                   {}});
    add_claim(db, {"visit-early",
                   "a visit by Donald Trump to China early next year",
                   "2025-10-27",
                   "2026-04-30",
                   "stated",
                   "Should the summit prove accomplished",
                   {"visit.trump-to-china"},
                   {}});
    add_claim(db, {"visit-soon",
                   "expressing eagerness to visit soon",
                   "2025-07-28",
                   "",
                   "default",
                   "",
                   {"visit.trump-to-china"},
                   {}});
    add_claim(db, {"compound-four",
                   "they will announce advances",
                   "2025-07-28",
                   "",
                   "default",
                   "when Trump and Xi finally meet",
                   {},
                   {{"major investments in energy and manufacturing", ""},
                    {"a crackdown on fentanyl precursors", "fentanyl.pledge"},
                    {"a resolution of the TikTok standoff", "tiktok.deal"},
                    {"promises of purchases", "trade.purchases"}}});
    add_claim(db, {"taiwan-talk",
                   "will also talk candidly about Taiwan",
                   "2025-07-28",
                   "",
                   "default",
                   "",
                   {"taiwan"},
                   {}});
  }
  auto r = run({"--db", path, "events", "import",
                (fs::path(HINDSIGHT_SOURCE_DIR) / "claims" / "events.yaml").string()});
  REQUIRE(r.rc == 0);
  return path;
}

}  // namespace resolve_fixture
