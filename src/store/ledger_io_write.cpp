// The YAML ledger's way in: whole claims upserted, reviews and resolutions appended
// when missing, all in one transaction. And the history the export writes out.
#include <SQLiteCpp/SQLiteCpp.h>

#include <nlohmann/json.hpp>

#include "core/failure.hpp"
#include "store/claim_store_rows.hpp"
#include "store/ledger_io.hpp"
#include "store/ledger_io_internal.hpp"

namespace hindsight::store {

namespace detail {

void read_history(SQLite::Database& db, std::map<std::string, core::LedgerClaim*>& by_id) {
  SQLite::Statement reviews(db,
                            "SELECT claim_id, action, by, at, changes FROM reviews ORDER BY id");
  while (reviews.executeStep()) {
    auto it = by_id.find(reviews.getColumn(0).getString());
    if (it == by_id.end()) continue;
    it->second->reviews.push_back(
        core::ReviewEntry{reviews.getColumn(1).getString(), reviews.getColumn(2).getString(),
                          reviews.getColumn(3).getString(), reviews.getColumn(4).getString()});
  }
  SQLite::Statement q(db,
                      "SELECT id, claim_id, outcome, credit, as_of, by, evidence, note, trace, "
                      "state, recorded_at FROM resolutions ORDER BY id");
  while (q.executeStep()) {
    auto it = by_id.find(q.getColumn(1).getString());
    if (it == by_id.end()) continue;
    core::Resolution r;
    r.id = q.getColumn(0).getInt64();
    r.claim = it->first;
    r.outcome = core::outcome_from_string(q.getColumn(2).getString()).value_or(r.outcome);
    if (!q.getColumn(3).isNull()) r.credit = q.getColumn(3).getDouble();
    r.as_of = date_column(q.getColumn(4), "resolution date");
    r.by = q.getColumn(5).getString();
    r.evidence = json_strings(q.getColumn(6).getString());
    r.note = q.getColumn(7).getString();
    r.trace = q.getColumn(8).getString();
    r.state = core::resolution_state_from_string(q.getColumn(9).getString()).value_or(r.state);
    r.recorded_at = q.getColumn(10).getString();
    it->second->resolutions.push_back(std::move(r));
  }
}

}  // namespace detail

namespace {

using nlohmann::json;

void bind_optional(SQLite::Statement& q, int i, const std::optional<std::string>& s) {
  if (s)
    q.bind(i, *s);
  else
    q.bind(i);
}

void bind_optional(SQLite::Statement& q, int i, const std::optional<double>& x) {
  if (x)
    q.bind(i, *x);
  else
    q.bind(i);
}

std::optional<std::string> date_text(const std::optional<core::Date>& d) {
  return d ? std::optional(core::format_date(*d)) : std::nullopt;
}

enum class Upsert { Added, Updated, Same };

// Adds the claim or sets the fields that differ.
Upsert upsert_claim(SQLite::Database& db, const core::Claim& c) {
  SQLite::Statement exists(db, "SELECT 1 FROM claims WHERE id = ?");
  exists.bind(1, c.id);
  bool fresh = !exists.executeStep();
  SQLite::Statement q(
      db,
      "INSERT INTO claims (id, kind, text, article_id, span_start, span_end, speaker_name, "
      "speaker_basis, speaker_role, stated_on, cue, probability, probability_basis, "
      "deadline_start, deadline_end, deadline_phrase, deadline_basis, condition, duration, "
      "proposition, review) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
      "?15, ?16, ?17, ?18, ?19, ?20, ?21) ON CONFLICT(id) DO UPDATE SET kind = ?2, text = ?3, "
      "article_id = ?4, span_start = ?5, span_end = ?6, speaker_name = ?7, speaker_basis = ?8, "
      "speaker_role = ?9, stated_on = ?10, cue = ?11, probability = ?12, probability_basis = "
      "?13, deadline_start = ?14, deadline_end = ?15, deadline_phrase = ?16, deadline_basis = "
      "?17, condition = ?18, duration = ?19, proposition = ?20, review = ?21 WHERE (kind, text, "
      "article_id, span_start, span_end, speaker_name, speaker_basis, speaker_role, stated_on, "
      "cue, probability, probability_basis, deadline_start, deadline_end, deadline_phrase, "
      "deadline_basis, condition, duration, proposition, review) IS NOT (?2, ?3, ?4, ?5, ?6, ?7, "
      "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)");
  q.bind(1, c.id);
  q.bind(2, core::to_string(c.kind));
  q.bind(3, c.text);
  q.bind(4, c.article);
  q.bind(5, static_cast<std::int64_t>(c.span.start));
  q.bind(6, static_cast<std::int64_t>(c.span.end));
  bind_optional(q, 7, c.speaker ? std::optional(c.speaker->name) : std::nullopt);
  bind_optional(
      q, 8,
      c.speaker ? std::optional<std::string>(core::to_string(c.speaker->basis)) : std::nullopt);
  bind_optional(
      q, 9, c.speaker && !c.speaker->role.empty() ? std::optional(c.speaker->role) : std::nullopt);
  q.bind(10, core::format_date(c.stated_on));
  q.bind(11, c.cue);
  bind_optional(q, 12, c.probability);
  q.bind(13, core::to_string(c.probability_basis));
  bind_optional(q, 14, date_text(c.deadline.start));
  bind_optional(q, 15, date_text(c.deadline.end));
  q.bind(16, c.deadline.phrase);
  q.bind(17, core::to_string(c.deadline.basis));
  bind_optional(q, 18, c.condition);
  bind_optional(q, 19, c.duration);
  q.bind(20, c.proposition);
  q.bind(21, core::to_string(c.review));
  int changed = q.exec();
  return fresh ? Upsert::Added : changed > 0 ? Upsert::Updated : Upsert::Same;
}

void replace_children(SQLite::Database& db, const core::Claim& c) {
  for (const char* table : {"claim_topics", "claim_parts", "appearances"}) {
    SQLite::Statement del(db, std::string("DELETE FROM ") + table + " WHERE claim_id = ?");
    del.bind(1, c.id);
    del.exec();
  }
  claim_rows::insert_topics_and_parts(db, c);
  SQLite::Statement app(db,
                        "INSERT OR IGNORE INTO appearances (claim_id, article_id, span_start, "
                        "span_end, raw_start, raw_end) VALUES (?, ?, ?, ?, ?, ?)");
  for (const auto& a : c.appearances) {
    app.bind(1, c.id);
    app.bind(2, a.article);
    app.bind(3, static_cast<std::int64_t>(a.span.start));
    app.bind(4, static_cast<std::int64_t>(a.span.end));
    if (a.raw) {
      app.bind(5, static_cast<std::int64_t>(a.raw->start));
      app.bind(6, static_cast<std::int64_t>(a.raw->end));
    } else {
      app.bind(5);
      app.bind(6);
    }
    app.exec();
    app.reset();
  }
}

// True when `text` and `other` are the same JSON (whatever their spacing or key
// order), or the same text when either is not JSON.
bool same_json(const std::string& text, const std::string& other) {
  auto a = json::parse(text, nullptr, false), b = json::parse(other, nullptr, false);
  return a.is_discarded() || b.is_discarded() ? text == other : a == b;
}

bool add_review(SQLite::Database& db, const std::string& claim, const core::ReviewEntry& r) {
  std::string changes = r.changes.empty() ? std::string("{}") : r.changes;
  SQLite::Statement seen(
      db, "SELECT changes FROM reviews WHERE claim_id = ? AND action = ? AND by = ? AND at = ?");
  SQLite::Statement add(
      db, "INSERT INTO reviews (claim_id, action, by, at, changes) VALUES (?, ?, ?, ?, ?)");
  for (auto* q : {&seen, &add}) {
    q->bind(1, claim);
    q->bind(2, r.action);
    q->bind(3, r.by);
    q->bind(4, r.at);
  }
  while (seen.executeStep())
    if (same_json(seen.getColumn(0).getString(), changes)) return false;
  add.bind(5, changes);
  add.exec();
  return true;
}

bool add_resolution(SQLite::Database& db, const core::Resolution& r) {
  std::string trace = r.trace.empty() ? std::string("{}") : r.trace;
  SQLite::Statement seen(db,
                         "SELECT trace FROM resolutions WHERE claim_id = ?1 AND outcome = ?2 AND "
                         "credit IS ?3 AND as_of = ?4 AND by = ?5 AND evidence = ?6 AND note = "
                         "?7 AND state = ?8 AND recorded_at = ?9");
  SQLite::Statement add(db,
                        "INSERT INTO resolutions (claim_id, outcome, credit, as_of, by, "
                        "evidence, note, state, recorded_at, trace) VALUES (?1, ?2, ?3, ?4, ?5, "
                        "?6, ?7, ?8, ?9, ?10)");
  for (auto* q : {&seen, &add}) {
    q->bind(1, r.claim);
    q->bind(2, core::to_string(r.outcome));
    bind_optional(*q, 3, r.credit);
    q->bind(4, core::format_date(r.as_of));
    q->bind(5, r.by);
    q->bind(6, json(r.evidence).dump());
    q->bind(7, r.note);
    q->bind(8, r.state == core::ResolutionState::Proposed ? "proposed" : "confirmed");
    q->bind(9, r.recorded_at);
  }
  while (seen.executeStep())
    if (same_json(seen.getColumn(0).getString(), trace)) return false;
  add.bind(10, trace);
  add.exec();
  return true;
}

// Errors for every claim whose articles are not in the ledger.
std::vector<core::Error> missing_articles(SQLite::Database& db,
                                          const std::vector<core::LedgerArticle>& files) {
  std::vector<core::Error> errors;
  SQLite::Statement q(db, "SELECT 1 FROM articles WHERE id = ?");
  auto known = [&](const std::string& id) {
    q.reset();
    q.bind(1, id);
    return q.executeStep();
  };
  for (const auto& f : files) {
    for (const auto& lc : f.claims) {
      std::vector<std::string> ids{lc.claim.article};
      for (const auto& a : lc.claim.appearances) ids.push_back(a.article);
      for (const auto& id : ids) {
        if (known(id)) continue;
        errors.push_back(core::Error{"claim " + lc.claim.id + ": article " + id +
                                         " is not in the ledger (import the articles first)",
                                     lc.where});
        break;
      }
    }
  }
  return errors;
}

}  // namespace

LedgerImport LedgerIo::import(const std::vector<core::LedgerArticle>& files) {
  LedgerImport out;
  try {
    out.errors = missing_articles(m_db.sql(), files);
    if (!out.errors.empty()) return out;
    // IMMEDIATE: the upserts read before they write; a deferred transaction could
    // not wait for a concurrent writer and would fail with "database is locked".
    SQLite::Transaction tx(m_db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    for (const auto& f : files) {
      for (const auto& lc : f.claims) {
        auto upsert = upsert_claim(m_db.sql(), lc.claim);
        out.claims_added += upsert == Upsert::Added;
        out.claims_updated += upsert == Upsert::Updated;
        replace_children(m_db.sql(), lc.claim);
        for (const auto& r : lc.reviews)
          out.reviews_added += add_review(m_db.sql(), lc.claim.id, r);
        for (auto r : lc.resolutions) {
          r.claim = lc.claim.id;
          out.resolutions_added += add_resolution(m_db.sql(), r);
        }
      }
    }
    tx.commit();
    return out;
  } catch (const SQLite::Exception& e) {
    throw core::Failure(std::string("cannot import the ledger: ") + e.what());
  }
}

}  // namespace hindsight::store
