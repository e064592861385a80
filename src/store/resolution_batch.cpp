#include "store/resolution_batch.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <unordered_map>

#include "core/failure.hpp"
#include "store/resolution_rows.hpp"

namespace hindsight::store {

struct ClaimsForRules::Statements {
  explicit Statements(SQLite::Database& db)
      : claims(db, std::string("SELECT ") + detail::kClaimColumns +
                       " FROM claims WHERE id > ?1 AND review != 'rejected' ORDER BY id LIMIT ?2"),
        first(db, std::string("SELECT ") + detail::kClaimColumns +
                      " FROM claims WHERE review != 'rejected' ORDER BY id LIMIT ?2"),
        topics(db,
               "SELECT claim_id, topic FROM claim_topics WHERE claim_id >= ?1 AND claim_id <= ?2 "
               "ORDER BY claim_id, topic"),
        parts(db,
              "SELECT claim_id, text, probability, topics FROM claim_parts "
              "WHERE claim_id >= ?1 AND claim_id <= ?2 ORDER BY claim_id, idx") {}
  SQLite::Statement claims, first, topics, parts;
};

ClaimsForRules::ClaimsForRules(Database& db) {
  try {
    // A bigger page cache for the run: the claims are read in id order through the
    // primary-key index, which visits the table's pages out of order.
    db.sql().exec("PRAGMA cache_size = -65536");
    m_st = std::make_unique<Statements>(db.sql());
  } catch (const SQLite::Exception& e) {
    throw core::Failure(std::string("cannot read claims: ") + e.what());
  }
}

ClaimsForRules::~ClaimsForRules() = default;

namespace {

// Attaches the rows of `q` (claim_id first, in claim order) to the claims of `batch`
// (in id order), each by `attach(claim, row)`.
template <typename Attach>
void merge(SQLite::Statement& q, std::vector<core::Claim>& batch, Attach attach) {
  q.bind(1, batch.front().id);
  q.bind(2, batch.back().id);
  auto claim = batch.begin();
  while (q.executeStep()) {
    const char* id = q.getColumn(0).getText();
    // Rows of rejected claims inside the range have no claim in the batch.
    while (claim != batch.end() && claim->id.compare(id) < 0) ++claim;
    if (claim == batch.end()) break;
    if (claim->id.compare(id) == 0) attach(*claim, q);
  }
  q.reset();
}

}  // namespace

bool ClaimsForRules::next(std::size_t n, std::vector<core::Claim>& out) {
  out.clear();
  try {
    SQLite::Statement& q = m_started ? m_st->claims : m_st->first;
    if (m_started) q.bind(1, m_after);
    q.bind(2, static_cast<std::int64_t>(n));
    while (q.executeStep()) out.push_back(detail::read_claim_row(q));
    q.reset();
    m_started = true;
    if (out.empty()) return false;
    m_after = out.back().id;
    merge(m_st->topics, out, [](core::Claim& c, SQLite::Statement& row) {
      c.topics.push_back(row.getColumn(1).getString());
    });
    merge(m_st->parts, out, [](core::Claim& c, SQLite::Statement& row) {
      c.parts.push_back(detail::read_part_row(row, 1));
    });
    return true;
  } catch (const SQLite::Exception& e) {
    throw core::Failure(std::string("cannot read claims: ") + e.what());
  }
}

struct VerdictRecorder::Statements {
  explicit Statements(SQLite::Database& db)
      : sql(db),
        latest(db,
               "SELECT claim_id, outcome, credit, by, evidence, state FROM resolutions "
               "WHERE claim_id >= ?1 AND claim_id <= ?2 ORDER BY claim_id, id"),
        insert(db, detail::kInsertResolution) {}
  SQLite::Database& sql;
  SQLite::Statement latest, insert;
};

VerdictRecorder::VerdictRecorder(Database& db) {
  try {
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
};

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
  return r;
}

}  // namespace

std::vector<ProposalResult> VerdictRecorder::record(const std::vector<core::Resolution>& batch,
                                                    bool dry_run) {
  std::vector<ProposalResult> out;
  if (batch.empty()) return out;
  try {
    std::unordered_map<std::string_view, Latest> latest;
    latest.reserve(batch.size());
    for (const auto& r : batch) latest[r.claim];
    auto [lo, hi] = std::minmax_element(
        batch.begin(), batch.end(), [](const auto& a, const auto& b) { return a.claim < b.claim; });
    // IMMEDIATE takes the write lock before reading, so a concurrent resolve or mark
    // cannot slip in between the comparison and the insert.
    SQLite::Transaction tx(m_st->sql, SQLite::TransactionBehavior::IMMEDIATE);
    auto& q = m_st->latest;
    q.bind(1, lo->claim);
    q.bind(2, hi->claim);
    while (q.executeStep()) {
      auto it = latest.find(std::string_view(q.getColumn(0).getText()));
      if (it == latest.end()) continue;
      auto row = read_verdict(q);
      bool confirmed = row.state == core::ResolutionState::Confirmed;
      if (detail::by_rule(row.by)) it->second.last_rule = row;
      if (confirmed) it->second.current = std::move(row);
    }
    q.reset();
    out.reserve(batch.size());
    for (const auto& r : batch) {
      const Latest& l = latest[r.claim];
      auto decision = detail::decide(r, l.current, l.last_rule);
      out.push_back(decision);
      if (decision != ProposalResult::Added || dry_run) continue;
      auto& insert = m_st->insert;
      detail::bind_resolution(insert, r);
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
