#include "store/claim_store_rows.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/failure.hpp"

namespace hindsight::store::claim_rows {

namespace {

using nlohmann::json;

void bind_text_or_null(SQLite::Statement& st, int i, const std::optional<std::string>& v) {
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

std::optional<core::Date> date_of(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  auto d = core::parse_date(c.getString());
  if (!d) return std::nullopt;
  return *d;
}

std::optional<std::string> text_of(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

}  // namespace

StatementCache::StatementCache(SQLite::Database& db) : m_db(db) {}

SQLite::Statement& StatementCache::get(std::string_view sql) {
  auto it = m_statements.find(sql);
  if (it == m_statements.end())
    it = m_statements
             .emplace(std::string(sql), std::make_unique<SQLite::Statement>(m_db, std::string(sql)))
             .first;
  else
    it->second->reset();
  return *it->second;
}

void fail(const Database& db, const char* doing, const std::exception& e) {
  throw core::Failure(std::string("cannot ") + doing + " in the ledger " + db.path() + ": " +
                      e.what());
}

void insert_topics_and_parts(StatementCache& cache, const core::Claim& c) {
  Use topic(cache, "INSERT OR IGNORE INTO claim_topics (claim_id, topic) VALUES (?, ?)");
  for (const auto& t : c.topics) {
    topic->bind(1, c.id);
    topic->bind(2, t);
    topic->exec();
    topic->reset();
  }
  Use part(cache,
           "INSERT INTO claim_parts (claim_id, idx, text, probability, topics) VALUES (?,?,?,?,?)");
  for (std::size_t i = 0; i < c.parts.size(); ++i) {
    part->bind(1, c.id);
    part->bind(2, static_cast<int64_t>(i));
    part->bind(3, c.parts[i].text);
    if (c.parts[i].probability)
      part->bind(4, *c.parts[i].probability);
    else
      part->bind(4);
    part->bind(5, json(c.parts[i].topics).dump());
    part->exec();
    part->reset();
  }
}

void insert_topics_and_parts(SQLite::Database& db, const core::Claim& c) {
  StatementCache cache(db);
  insert_topics_and_parts(cache, c);
}

namespace {

constexpr int kClaimColumns = 21;

// Binds the claim's row at parameters first+1 … first+kClaimColumns.
void bind_claim_row(SQLite::Statement& st, int first, const core::Claim& c) {
  auto at = [first](int i) { return first + i; };
  st.bind(at(1), c.id);
  st.bind(at(2), core::to_string(c.kind));
  st.bind(at(3), c.text);
  st.bind(at(4), c.article);
  st.bind(at(5), static_cast<int64_t>(c.span.start));
  st.bind(at(6), static_cast<int64_t>(c.span.end));
  bind_text_or_null(st, at(7), c.speaker ? std::optional(c.speaker->name) : std::nullopt);
  bind_text_or_null(
      st, at(8),
      c.speaker ? std::optional<std::string>(core::to_string(c.speaker->basis)) : std::nullopt);
  bind_text_or_null(
      st, at(9),
      c.speaker && !c.speaker->role.empty() ? std::optional(c.speaker->role) : std::nullopt);
  st.bind(at(10), core::format_date(c.stated_on));
  st.bind(at(11), c.cue);
  if (c.probability)
    st.bind(at(12), *c.probability);
  else
    st.bind(at(12));
  st.bind(at(13), core::to_string(c.probability_basis));
  bind_date(st, at(14), c.deadline.start);
  bind_date(st, at(15), c.deadline.end);
  st.bind(at(16), c.deadline.phrase);
  st.bind(at(17), core::to_string(c.deadline.basis));
  bind_text_or_null(st, at(18), c.condition);
  bind_text_or_null(st, at(19), c.duration);
  st.bind(at(20), c.proposition);
  st.bind(at(21), core::to_string(c.review));
}

// INSERT INTO claims with `rows` rows of parameters.
std::string insert_claims_sql(std::size_t rows) {
  std::string sql = R"sql(
    INSERT INTO claims (id, kind, text, article_id, span_start, span_end, speaker_name,
      speaker_basis, speaker_role, stated_on, cue, probability, probability_basis,
      deadline_start, deadline_end, deadline_phrase, deadline_basis, condition, duration,
      proposition, review)
    VALUES )sql";
  for (std::size_t r = 0; r < rows; ++r)
    sql += r == 0 ? "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                  : ",(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
  return sql;
}

}  // namespace

void insert_claim(StatementCache& cache, const core::Claim& c) {
  insert_claims(cache, {&c});
}

void insert_claims(StatementCache& cache, const std::vector<const core::Claim*>& claims) {
  // Several rows per INSERT: each INSERT on claims runs the full-text trigger in a
  // statement transaction, and FTS5 writes its pending terms to disk at every one.
  constexpr std::size_t kRowsPerInsert = 32;
  for (std::size_t first = 0; first < claims.size(); first += kRowsPerInsert) {
    std::size_t rows = std::min(kRowsPerInsert, claims.size() - first);
    Use use(cache, insert_claims_sql(rows));
    for (std::size_t r = 0; r < rows; ++r)
      bind_claim_row(*use, static_cast<int>(r) * kClaimColumns, *claims[first + r]);
    use->exec();
  }
  for (const auto* c : claims) insert_topics_and_parts(cache, *c);
}

void insert_claim(SQLite::Database& db, const core::Claim& c) {
  StatementCache cache(db);
  insert_claim(cache, c);
}

void insert_appearance(StatementCache& cache, const std::string& claim, const core::Appearance& a) {
  {
    Use seen(cache, R"sql(
      SELECT 1 FROM appearances WHERE claim_id = ? AND article_id = ? AND span_start = ?
        AND raw_start IS ?)sql");
    seen->bind(1, claim);
    seen->bind(2, a.article);
    seen->bind(3, static_cast<int64_t>(a.span.start));
    if (a.raw)
      seen->bind(4, static_cast<int64_t>(a.raw->start));
    else
      seen->bind(4);
    if (seen->executeStep()) return;
  }
  append_appearance(cache, claim, a);
}

void append_appearance(StatementCache& cache, const std::string& claim, const core::Appearance& a) {
  Use use(cache, R"sql(
    INSERT INTO appearances (claim_id, article_id, span_start, span_end, raw_start, raw_end)
    VALUES (?,?,?,?,?,?))sql");
  auto& st = *use;
  st.bind(1, claim);
  st.bind(2, a.article);
  st.bind(3, static_cast<int64_t>(a.span.start));
  st.bind(4, static_cast<int64_t>(a.span.end));
  if (a.raw) {
    st.bind(5, static_cast<int64_t>(a.raw->start));
    st.bind(6, static_cast<int64_t>(a.raw->end));
  } else {
    st.bind(5);
    st.bind(6);
  }
  st.exec();
}

void insert_appearance(SQLite::Database& db, const std::string& claim, const core::Appearance& a) {
  StatementCache cache(db);
  insert_appearance(cache, claim, a);
}

void delete_claim(StatementCache& cache, const std::string& id) {
  for (const char* sql :
       {"DELETE FROM claim_topics WHERE claim_id = ?", "DELETE FROM claim_parts WHERE claim_id = ?",
        "DELETE FROM appearances WHERE claim_id = ?", "DELETE FROM claims WHERE id = ?"}) {
    Use st(cache, sql);
    st->bind(1, id);
    st->exec();
  }
}

void delete_claim(SQLite::Database& db, const std::string& id) {
  StatementCache cache(db);
  delete_claim(cache, id);
}

std::optional<core::Claim> read_claim(SQLite::Database& db, const std::string& id) {
  StatementCache cache(db);
  return read_claim(cache, id);
}

std::optional<core::Claim> read_claim(StatementCache& cache, const std::string& id) {
  // The current verdict is the latest confirmed resolution (DESIGN.md "Domain").
  Use use(cache, R"sql(
    SELECT c.id, c.kind, c.text, c.article_id, c.span_start, c.span_end, c.speaker_name,
      c.speaker_basis, c.speaker_role, c.stated_on, c.cue, c.probability, c.probability_basis,
      c.deadline_start, c.deadline_end, c.deadline_phrase, c.deadline_basis, c.condition,
      c.duration, c.proposition, c.review, r.outcome, r.credit, r.by, r.evidence
    FROM claims c
    LEFT JOIN resolutions r ON r.id = (SELECT MAX(id) FROM resolutions
                                       WHERE claim_id = c.id AND state = 'confirmed')
    WHERE c.id = ?)sql");
  auto& st = *use;
  st.bind(1, id);
  if (!st.executeStep()) return std::nullopt;
  core::Claim c;
  c.id = st.getColumn(0).getString();
  c.kind = core::claim_kind_from_string(st.getColumn(1).getString())
               .value_or(core::ClaimKind::Prediction);
  c.text = st.getColumn(2).getString();
  c.article = st.getColumn(3).getString();
  c.span = {static_cast<std::size_t>(st.getColumn(4).getInt64()),
            static_cast<std::size_t>(st.getColumn(5).getInt64())};
  if (!st.getColumn(6).isNull()) {
    c.speaker =
        core::Speaker{st.getColumn(6).getString(),
                      core::speaker_basis_from_string(st.getColumn(7).getString())
                          .value_or(core::SpeakerBasis::Outlet),
                      st.getColumn(8).isNull() ? std::string() : st.getColumn(8).getString()};
  }
  c.stated_on = date_of(st.getColumn(9)).value_or(core::Date{});
  c.cue = st.getColumn(10).getString();
  if (!st.getColumn(11).isNull()) c.probability = st.getColumn(11).getDouble();
  c.probability_basis = core::probability_basis_from_string(st.getColumn(12).getString())
                            .value_or(core::ProbabilityBasis::Default);
  c.deadline.start = date_of(st.getColumn(13));
  c.deadline.end = date_of(st.getColumn(14));
  c.deadline.phrase = st.getColumn(15).getString();
  c.deadline.basis = core::deadline_basis_from_string(st.getColumn(16).getString())
                         .value_or(core::DeadlineBasis::None);
  c.condition = text_of(st.getColumn(17));
  c.duration = text_of(st.getColumn(18));
  c.proposition = st.getColumn(19).getString();
  c.review =
      core::review_from_string(st.getColumn(20).getString()).value_or(core::Review::Candidate);
  if (!st.getColumn(21).isNull()) {
    c.outcome = core::outcome_from_string(st.getColumn(21).getString());
    if (!st.getColumn(22).isNull()) c.credit = st.getColumn(22).getDouble();
    c.resolved_by = st.getColumn(23).getString();
    for (const auto& e : json::parse(st.getColumn(24).getString(), nullptr, false))
      if (e.is_string()) c.evidence.push_back(e.get<std::string>());
  }
  Use topics_use(cache, "SELECT topic FROM claim_topics WHERE claim_id = ? ORDER BY topic");
  auto& topics = *topics_use;
  topics.bind(1, id);
  while (topics.executeStep()) c.topics.push_back(topics.getColumn(0).getString());
  Use parts_use(
      cache, "SELECT text, probability, topics FROM claim_parts WHERE claim_id = ? ORDER BY idx");
  auto& parts = *parts_use;
  parts.bind(1, id);
  while (parts.executeStep()) {
    core::ClaimPart p;
    p.text = parts.getColumn(0).getString();
    if (!parts.getColumn(1).isNull()) p.probability = parts.getColumn(1).getDouble();
    for (const auto& t : json::parse(parts.getColumn(2).getString(), nullptr, false))
      if (t.is_string()) p.topics.push_back(t.get<std::string>());
    c.parts.push_back(std::move(p));
  }
  Use apps_use(cache, R"sql(
    SELECT a.article_id, a.span_start, a.span_end, a.raw_start, a.raw_end
    FROM appearances a LEFT JOIN articles ar ON ar.id = a.article_id
    WHERE a.claim_id = ? ORDER BY ar.published, a.article_id, a.span_start, a.raw_start)sql");
  auto& apps = *apps_use;
  apps.bind(1, id);
  while (apps.executeStep()) {
    core::Appearance a;
    a.article = apps.getColumn(0).getString();
    a.span = {static_cast<std::size_t>(apps.getColumn(1).getInt64()),
              static_cast<std::size_t>(apps.getColumn(2).getInt64())};
    if (!apps.getColumn(3).isNull())
      a.raw = core::Span{static_cast<std::size_t>(apps.getColumn(3).getInt64()),
                         static_cast<std::size_t>(apps.getColumn(4).getInt64())};
    c.appearances.push_back(a);
  }
  return c;
}

}  // namespace hindsight::store::claim_rows
