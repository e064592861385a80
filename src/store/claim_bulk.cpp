#include "store/claim_bulk.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <nlohmann/json.hpp>

#include <optional>
#include <unordered_set>

#include "core/failure.hpp"

namespace hindsight::store {

namespace {

// The index B-trees of a million claims do not fit SQLite's default 2 MiB page
// cache: with it every insert re-reads index pages. 64 MiB keeps them in memory
// for the length of the import (this connection only).
constexpr const char* kCachePragma = "PRAGMA cache_size = -65536";

void bind_text_or_null(SQLite::Statement& st, int i, const std::string* v) {
  if (v)
    st.bind(i, *v);
  else
    st.bind(i);
}

void bind_date(SQLite::Statement& st, int i, const std::optional<core::Date>& d) {
  if (d)
    st.bind(i, core::format_date(*d));
  else
    st.bind(i);
}

// Runs a statement that is bound, then resets it for the next row; returns the
// rows it changed.
int run(SQLite::Statement& st) {
  int changed = st.exec();
  st.reset();
  return changed;
}

}  // namespace

struct ClaimBulkLoader::Statements {
  explicit Statements(SQLite::Database& db)
      : claim(db, R"sql(
          INSERT OR IGNORE INTO claims (id, kind, text, article_id, span_start, span_end,
            speaker_name, speaker_basis, speaker_role, stated_on, cue, probability,
            probability_basis, deadline_start, deadline_end, deadline_phrase, deadline_basis,
            condition, duration, proposition, review)
          VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?))sql"),
        topic(db, "INSERT OR IGNORE INTO claim_topics (claim_id, topic) VALUES (?, ?)"),
        part(db, R"sql(INSERT OR IGNORE INTO claim_parts (claim_id, idx, text, probability, topics)
                       VALUES (?,?,?,?,?))sql"),
        appearance(db, R"sql(
          INSERT INTO appearances (claim_id, article_id, span_start, span_end, raw_start, raw_end)
          VALUES (?,?,?,?,?,?))sql"),
        seen(db, R"sql(SELECT 1 FROM appearances WHERE claim_id = ? AND article_id = ?
                       AND span_start = ? AND raw_start IS ?)sql"),
        article(db, "SELECT 1 FROM articles WHERE id = ?") {}

  SQLite::Statement claim, topic, part, appearance, seen, article;
  std::unordered_set<std::string> known_articles;
  std::optional<SQLite::Transaction> tx;
};

ClaimBulkLoader::ClaimBulkLoader(Database& db, std::size_t batch_size)
    : m_db(db), m_batch_size(batch_size) {
  try {
    m_db.sql().exec(kCachePragma);
    m_st = std::make_unique<Statements>(m_db.sql());
  } catch (const SQLite::Exception& e) {
    throw core::Failure("cannot prepare the claims import in the ledger " + m_db.path() + ": " +
                        e.what());
  }
}

ClaimBulkLoader::~ClaimBulkLoader() = default;  // an uncommitted Transaction rolls back

bool ClaimBulkLoader::has_article(const std::string& id) {
  if (m_st->known_articles.count(id)) return true;
  try {
    m_st->article.bind(1, id);
    bool found = m_st->article.executeStep();
    m_st->article.reset();
    if (found) m_st->known_articles.insert(id);
    return found;
  } catch (const SQLite::Exception& e) {
    throw core::Failure("cannot read the articles of the ledger " + m_db.path() + ": " + e.what());
  }
}

void ClaimBulkLoader::begin() {
  if (!m_st->tx) {
    m_st->tx.emplace(m_db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    m_in_batch = 0;
  }
}

BulkAdd ClaimBulkLoader::add(const core::Claim& c) {
  if (!has_article(c.article)) return {BulkAdd::Status::MissingArticle, c.article};
  for (const auto& a : c.appearances)
    if (!has_article(a.article)) return {BulkAdd::Status::MissingArticle, a.article};
  BulkAdd result;
  try {
    begin();
    auto& st = *m_st;
    st.claim.bind(1, c.id);
    st.claim.bind(2, core::to_string(c.kind));
    st.claim.bind(3, c.text);
    st.claim.bind(4, c.article);
    st.claim.bind(5, static_cast<int64_t>(c.span.start));
    st.claim.bind(6, static_cast<int64_t>(c.span.end));
    bind_text_or_null(st.claim, 7, c.speaker ? &c.speaker->name : nullptr);
    if (c.speaker)
      st.claim.bind(8, core::to_string(c.speaker->basis));
    else
      st.claim.bind(8);
    bind_text_or_null(st.claim, 9,
                      c.speaker && !c.speaker->role.empty() ? &c.speaker->role : nullptr);
    st.claim.bind(10, core::format_date(c.stated_on));
    st.claim.bind(11, c.cue);
    if (c.probability)
      st.claim.bind(12, *c.probability);
    else
      st.claim.bind(12);
    st.claim.bind(13, core::to_string(c.probability_basis));
    bind_date(st.claim, 14, c.deadline.start);
    bind_date(st.claim, 15, c.deadline.end);
    st.claim.bind(16, c.deadline.phrase);
    st.claim.bind(17, core::to_string(c.deadline.basis));
    bind_text_or_null(st.claim, 18, c.condition ? &*c.condition : nullptr);
    bind_text_or_null(st.claim, 19, c.duration ? &*c.duration : nullptr);
    st.claim.bind(20, c.proposition);
    st.claim.bind(21, core::to_string(c.review));
    const bool added = run(st.claim) > 0;
    if (added) {
      for (const auto& t : c.topics) {
        st.topic.bind(1, c.id);
        st.topic.bind(2, t);
        run(st.topic);
      }
      for (std::size_t i = 0; i < c.parts.size(); ++i) {
        const auto& p = c.parts[i];
        st.part.bind(1, c.id);
        st.part.bind(2, static_cast<int64_t>(i));
        st.part.bind(3, p.text);
        if (p.probability)
          st.part.bind(4, *p.probability);
        else
          st.part.bind(4);
        st.part.bind(5, nlohmann::json(p.topics).dump());
        run(st.part);
      }
    } else {
      result.status = BulkAdd::Status::Existing;
    }
    for (const auto& a : c.appearances) {
      if (!added) {  // the claim was here: add only the appearances it lacks
        st.seen.bind(1, c.id);
        st.seen.bind(2, a.article);
        st.seen.bind(3, static_cast<int64_t>(a.span.start));
        if (a.raw)
          st.seen.bind(4, static_cast<int64_t>(a.raw->start));
        else
          st.seen.bind(4);
        bool seen = st.seen.executeStep();
        st.seen.reset();
        if (seen) continue;
      }
      st.appearance.bind(1, c.id);
      st.appearance.bind(2, a.article);
      st.appearance.bind(3, static_cast<int64_t>(a.span.start));
      st.appearance.bind(4, static_cast<int64_t>(a.span.end));
      if (a.raw) {
        st.appearance.bind(5, static_cast<int64_t>(a.raw->start));
        st.appearance.bind(6, static_cast<int64_t>(a.raw->end));
      } else {
        st.appearance.bind(5);
        st.appearance.bind(6);
      }
      run(st.appearance);
    }
    if (m_batch_size > 0 && ++m_in_batch >= m_batch_size) commit();
  } catch (const SQLite::Exception& e) {
    throw core::Failure("cannot import claim " + c.id + " into the ledger " + m_db.path() + ": " +
                        e.what());
  }
  return result;
}

void ClaimBulkLoader::commit() {
  if (!m_st->tx) return;
  try {
    m_st->tx->commit();
    m_st->tx.reset();
  } catch (const SQLite::Exception& e) {
    throw core::Failure("cannot commit the claims import to the ledger " + m_db.path() + ": " +
                        e.what());
  }
}

void ClaimBulkLoader::rollback() {
  m_st->tx.reset();  // SQLite::Transaction rolls back when destroyed uncommitted
}

}  // namespace hindsight::store
