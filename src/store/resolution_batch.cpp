#include "store/resolution_batch.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <unordered_map>

#include "core/failure.hpp"
#include "store/resolution_rows.hpp"

namespace hindsight::store {

struct ClaimsForRules::Statements {
  explicit Statements(SQLite::Database& db)
      : claims(db, std::string("SELECT rowid, ") + detail::kClaimColumns +
                       " FROM claims WHERE rowid > ?1 AND review != 'rejected' "
                       "ORDER BY rowid LIMIT ?2") {}
  SQLite::Statement claims;
};

// Every claim's topics, compactly: one entry per (claim, topic) in claim id order,
// the ids in one string and the topics interned (a million claims take ~30 MB).
struct ClaimsForRules::Topics {
  struct Entry {
    std::uint64_t offset;  // of the claim id in `ids`
    std::uint32_t length;
    std::uint32_t topic;  // index in `names`
  };
  std::string ids;
  std::vector<Entry> entries;
  std::vector<std::string> names;
  std::unordered_map<std::string, std::uint32_t> index;

  std::string_view id(const Entry& e) const { return {ids.data() + e.offset, e.length}; }

  void add(std::string_view claim, const std::string& topic) {
    auto [it, added] = index.try_emplace(topic, static_cast<std::uint32_t>(names.size()));
    if (added) names.push_back(topic);
    if (entries.empty() || id(entries.back()) != claim) {
      entries.push_back({ids.size(), static_cast<std::uint32_t>(claim.size()), it->second});
      ids.append(claim);
    } else {
      entries.push_back({entries.back().offset, entries.back().length, it->second});
    }
  }

  std::vector<std::string> of(std::string_view claim) const {
    std::vector<std::string> out;
    auto it = std::lower_bound(entries.begin(), entries.end(), claim,
                               [this](const Entry& e, std::string_view c) { return id(e) < c; });
    for (; it != entries.end() && id(*it) == claim; ++it) out.push_back(names[it->topic]);
    return out;
  }
};

ClaimsForRules::ClaimsForRules(Database& db) : m_topics(std::make_unique<Topics>()) {
  try {
    // A bigger page cache for the run (the resolutions index, the claims' key index
    // the inserts check, the claims as they are read).
    db.sql().exec("PRAGMA cache_size = -65536");
    m_st = std::make_unique<Statements>(db.sql());
    // Both in primary-key order: a claim's topics sorted, its parts by index.
    SQLite::Statement topics(db.sql(),
                             "SELECT claim_id, topic FROM claim_topics ORDER BY claim_id, topic");
    while (topics.executeStep())
      m_topics->add(topics.getColumn(0).getText(), topics.getColumn(1).getString());
    SQLite::Statement parts(db.sql(),
                            "SELECT claim_id, text, probability, topics FROM claim_parts "
                            "ORDER BY claim_id, idx");
    while (parts.executeStep())
      m_parts[parts.getColumn(0).getString()].push_back(detail::read_part_row(parts, 1));
  } catch (const SQLite::Exception& e) {
    throw core::Failure(std::string("cannot read claims: ") + e.what());
  }
}

ClaimsForRules::~ClaimsForRules() = default;

bool ClaimsForRules::next(std::size_t n, std::vector<core::Claim>& out) {
  out.clear();
  try {
    SQLite::Statement& q = m_st->claims;
    q.bind(1, m_after);
    q.bind(2, static_cast<std::int64_t>(n));
    while (q.executeStep()) {
      m_after = q.getColumn(0).getInt64();
      out.push_back(detail::read_claim_row(q, 1));
    }
    q.reset();
    for (auto& c : out) {
      c.topics = m_topics->of(c.id);
      if (auto it = m_parts.find(c.id); it != m_parts.end()) c.parts = it->second;
    }
    return !out.empty();
  } catch (const SQLite::Exception& e) {
    throw core::Failure(std::string("cannot read claims: ") + e.what());
  }
}

struct VerdictRecorder::Statements {
  explicit Statements(SQLite::Database& db)
      : sql(db),
        // The batch's ids as one JSON array: one query a batch, an index lookup a claim.
        latest(db,
               "SELECT claim_id, outcome, credit, by, evidence, state, id FROM resolutions "
               "WHERE claim_id IN (SELECT value FROM json_each(?1))"),
        latest_one(db,
                   "SELECT claim_id, outcome, credit, by, evidence, state, id FROM resolutions "
                   "WHERE claim_id = ?1"),
        insert(db, detail::kInsertResolution) {}
  SQLite::Database& sql;
  SQLite::Statement latest, latest_one, insert;
};

VerdictRecorder::VerdictRecorder(Database& db) {
  try {
    // Checkpoint every 256 MiB of log rather than every 4 MiB: each checkpoint syncs
    // the ledger file, and a million verdicts would otherwise sync it hundreds of times
    // (most of a large run's time, waiting on the disk). Commits stay as durable.
    db.sql().exec("PRAGMA wal_autocheckpoint = 65536");
    m_st = std::make_unique<Statements>(db.sql());
  } catch (const SQLite::Exception& e) {
    throw core::Failure(std::string("cannot record the verdict: ") + e.what());
  }
}

VerdictRecorder::~VerdictRecorder() = default;

namespace {

// A claim's latest confirmed resolution and latest rule resolution.
struct Latest {
  std::optional<core::Resolution> current, last_rule;

  // Takes in one row of the claim's resolutions (in any order: the highest id wins).
  void add(core::Resolution row) {
    if (detail::by_rule(row.by) && (!last_rule || last_rule->id < row.id)) last_rule = row;
    if (row.state == core::ResolutionState::Confirmed && (!current || current->id < row.id))
      current = std::move(row);
  }
};

// Whether `s` is valid UTF-8, so that JSON can carry it unchanged.
bool valid_utf8(std::string_view s) {
  try {
    (void)nlohmann::json(s).dump();
    return true;
  } catch (const nlohmann::json::exception&) {
    return false;
  }
}

core::Resolution read_verdict(SQLite::Statement& q) {
  core::Resolution r;
  r.outcome =
      core::outcome_from_string(q.getColumn(1).getText()).value_or(core::Outcome::Ambiguous);
  if (!q.getColumn(2).isNull()) r.credit = q.getColumn(2).getDouble();
  r.by = q.getColumn(3).getString();
  const auto evidence = nlohmann::json::parse(q.getColumn(4).getString());
  for (const auto& e : evidence) r.evidence.push_back(e.get<std::string>());
  r.state = core::resolution_state_from_string(q.getColumn(5).getText())
                .value_or(core::ResolutionState::Proposed);
  r.id = q.getColumn(6).getInt64();
  return r;
}

// Reads the rows of `q` into the Latest of their claims.
void read_latest(SQLite::Statement& q, std::unordered_map<std::string_view, Latest>& latest) {
  while (q.executeStep()) {
    auto it = latest.find(std::string_view(q.getColumn(0).getText()));
    if (it != latest.end()) it->second.add(read_verdict(q));
  }
  q.reset();
}

}  // namespace

std::vector<ProposalResult> VerdictRecorder::record(
    const std::vector<core::Resolution>& batch, bool dry_run,
    const std::function<std::string(std::size_t)>& trace) {
  std::vector<ProposalResult> out;
  if (batch.empty()) return out;
  try {
    std::unordered_map<std::string_view, Latest> latest;
    latest.reserve(batch.size());
    nlohmann::json ids = nlohmann::json::array();
    std::vector<const std::string*> odd;  // ids JSON cannot carry (invalid UTF-8)
    for (const auto& r : batch) {
      latest[r.claim];
      if (valid_utf8(r.claim)) {
        ids.push_back(r.claim);
      } else {
        odd.push_back(&r.claim);
      }
    }
    // IMMEDIATE takes the write lock before reading, so a concurrent resolve or mark
    // cannot slip in between the comparison and the insert.
    SQLite::Transaction tx(m_st->sql, SQLite::TransactionBehavior::IMMEDIATE);
    m_st->latest.bind(1, ids.dump());
    read_latest(m_st->latest, latest);
    for (const auto* id : odd) {
      m_st->latest_one.bind(1, *id);
      read_latest(m_st->latest_one, latest);
    }
    out.reserve(batch.size());
    auto& insert = m_st->insert;
    for (std::size_t i = 0; i < batch.size(); ++i) {
      const auto& r = batch[i];
      const Latest& l = latest[r.claim];
      auto decision = detail::decide(r, l.current, l.last_rule);
      out.push_back(decision);
      if (decision != ProposalResult::Added || dry_run) continue;
      detail::bind_resolution(insert, r);
      if (trace) insert.bind(8, trace(i));
      insert.exec();
      insert.reset();
    }
    if (!dry_run) tx.commit();
  } catch (const SQLite::Exception& e) {
    throw core::Failure(std::string("cannot record the verdict: ") + e.what());
  }
  return out;
}

}  // namespace hindsight::store
