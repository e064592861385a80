// Reading whole claims, verdicts as of a date, and the reviewed ledger.
#include "store/ledger_io.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <nlohmann/json.hpp>

#include "core/failure.hpp"
#include "store/ledger_io_internal.hpp"

namespace hindsight::store {

namespace detail {

core::Date date_column(SQLite::Column c, const char* what) {
  auto d = core::parse_date(c.getString());
  if (!d)
    throw core::Failure(std::string("corrupt ") + what + " in the ledger: " + d.error().message);
  return *d;
}

std::optional<core::Date> optional_date(SQLite::Column c, const char* what) {
  if (c.isNull()) return std::nullopt;
  return date_column(c, what);
}

std::vector<std::string> json_strings(const std::string& text) {
  std::vector<std::string> out;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) throw core::Failure("corrupt list in the ledger: " + text);
  for (const auto& e : j) out.push_back(e.get<std::string>());
  return out;
}

}  // namespace detail

namespace {

using detail::date_column;
using detail::optional_date;

constexpr const char* kClaimColumns =
    "id, kind, text, article_id, span_start, span_end, speaker_name, speaker_basis, "
    "speaker_role, stated_on, cue, probability, probability_basis, deadline_start, "
    "deadline_end, deadline_phrase, deadline_basis, condition, duration, proposition, review";

core::Claim read_claim(SQLite::Statement& q) {
  core::Claim c;
  c.id = q.getColumn(0).getString();
  c.kind = core::claim_kind_from_string(q.getColumn(1).getString())
               .value_or(core::ClaimKind::Prediction);
  c.text = q.getColumn(2).getString();
  c.article = q.getColumn(3).getString();
  c.span = {static_cast<std::size_t>(q.getColumn(4).getInt64()),
            static_cast<std::size_t>(q.getColumn(5).getInt64())};
  if (!q.getColumn(6).isNull()) {
    c.speaker = core::Speaker{q.getColumn(6).getString(),
                              core::speaker_basis_from_string(q.getColumn(7).getString())
                                  .value_or(core::SpeakerBasis::Outlet),
                              q.getColumn(8).isNull() ? "" : q.getColumn(8).getString()};
  }
  c.stated_on = date_column(q.getColumn(9), "claim date");
  c.cue = q.getColumn(10).getString();
  if (!q.getColumn(11).isNull()) c.probability = q.getColumn(11).getDouble();
  c.probability_basis = core::probability_basis_from_string(q.getColumn(12).getString())
                            .value_or(core::ProbabilityBasis::Default);
  c.deadline.start = optional_date(q.getColumn(13), "deadline");
  c.deadline.end = optional_date(q.getColumn(14), "deadline");
  c.deadline.phrase = q.getColumn(15).getString();
  c.deadline.basis = core::deadline_basis_from_string(q.getColumn(16).getString())
                         .value_or(core::DeadlineBasis::None);
  if (!q.getColumn(17).isNull()) c.condition = q.getColumn(17).getString();
  if (!q.getColumn(18).isNull()) c.duration = q.getColumn(18).getString();
  c.proposition = q.getColumn(19).getString();
  c.review =
      core::review_from_string(q.getColumn(20).getString()).value_or(core::Review::Candidate);
  return c;
}

// Fills topics, parts and appearances of the claims, found by id.
void read_children(SQLite::Database& db, std::map<std::string, core::Claim*>& by_id) {
  SQLite::Statement topics(db, "SELECT claim_id, topic FROM claim_topics ORDER BY claim_id, topic");
  while (topics.executeStep()) {
    auto it = by_id.find(topics.getColumn(0).getString());
    if (it != by_id.end()) it->second->topics.push_back(topics.getColumn(1).getString());
  }
  SQLite::Statement parts(
      db, "SELECT claim_id, text, probability, topics FROM claim_parts ORDER BY claim_id, idx");
  while (parts.executeStep()) {
    auto it = by_id.find(parts.getColumn(0).getString());
    if (it == by_id.end()) continue;
    core::ClaimPart p{parts.getColumn(1).getString(), std::nullopt,
                      detail::json_strings(parts.getColumn(3).getString())};
    if (!parts.getColumn(2).isNull()) p.probability = parts.getColumn(2).getDouble();
    it->second->parts.push_back(std::move(p));
  }
  SQLite::Statement apps(db,
                         "SELECT claim_id, article_id, span_start, span_end, raw_start, raw_end "
                         "FROM appearances ORDER BY claim_id, rowid");
  while (apps.executeStep()) {
    auto it = by_id.find(apps.getColumn(0).getString());
    if (it == by_id.end()) continue;
    core::Appearance a{apps.getColumn(1).getString(),
                       {static_cast<std::size_t>(apps.getColumn(2).getInt64()),
                        static_cast<std::size_t>(apps.getColumn(3).getInt64())},
                       std::nullopt};
    if (!apps.getColumn(4).isNull() && !apps.getColumn(5).isNull())
      a.raw = core::Span{static_cast<std::size_t>(apps.getColumn(4).getInt64()),
                         static_cast<std::size_t>(apps.getColumn(5).getInt64())};
    it->second->appearances.push_back(std::move(a));
  }
}

std::vector<core::Claim> read_claims(SQLite::Database& db, const char* where) {
  std::vector<core::Claim> claims;
  SQLite::Statement q(db, std::string("SELECT ") + kClaimColumns + " FROM claims " + where +
                              " ORDER BY article_id, span_start, id");
  while (q.executeStep()) claims.push_back(read_claim(q));
  std::map<std::string, core::Claim*> by_id;
  for (auto& c : claims) by_id[c.id] = &c;
  read_children(db, by_id);
  return claims;
}

}  // namespace

LedgerIo::LedgerIo(Database& db) : m_db(db) {}

ClaimsAsOf LedgerIo::claims(std::optional<core::Date> as_of) {
  try {
    ClaimsAsOf out;
    out.claims = read_claims(m_db.sql(), "");
    std::map<std::string, core::Claim*> by_id;
    for (auto& c : out.claims) by_id[c.id] = &c;
    // Rows come oldest first, so the last one seen per claim is its current verdict.
    SQLite::Statement q(m_db.sql(),
                        "SELECT claim_id, outcome, credit, as_of, by, evidence FROM resolutions "
                        "WHERE state = 'confirmed' AND (?1 IS NULL OR as_of <= ?1) ORDER BY id");
    if (as_of) q.bind(1, core::format_date(*as_of));
    while (q.executeStep()) {
      auto it = by_id.find(q.getColumn(0).getString());
      if (it == by_id.end()) continue;
      core::Claim& c = *it->second;
      c.outcome = core::outcome_from_string(q.getColumn(1).getString());
      c.credit = q.getColumn(2).isNull() ? std::nullopt
                                         : std::optional<double>(q.getColumn(2).getDouble());
      out.verdict_dates[c.id] = date_column(q.getColumn(3), "resolution date");
      c.resolved_by = q.getColumn(4).getString();
      c.evidence = detail::json_strings(q.getColumn(5).getString());
    }
    return out;
  } catch (const SQLite::Exception& e) {
    throw core::Failure(std::string("cannot read the claims: ") + e.what());
  }
}

std::vector<core::Article> LedgerIo::articles() {
  try {
    std::vector<core::Article> out;
    SQLite::Statement q(m_db.sql(),
                        "SELECT id, outlet, title, url, author, published, published_basis, "
                        "source FROM articles ORDER BY id");
    while (q.executeStep()) {
      core::Article a;
      a.id = q.getColumn(0).getString();
      a.outlet = q.getColumn(1).getString();
      a.title = q.getColumn(2).getString();
      a.url = q.getColumn(3).getString();
      a.author = q.getColumn(4).getString();
      a.published = optional_date(q.getColumn(5), "publication date");
      a.published_basis = core::published_basis_from_string(q.getColumn(6).getString())
                              .value_or(core::PublishedBasis::Unknown);
      a.source = q.getColumn(7).getString();
      out.push_back(std::move(a));
    }
    return out;
  } catch (const SQLite::Exception& e) {
    throw core::Failure(std::string("cannot read the articles: ") + e.what());
  }
}

std::vector<core::LedgerArticle> LedgerIo::reviewed() {
  try {
    std::map<std::string, core::LedgerArticle> files;
    for (auto& a : articles()) files[a.id].article = a;
    std::map<std::string, core::LedgerClaim*> by_id;
    std::vector<core::LedgerArticle> out;
    for (auto& c : read_claims(m_db.sql(), "WHERE review <> 'candidate'")) {
      auto& file = files[c.article];
      if (file.article.id.empty()) file.article.id = c.article;
      file.claims.push_back(core::LedgerClaim{std::move(c), {}, {}, {}});
    }
    for (auto& [id, file] : files) {
      if (file.claims.empty()) continue;
      out.push_back(std::move(file));
    }
    for (auto& file : out)
      for (auto& lc : file.claims) by_id[lc.claim.id] = &lc;
    detail::read_history(m_db.sql(), by_id);
    return out;
  } catch (const SQLite::Exception& e) {
    throw core::Failure(std::string("cannot read the ledger: ") + e.what());
  }
}

}  // namespace hindsight::store
