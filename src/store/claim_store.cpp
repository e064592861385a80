#include "store/claim_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <string_view>
#include <unordered_set>

#include "core/failure.hpp"
#include "store/claim_store_rows.hpp"

namespace hindsight::store {

namespace {

using claim_rows::fail;

bool is_review_status(const std::string& s) {
  return core::review_from_string(s).has_value();
}

bool is_outcome_status(const std::string& s) {
  return s == "open" || s == "resolved" || core::outcome_from_string(s).has_value();
}

// A claim that a person or a rule has touched is kept when its article is re-extracted.
bool is_kept(claim_rows::StatementCache& cache, const std::string& id) {
  claim_rows::Use st(cache, R"sql(
    SELECT (SELECT review FROM claims WHERE id = ?1) != 'candidate'
        OR EXISTS (SELECT 1 FROM reviews WHERE claim_id = ?1)
        OR EXISTS (SELECT 1 FROM resolutions WHERE claim_id = ?1))sql");
  st->bind(1, id);
  st->executeStep();
  return st->getColumn(0).getInt() != 0;
}

// Drops the article's appearances of an old candidate, and the candidate itself when
// no appearance is left; else points it at an appearance that is left.
void retire_candidate(claim_rows::StatementCache& cache, const std::string& id,
                      const std::string& article) {
  {
    claim_rows::Use del(cache, "DELETE FROM appearances WHERE claim_id = ? AND article_id = ?");
    del->bind(1, id);
    del->bind(2, article);
    del->exec();
  }
  claim_rows::Use left(cache, R"sql(
    SELECT article_id, span_start, span_end FROM appearances WHERE claim_id = ?
    ORDER BY article_id, span_start LIMIT 1)sql");
  left->bind(1, id);
  if (!left->executeStep()) {
    claim_rows::delete_claim(cache, id);
    return;
  }
  claim_rows::Use move(cache, R"sql(
    UPDATE claims SET article_id = ?, span_start = ?, span_end = ? WHERE id = ? AND article_id = ?)sql");
  move->bind(1, left->getColumn(0).getString());
  move->bind(2, left->getColumn(1).getInt64());
  move->bind(3, left->getColumn(2).getInt64());
  move->bind(4, id);
  move->bind(5, article);
  move->exec();
}

}  // namespace

bool valid_status(const std::string& status) {
  return is_review_status(status) || is_outcome_status(status);
}

ClaimStore::ClaimStore(Database& db)
    : m_db(db), m_cache(std::make_unique<claim_rows::StatementCache>(db.sql())) {}

// The batch (an uncommitted Transaction rolls back) goes before the statements.
ClaimStore::~ClaimStore() = default;

void ClaimStore::begin_batch() {
  if (m_batch) return;
  try {
    if (!m_large_cache) {
      // The ledger outgrows SQLite's default 2 MiB page cache after a few hundred
      // articles: every batch then re-reads its index and full-text pages from the
      // file. 256 MiB (this connection only, allocated as used) keeps them for ten
      // thousand articles. Checkpoints every 256 MiB of log rather than 4 MiB: each
      // syncs the ledger file. Commits stay as durable.
      m_db.sql().exec("PRAGMA cache_size = -262144");
      m_db.sql().exec("PRAGMA wal_autocheckpoint = 65536");
      m_large_cache = true;
    }
    m_batch =
        std::make_unique<SQLite::Transaction>(m_db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
  } catch (const SQLite::Exception& e) {
    fail(m_db, "begin saving claims", e);
  }
}

void ClaimStore::commit_batch() {
  if (!m_batch) return;
  try {
    m_batch->commit();
    m_batch.reset();
  } catch (const SQLite::Exception& e) {
    m_batch.reset();
    fail(m_db, "commit the claims", e);
  }
}

int ClaimStore::save_extraction(const std::string& article_id,
                                const std::vector<core::Claim>& claims,
                                const std::string& extracted_at) {
  auto& cache = *m_cache;
  int inserted = 0;
  try {
    // IMMEDIATE: a deferred transaction that reads first cannot wait for another
    // writer when it comes to write, and fails with "database is locked".
    std::optional<SQLite::Transaction> own;
    if (!m_batch) own.emplace(m_db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    std::vector<std::string> old;
    {
      claim_rows::Use st(cache, "SELECT DISTINCT claim_id FROM appearances WHERE article_id = ?");
      st->bind(1, article_id);
      while (st->executeStep()) old.push_back(st->getColumn(0).getString());
    }
    for (const auto& id : old)
      if (!is_kept(cache, id)) retire_candidate(cache, id, article_id);
    // The new claims go in together (see insert_claims); a claim already in the
    // ledger, or twice in the list, only gains appearances.
    std::vector<const core::Claim*> fresh;
    std::unordered_set<std::string_view> ids;
    for (const auto& c : claims) {
      if (!ids.insert(c.id).second) continue;
      claim_rows::Use st(cache, "SELECT 1 FROM claims WHERE id = ?");
      st->bind(1, c.id);
      if (!st->executeStep()) fresh.push_back(&c);
    }
    claim_rows::insert_claims(cache, fresh);
    inserted = static_cast<int>(fresh.size());
    const std::unordered_set<const core::Claim*> inserted_now(fresh.begin(), fresh.end());
    for (const auto& c : claims) {
      if (!inserted_now.count(&c)) {
        for (const auto& a : c.appearances) claim_rows::insert_appearance(cache, c.id, a);
        continue;
      }
      // A claim inserted just now has no appearance in the ledger but those added
      // here: the same appearance (article, span start, raw start) is looked for
      // among them rather than in the ledger.
      for (std::size_t k = 0; k < c.appearances.size(); ++k) {
        const auto& a = c.appearances[k];
        bool seen = false;
        for (std::size_t j = 0; j < k && !seen; ++j) {
          const auto& b = c.appearances[j];
          seen = b.article == a.article && b.span.start == a.span.start &&
                 b.raw.has_value() == a.raw.has_value() && (!a.raw || b.raw->start == a.raw->start);
        }
        if (!seen) claim_rows::append_appearance(cache, c.id, a);
      }
    }
    if (!extracted_at.empty()) {
      claim_rows::Use mark(cache, "UPDATE articles SET extracted_at = ? WHERE id = ?");
      mark->bind(1, extracted_at);
      mark->bind(2, article_id);
      mark->exec();
    }
    if (own) own->commit();
  } catch (const SQLite::Exception& e) {
    fail(m_db, "save the claims of an article", e);
  }
  return inserted;
}

std::optional<core::Claim> ClaimStore::get(const std::string& id) {
  try {
    return claim_rows::read_claim(*m_cache, id);
  } catch (const SQLite::Exception& e) {
    fail(m_db, "read a claim", e);
  }
}

std::vector<core::Claim> ClaimStore::load(const std::vector<std::string>& ids) {
  std::vector<core::Claim> out;
  for (const auto& id : ids)
    if (auto c = claim_rows::read_claim(*m_cache, id)) out.push_back(std::move(*c));
  return out;
}

std::vector<core::Claim> ClaimStore::list(const ClaimFilter& f) {
  // Every filter is a bound parameter; an unset one is NULL and passes.
  static const char* kSql = R"sql(
    SELECT c.id FROM claims c
    LEFT JOIN resolutions r ON r.id = (SELECT MAX(id) FROM resolutions
                                       WHERE claim_id = c.id AND state = 'confirmed')
    WHERE (?1 IS NULL OR c.review = ?1)
      AND (?2 IS NULL OR (?2 = 'open' AND r.id IS NULL) OR (?2 = 'resolved' AND r.id IS NOT NULL)
           OR r.outcome = ?2)
      AND (?3 IS NULL OR c.speaker_name = ?3)
      AND (?4 IS NULL OR EXISTS (SELECT 1 FROM claim_topics t WHERE t.claim_id = c.id
             AND (t.topic = ?4 OR (substr(?4, -2) = '.*' AND
                  substr(t.topic, 1, length(?4) - 1) = substr(?4, 1, length(?4) - 1)))))
      AND (?5 IS NULL OR (c.deadline_end IS NOT NULL AND c.deadline_end < ?5))
      AND (?6 IS NULL OR (c.deadline_end IS NOT NULL AND c.deadline_end < ?6 AND r.id IS NULL
                          AND c.kind = 'prediction' AND c.review != 'rejected'))
      AND (?7 IS NULL OR EXISTS (SELECT 1 FROM appearances a WHERE a.claim_id = c.id
                                 AND a.article_id = ?7))
    ORDER BY c.deadline_end IS NULL, c.deadline_end, c.stated_on, c.id)sql";
  try {
    SQLite::Statement st(m_db.sql(), kSql);
    auto bind = [&](int i, const std::optional<std::string>& v) {
      if (v)
        st.bind(i, *v);
      else
        st.bind(i);
    };
    std::optional<std::string> review, outcome;
    if (f.status) (is_review_status(*f.status) ? review : outcome) = *f.status;
    bind(1, review);
    bind(2, outcome);
    bind(3, f.speaker);
    bind(4, f.topic);
    bind(5, f.due_before ? std::optional(core::format_date(*f.due_before)) : std::nullopt);
    bind(6, f.overdue_as_of ? std::optional(core::format_date(*f.overdue_as_of)) : std::nullopt);
    bind(7, f.article);
    std::vector<std::string> ids;
    while (st.executeStep()) ids.push_back(st.getColumn(0).getString());
    return load(ids);
  } catch (const SQLite::Exception& e) {
    fail(m_db, "list claims", e);
  }
}

std::vector<core::Claim> ClaimStore::match_candidates(const core::Claim& claim, long days) {
  if (!claim.speaker || claim.speaker->basis == core::SpeakerBasis::Outlet) return {};
  try {
    std::vector<std::string> ids;
    {
      claim_rows::Use st(*m_cache, R"sql(
        SELECT id FROM claims
        WHERE proposition = ? AND speaker_name = ? AND speaker_basis != 'outlet'
          AND stated_on BETWEEN ? AND ?
        ORDER BY id)sql");
      st->bind(1, claim.proposition);
      st->bind(2, claim.speaker->name);
      st->bind(3, core::format_date(core::add_days(claim.stated_on, -days)));
      st->bind(4, core::format_date(core::add_days(claim.stated_on, days)));
      while (st->executeStep()) ids.push_back(st->getColumn(0).getString());
    }
    return load(ids);
  } catch (const SQLite::Exception& e) {
    fail(m_db, "find claims by proposition", e);
  }
}

void ClaimStore::review(const core::Claim& c, const ReviewChange& change) {
  auto& db = m_db.sql();
  try {
    SQLite::Transaction tx(db);
    SQLite::Statement st(db, R"sql(
      UPDATE claims SET speaker_name = ?, speaker_basis = ?, speaker_role = ?, probability = ?,
        probability_basis = ?, deadline_start = ?, deadline_end = ?, deadline_basis = ?,
        condition = ?, review = ?, kind = ?
      WHERE id = ?)sql");
    if (c.speaker) {
      st.bind(1, c.speaker->name);
      st.bind(2, core::to_string(c.speaker->basis));
      if (c.speaker->role.empty())
        st.bind(3);
      else
        st.bind(3, c.speaker->role);
    } else {
      st.bind(1);
      st.bind(2);
      st.bind(3);
    }
    if (c.probability)
      st.bind(4, *c.probability);
    else
      st.bind(4);
    st.bind(5, core::to_string(c.probability_basis));
    if (c.deadline.start)
      st.bind(6, core::format_date(*c.deadline.start));
    else
      st.bind(6);
    if (c.deadline.end)
      st.bind(7, core::format_date(*c.deadline.end));
    else
      st.bind(7);
    st.bind(8, core::to_string(c.deadline.basis));
    if (c.condition)
      st.bind(9, *c.condition);
    else
      st.bind(9);
    st.bind(10, core::to_string(c.review));
    st.bind(11, core::to_string(c.kind));
    st.bind(12, c.id);
    if (st.exec() != 1) throw core::Failure("no claim " + c.id + " in the ledger " + m_db.path());
    SQLite::Statement del(db, "DELETE FROM claim_topics WHERE claim_id = ?");
    del.bind(1, c.id);
    del.exec();
    SQLite::Statement topic(db,
                            "INSERT OR IGNORE INTO claim_topics (claim_id, topic) VALUES (?, ?)");
    for (const auto& t : c.topics) {
      topic.bind(1, c.id);
      topic.bind(2, t);
      topic.exec();
      topic.reset();
    }
    SQLite::Statement rev(
        db, "INSERT INTO reviews (claim_id, action, by, at, changes) VALUES (?, ?, ?, ?, ?)");
    rev.bind(1, c.id);
    rev.bind(2, change.action);
    rev.bind(3, change.by);
    rev.bind(4, change.at);
    rev.bind(5, change.changes);
    rev.exec();
    tx.commit();
  } catch (const SQLite::Exception& e) {
    fail(m_db, "record a review", e);
  }
}

}  // namespace hindsight::store
