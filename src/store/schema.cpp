#include "store/schema.hpp"

namespace hindsight::store {

namespace {

// Version 1. Dates are ISO text (YYYY-MM-DD), lists and traces JSON text.
// Resolutions and reviews are append-only: triggers refuse UPDATE and DELETE, so no
// command can rewrite the history of a verdict.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE articles (
  id              TEXT PRIMARY KEY,
  outlet          TEXT NOT NULL DEFAULT '',
  title           TEXT NOT NULL DEFAULT '',
  url             TEXT NOT NULL DEFAULT '',
  author          TEXT NOT NULL DEFAULT '',
  published       TEXT,
  published_basis TEXT NOT NULL DEFAULT 'unknown',
  source          TEXT NOT NULL DEFAULT '',
  raw_text        TEXT NOT NULL,
  text            TEXT NOT NULL,
  repeats         TEXT NOT NULL DEFAULT '[]',
  cleaning_notes  TEXT NOT NULL DEFAULT '[]',
  imported_at     TEXT NOT NULL,
  extracted_at    TEXT
);

CREATE TABLE claims (
  id                TEXT PRIMARY KEY,
  kind              TEXT NOT NULL CHECK (kind IN ('prediction', 'factual')),
  text              TEXT NOT NULL,
  article_id        TEXT NOT NULL REFERENCES articles(id),
  span_start        INTEGER NOT NULL,
  span_end          INTEGER NOT NULL,
  speaker_name      TEXT,
  speaker_basis     TEXT,
  speaker_role      TEXT,
  stated_on         TEXT NOT NULL,
  cue               TEXT NOT NULL DEFAULT '',
  probability       REAL,
  probability_basis TEXT NOT NULL DEFAULT 'default',
  deadline_start    TEXT,
  deadline_end      TEXT,
  deadline_phrase   TEXT NOT NULL DEFAULT '',
  deadline_basis    TEXT NOT NULL DEFAULT 'none',
  condition         TEXT,
  duration          TEXT,
  proposition       TEXT NOT NULL DEFAULT '',
  review            TEXT NOT NULL DEFAULT 'candidate'
);
CREATE INDEX claims_by_status_deadline ON claims(review, deadline_end);
CREATE INDEX claims_by_speaker ON claims(speaker_name);
CREATE INDEX claims_by_proposition ON claims(proposition);

CREATE TABLE claim_topics (
  claim_id TEXT NOT NULL REFERENCES claims(id),
  topic    TEXT NOT NULL,
  PRIMARY KEY (claim_id, topic)
) WITHOUT ROWID;
CREATE INDEX claim_topics_by_topic ON claim_topics(topic, claim_id);

CREATE TABLE claim_parts (
  claim_id    TEXT NOT NULL REFERENCES claims(id),
  idx         INTEGER NOT NULL,
  text        TEXT NOT NULL,
  probability REAL,
  topics      TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (claim_id, idx)
) WITHOUT ROWID;

CREATE TABLE appearances (
  claim_id   TEXT NOT NULL REFERENCES claims(id),
  article_id TEXT NOT NULL REFERENCES articles(id),
  span_start INTEGER NOT NULL,
  span_end   INTEGER NOT NULL,
  raw_start  INTEGER,
  raw_end    INTEGER,
  PRIMARY KEY (claim_id, article_id, span_start, raw_start)
);
CREATE INDEX appearances_by_article ON appearances(article_id);

CREATE TABLE reviews (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  claim_id TEXT NOT NULL REFERENCES claims(id),
  action   TEXT NOT NULL,
  by       TEXT NOT NULL,
  at       TEXT NOT NULL,
  changes  TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX reviews_by_claim ON reviews(claim_id, id);

CREATE TABLE events (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL,
  date        TEXT NOT NULL,
  end_date    TEXT,
  known_on    TEXT NOT NULL,
  summary     TEXT NOT NULL DEFAULT '',
  reliability TEXT NOT NULL DEFAULT 'medium',
  sources     TEXT NOT NULL DEFAULT '[]',
  attributes  TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_by_kind_date ON events(kind, date);

CREATE TABLE resolutions (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  claim_id    TEXT NOT NULL REFERENCES claims(id),
  outcome     TEXT NOT NULL CHECK (outcome IN ('true', 'false', 'partial', 'void', 'ambiguous')),
  credit      REAL,
  as_of       TEXT NOT NULL,
  by          TEXT NOT NULL,
  evidence    TEXT NOT NULL DEFAULT '[]',
  note        TEXT NOT NULL DEFAULT '',
  trace       TEXT NOT NULL DEFAULT '{}',
  state       TEXT NOT NULL CHECK (state IN ('proposed', 'confirmed')),
  recorded_at TEXT NOT NULL
);
CREATE INDEX resolutions_by_claim ON resolutions(claim_id, id);

CREATE TRIGGER resolutions_append_only_update BEFORE UPDATE ON resolutions
BEGIN SELECT RAISE(ABORT, 'resolutions are append-only'); END;
CREATE TRIGGER resolutions_append_only_delete BEFORE DELETE ON resolutions
BEGIN SELECT RAISE(ABORT, 'resolutions are append-only'); END;
CREATE TRIGGER reviews_append_only_update BEFORE UPDATE ON reviews
BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
CREATE TRIGGER reviews_append_only_delete BEFORE DELETE ON reviews
BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;

CREATE VIRTUAL TABLE claims_fts USING fts5(text, content='claims', content_rowid='rowid');
CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims
BEGIN INSERT INTO claims_fts(rowid, text) VALUES (new.rowid, new.text); END;
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims
BEGIN INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.rowid, old.text); END;
CREATE TRIGGER claims_fts_update AFTER UPDATE OF text ON claims
BEGIN
  INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
  INSERT INTO claims_fts(rowid, text) VALUES (new.rowid, new.text);
END;
)sql";

// Extraction looks for the same statement in other articles by proposition, named
// speaker and a fortnight of statement dates (ClaimStore::match_candidates): with only
// the proposition indexed, that scanned every claim of a popular proposition, more as
// the ledger grew.
constexpr std::string_view kV2 = R"sql(
CREATE INDEX claims_by_proposition_speaker ON claims(proposition, speaker_name, stated_on);
)sql";

// A scorecard reads every confirmed verdict in id order (store::ScoreRows). In the
// table, `state` sits after the trace (1–2 KB a row), so that scan read the whole
// table — 1.6 GB at a million verdicts; this index holds just what scoring reads.
constexpr std::string_view kV3 = R"sql(
CREATE INDEX resolutions_for_scores ON resolutions(state, id, as_of, claim_id, outcome, credit);
)sql";

}  // namespace

const std::vector<std::string_view>& migrations() {
  static const std::vector<std::string_view> all{kV1, kV2, kV3};
  return all;
}

}  // namespace hindsight::store
