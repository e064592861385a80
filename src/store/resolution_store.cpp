#include "store/resolution_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "core/failure.hpp"
#include "store/resolution_rows.hpp"

namespace hindsight::store {

namespace {

constexpr const char* kColumns =
    "id, claim_id, outcome, credit, as_of, by, evidence, note, trace, state, recorded_at";

core::Resolution read_row(SQLite::Statement& q) {
  core::Resolution r;
  r.id = q.getColumn(0).getInt64();
  r.claim = q.getColumn(1).getString();
  r.outcome =
      core::outcome_from_string(q.getColumn(2).getString()).value_or(core::Outcome::Ambiguous);
  if (!q.getColumn(3).isNull()) r.credit = q.getColumn(3).getDouble();
  auto as_of = core::parse_date(q.getColumn(4).getString());
  if (!as_of)
    throw core::Failure("corrupt resolution date in the ledger: " + as_of.error().message);
  r.as_of = *as_of;
  r.by = q.getColumn(5).getString();
  const auto evidence = nlohmann::json::parse(q.getColumn(6).getString());
  for (const auto& e : evidence) r.evidence.push_back(e.get<std::string>());
  r.note = q.getColumn(7).getString();
  r.trace = q.getColumn(8).getString();
  r.state = core::resolution_state_from_string(q.getColumn(9).getString())
                .value_or(core::ResolutionState::Proposed);
  r.recorded_at = q.getColumn(10).getString();
  return r;
}

std::int64_t insert(SQLite::Database& db, const core::Resolution& r) {
  SQLite::Statement q(db, detail::kInsertResolution);
  detail::bind_resolution(q, r);
  q.exec();
  return db.getLastInsertRowid();
}

std::optional<core::Resolution> latest(SQLite::Database& db, const std::string& claim,
                                       const char* condition) {
  SQLite::Statement q(db, std::string("SELECT ") + kColumns +
                              " FROM resolutions WHERE claim_id = ? AND " + condition +
                              " ORDER BY id DESC LIMIT 1");
  q.bind(1, claim);
  if (!q.executeStep()) return std::nullopt;
  return read_row(q);
}

std::vector<std::string> ids(SQLite::Statement& q) {
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

}  // namespace

namespace detail {

void bind_resolution(SQLite::Statement& q, const core::Resolution& r) {
  q.bind(1, r.claim);
  q.bind(2, core::to_string(r.outcome));
  if (r.credit) {
    q.bind(3, *r.credit);
  } else {
    q.bind(3);
  }
  q.bind(4, core::format_date(r.as_of));
  q.bind(5, r.by);
  q.bind(6, nlohmann::json(r.evidence).dump());
  q.bind(7, r.note);
  q.bind(8, r.trace.empty() ? std::string("{}") : r.trace);
  q.bind(9, r.state == core::ResolutionState::Confirmed ? "confirmed" : "proposed");
  q.bind(10, r.recorded_at);
}

bool same_verdict(const core::Resolution& a, const core::Resolution& b) {
  bool same_credit = a.credit.has_value() == b.credit.has_value() &&
                     (!a.credit || std::fabs(*a.credit - *b.credit) < 1e-9);
  return a.outcome == b.outcome && same_credit && a.evidence == b.evidence;
}

bool by_rule(std::string_view by) {
  constexpr std::string_view kPrefix = "rule:";
  if (by.size() < kPrefix.size()) return false;
  for (std::size_t i = 0; i < kPrefix.size(); ++i) {
    char c = by[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != kPrefix[i]) return false;
  }
  return true;
}

ProposalResult decide(const core::Resolution& r, const std::optional<core::Resolution>& current,
                      const std::optional<core::Resolution>& last_rule) {
  // A person's verdict is current: rules do not override it.
  if (current && current->by.rfind("rule:", 0) != 0) return ProposalResult::KeptMark;
  if (last_rule && same_verdict(*last_rule, r) &&
      (last_rule->state == core::ResolutionState::Confirmed ||
       r.state != core::ResolutionState::Confirmed))
    return ProposalResult::Unchanged;
  return ProposalResult::Added;
}

core::Date read_date(const SQLite::Column& c, const char* what) {
  // The common case by hand: core::parse_date's checks cost more than the row.
  if (c.getBytes() == 10) {
    const char* t = static_cast<const char*>(c.getBlob());
    auto digit = [t](int i) { return t[i] >= '0' && t[i] <= '9'; };
    bool shaped = t[4] == '-' && t[7] == '-' && digit(0) && digit(1) && digit(2) && digit(3) &&
                  digit(5) && digit(6) && digit(8) && digit(9);
    if (shaped) {
      auto num = [t](int i, int n) {
        int v = 0;
        for (int k = 0; k < n; ++k) v = v * 10 + (t[i + k] - '0');
        return v;
      };
      core::Date d{date::year{num(0, 4)}, date::month{static_cast<unsigned>(num(5, 2))},
                   date::day{static_cast<unsigned>(num(8, 2))}};
      if (d.ok()) return d;
    }
  }
  auto d = core::parse_date(c.getString());
  if (!d)
    throw core::Failure(std::string("corrupt ") + what +
                        " date in the ledger: " + d.error().message);
  return *d;
}

core::Claim read_claim_row(SQLite::Statement& q, int first) {
  auto col = [&q, first](int i) { return q.getColumn(first + i); };
  auto text = [&col](int i) { return col(i).getString(); };
  auto date = [&col](int i) -> std::optional<core::Date> {
    if (col(i).isNull()) return std::nullopt;
    return read_date(col(i), "claim");
  };
  core::Claim c;
  c.id = text(0);
  c.kind = core::claim_kind_from_string(text(1)).value_or(core::ClaimKind::Prediction);
  c.text = text(2);
  c.article = text(3);
  c.span = {static_cast<std::size_t>(col(4).getInt64()),
            static_cast<std::size_t>(col(5).getInt64())};
  if (!col(6).isNull()) {
    core::Speaker s;
    s.name = text(6);
    s.basis = core::speaker_basis_from_string(text(7)).value_or(core::SpeakerBasis::Outlet);
    s.role = text(8);
    c.speaker = s;
  }
  c.stated_on = date(9).value_or(core::Date{});
  c.cue = text(10);
  if (!col(11).isNull()) c.probability = col(11).getDouble();
  c.probability_basis =
      core::probability_basis_from_string(text(12)).value_or(core::ProbabilityBasis::Default);
  c.deadline.start = date(13);
  c.deadline.end = date(14);
  c.deadline.phrase = text(15);
  c.deadline.basis = core::deadline_basis_from_string(text(16)).value_or(core::DeadlineBasis::None);
  if (!col(17).isNull()) c.condition = text(17);
  if (!col(18).isNull()) c.duration = text(18);
  c.proposition = text(19);
  c.review = core::review_from_string(text(20)).value_or(core::Review::Candidate);
  return c;
}

core::ClaimPart read_part_row(SQLite::Statement& q, int first) {
  core::ClaimPart part;
  part.text = q.getColumn(first).getString();
  if (!q.getColumn(first + 1).isNull()) part.probability = q.getColumn(first + 1).getDouble();
  const auto topics = nlohmann::json::parse(q.getColumn(first + 2).getString());
  for (const auto& topic : topics) part.topics.push_back(topic.get<std::string>());
  return part;
}

}  // namespace detail

ResolutionStore::ResolutionStore(Database& db) : m_db(db) {}

std::int64_t ResolutionStore::append(const core::Resolution& r) {
  try {
    SQLite::Transaction tx(m_db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    auto id = insert(m_db.sql(), r);
    tx.commit();
    return id;
  } catch (const SQLite::Exception& e) {
    throw core::Failure(std::string("cannot record the verdict: ") + e.what());
  }
}

ProposalResult ResolutionStore::propose(const core::Resolution& r, bool dry_run) {
  try {
    // IMMEDIATE takes the write lock before reading, so a concurrent resolve or mark
    // cannot slip in between the comparison and the insert.
    SQLite::Transaction tx(m_db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    auto current = latest(m_db.sql(), r.claim, "state = 'confirmed'");
    auto last_rule = latest(m_db.sql(), r.claim, "by LIKE 'rule:%'");
    auto decision = detail::decide(r, current, last_rule);
    if (decision != ProposalResult::Added || dry_run) return decision;
    insert(m_db.sql(), r);
    tx.commit();
    return ProposalResult::Added;
  } catch (const SQLite::Exception& e) {
    throw core::Failure(std::string("cannot record the verdict: ") + e.what());
  }
}

std::vector<core::Resolution> ResolutionStore::history(const std::string& claim) {
  std::vector<core::Resolution> out;
  try {
    SQLite::Statement q(m_db.sql(), std::string("SELECT ") + kColumns +
                                        " FROM resolutions WHERE claim_id = ? ORDER BY id");
    q.bind(1, claim);
    while (q.executeStep()) out.push_back(read_row(q));
  } catch (const SQLite::Exception& e) {
    throw core::Failure(std::string("cannot read verdicts: ") + e.what());
  }
  // Walking back from the newest: everything before the last confirmed row is
  // superseded by it.
  bool confirmed_later = false;
  for (auto it = out.rbegin(); it != out.rend(); ++it) {
    bool confirmed = it->state == core::ResolutionState::Confirmed;
    if (confirmed_later) it->state = core::ResolutionState::Superseded;
    confirmed_later = confirmed_later || confirmed;
  }
  return out;
}

std::optional<core::Resolution> ResolutionStore::current(const std::string& claim) {
  try {
    return latest(m_db.sql(), claim, "state = 'confirmed'");
  } catch (const SQLite::Exception& e) {
    throw core::Failure(std::string("cannot read verdicts: ") + e.what());
  }
}

std::vector<ReviewRecord> ResolutionStore::reviews(const std::string& claim) {
  std::vector<ReviewRecord> out;
  try {
    SQLite::Statement q(m_db.sql(),
                        "SELECT id, claim_id, action, by, at, changes FROM reviews "
                        "WHERE claim_id = ? ORDER BY id");
    q.bind(1, claim);
    while (q.executeStep()) {
      out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                     q.getColumn(2).getString(), q.getColumn(3).getString(),
                     q.getColumn(4).getString(), q.getColumn(5).getString()});
    }
  } catch (const SQLite::Exception& e) {
    throw core::Failure(std::string("cannot read reviews: ") + e.what());
  }
  return out;
}

std::vector<std::string> ResolutionStore::claims_with_topic(const std::string& topic) {
  try {
    // A "prefix.*" pattern is a range on the index, like the exact topic.
    bool pattern = topic.size() > 2 && topic.ends_with(".*");
    std::string low = pattern ? topic.substr(0, topic.size() - 1) : topic;
    SQLite::Statement q(m_db.sql(),
                        "SELECT DISTINCT t.claim_id FROM claim_topics t "
                        "JOIN claims c ON c.id = t.claim_id "
                        "WHERE t.topic >= ?1 AND t.topic <= ?2 AND c.review != 'rejected' "
                        "ORDER BY t.claim_id");
    q.bind(1, low);
    q.bind(2, pattern ? low + "\xf4\x8f\xbf\xbf" : low);
    return ids(q);
  } catch (const SQLite::Exception& e) {
    throw core::Failure(std::string("cannot read claims: ") + e.what());
  }
}

std::vector<std::string> ResolutionStore::compound_claims() {
  try {
    SQLite::Statement q(m_db.sql(),
                        "SELECT p.claim_id FROM claim_parts p JOIN claims c ON c.id = p.claim_id "
                        "WHERE c.review != 'rejected' GROUP BY p.claim_id HAVING count(*) >= 2 "
                        "ORDER BY p.claim_id");
    return ids(q);
  } catch (const SQLite::Exception& e) {
    throw core::Failure(std::string("cannot read claims: ") + e.what());
  }
}

std::optional<core::Claim> ResolutionStore::claim_for_rules(const std::string& id) {
  try {
    SQLite::Statement q(
        m_db.sql(), std::string("SELECT ") + detail::kClaimColumns + " FROM claims WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    core::Claim c = detail::read_claim_row(q);
    SQLite::Statement t(m_db.sql(),
                        "SELECT topic FROM claim_topics WHERE claim_id = ? ORDER BY topic");
    t.bind(1, id);
    c.topics = ids(t);
    SQLite::Statement p(m_db.sql(),
                        "SELECT text, probability, topics FROM claim_parts WHERE claim_id = ? "
                        "ORDER BY idx");
    p.bind(1, id);
    while (p.executeStep()) c.parts.push_back(detail::read_part_row(p, 0));
    return c;
  } catch (const SQLite::Exception& e) {
    throw core::Failure(std::string("cannot read claims: ") + e.what());
  }
}

std::vector<std::string> ResolutionStore::claims_with_prefix(const std::string& prefix, int limit) {
  try {
    // A range on the primary key rather than LIKE, whose wildcards a prefix may hold.
    SQLite::Statement q(m_db.sql(),
                        "SELECT id FROM claims WHERE id >= ?1 AND id < ?1 || char(1114111) "
                        "ORDER BY id LIMIT ?2");
    q.bind(1, prefix);
    q.bind(2, limit);
    return ids(q);
  } catch (const SQLite::Exception& e) {
    throw core::Failure(std::string("cannot read claims: ") + e.what());
  }
}

}  // namespace hindsight::store
