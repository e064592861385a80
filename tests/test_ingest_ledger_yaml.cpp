#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "ingest/ledger_yaml.hpp"

using namespace hindsight;

namespace {

const char* kFile = R"(format: 1
article:
  id: 927ad39ea968246f
  outlet: Foreign Policy
  title: Is This the Start?
  url: ""
  published: 2025-07-28
  source: claims/articles/000_927ad39ea968246f.txt
claims:
  - id: c-1
    kind: prediction
    review: edited
    text: "yes"
    span: [812, 955]
    appearances:
      - {article: 927ad39ea968246f, span: [812, 955]}
      - {article: 927ad39ea968246f, span: [812, 955], raw_span: [2000, 2143]}
    speaker: {name: Scott Bessent, basis: reported, role: Treasury Secretary}
    stated_on: 2025-07-27
    cue: would likely
    probability: 0.72
    probability_basis: lexicon
    deadline: {start: 2025-07-27, end: 2025-08-12, phrase: due to expire on 12 August, basis: stated}
    condition: "null"
    topics: [trade.truce.extend]
    parts:
      - {text: A, probability: 0.5, topics: [a.b]}
    reviews:
      - action: edit
        by: ana
        at: 2026-01-02T03:04:05Z
        changes: {"probability": 0.72, "note": "10"}
    resolutions:
      - outcome: partial
        credit: 0.75
        state: confirmed
        as_of: 2026-11-22
        by: rule:x@1#abc
        recorded_at: 2026-11-22T10:00:00Z
        evidence: [E13, E14]
        trace: {"clauses": [1, "2", true, null], "empty": {}}
)";

}  // namespace

TEST_SUITE("ingest.ledger_yaml") {
  TEST_CASE("a ledger file reads back every field") {
    ingest::LedgerRead read;
    ingest::parse_ledger_file(kFile, "l.yaml", read);
    REQUIRE(read.errors.empty());
    REQUIRE(read.articles.size() == 1);
    const auto& la = read.articles[0];
    CHECK(la.article.id == "927ad39ea968246f");
    CHECK(la.article.outlet == "Foreign Policy");
    CHECK(core::format_date(*la.article.published) == "2025-07-28");
    REQUIRE(la.claims.size() == 1);
    const auto& lc = la.claims[0];
    const auto& c = lc.claim;
    CHECK(c.id == "c-1");
    CHECK(c.article == "927ad39ea968246f");
    CHECK(c.review == core::Review::Edited);
    CHECK(c.text == "yes");  // a quoted "yes" stays text
    CHECK(c.span == core::Span{812, 955});
    REQUIRE(c.appearances.size() == 2);
    CHECK(c.appearances[1].raw == core::Span{2000, 2143});
    CHECK(c.speaker->role == "Treasury Secretary");
    CHECK(c.speaker->basis == core::SpeakerBasis::Reported);
    CHECK(*c.probability == 0.72);
    CHECK(core::format_date(*c.deadline.end) == "2025-08-12");
    CHECK(c.deadline.basis == core::DeadlineBasis::Stated);
    CHECK(c.condition == "null");
    CHECK_FALSE(c.duration.has_value());
    CHECK(c.parts[0].topics == std::vector<std::string>{"a.b"});
    CHECK(lc.where.line == 10);
    REQUIRE(lc.reviews.size() == 1);
    CHECK(lc.reviews[0].changes == R"({"note":"10","probability":0.72})");
    REQUIRE(lc.resolutions.size() == 1);
    const auto& r = lc.resolutions[0];
    CHECK(r.claim == "c-1");
    CHECK(r.outcome == core::Outcome::Partial);
    CHECK(*r.credit == 0.75);
    CHECK(r.state == core::ResolutionState::Confirmed);
    CHECK(r.evidence == std::vector<std::string>{"E13", "E14"});
    CHECK(r.trace == R"({"clauses":[1,"2",true,null],"empty":{}})");
  }

  TEST_CASE("every error of a ledger file is reported with its place") {
    std::string bad = kFile;
    bad.replace(bad.find("kind: prediction"), 16, "kind: prophecy");
    bad.replace(bad.find("stated_on: 2025-07-27"), 21, "stated_on: 2025-02-30");
    bad.replace(bad.find("    cue:"), 8, "    clue:");
    ingest::LedgerRead read;
    ingest::parse_ledger_file(bad, "l.yaml", read);
    CHECK(read.articles.empty());
    REQUIRE(read.errors.size() == 3);
    CHECK(read.errors[0].to_string() == "l.yaml:20:5: unknown key 'clue' in a claim");
    CHECK(read.errors[1].to_string() == "l.yaml:11:11: 'prophecy' is not a valid kind");
    CHECK(read.errors[2].to_string() == "l.yaml:19:16: '2025-02-30' is not a date in the calendar");
  }

  TEST_CASE("a missing field and a stored superseded state are errors") {
    std::string bad = kFile;
    bad.erase(bad.find("    text: \"yes\"\n"), 16);
    bad.replace(bad.find("state: confirmed"), 16, "state: superseded");
    ingest::LedgerRead read;
    ingest::parse_ledger_file(bad, "l.yaml", read);
    REQUIRE(read.errors.size() == 2);
    CHECK(read.errors[0].to_string() == "l.yaml:10:5: missing 'text' in a claim");
    CHECK(read.errors[1].to_string() ==
          "l.yaml:35:16: 'superseded' is computed, not stored: write 'confirmed'");
  }

  TEST_CASE("broken YAML is an error at its place") {
    ingest::LedgerRead read;
    ingest::parse_ledger_file("format: 1\nclaims: [\n", "l.yaml", read);
    REQUIRE(read.errors.size() == 1);
    CHECK(read.errors[0].to_string().rfind("l.yaml:3:1: ", 0) == 0);
  }

  TEST_CASE("a folder is a ledger when it holds the marker file") {
    auto dir = std::filesystem::temp_directory_path() / "hindsight-test-ledger-folder";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    CHECK_FALSE(ingest::is_ledger_folder(dir));
    std::ofstream(dir / "ledger.yaml") << "format: 1\n";
    std::ofstream(dir / "927ad39ea968246f.yaml") << kFile;
    std::ofstream(dir / "notes.txt") << "not yaml";
    CHECK(ingest::is_ledger_folder(dir));
    auto read = ingest::read_ledger_folder(dir);
    CHECK(read.errors.empty());
    CHECK(read.articles.size() == 1);
    std::ofstream(dir / "ledger.yaml") << "format: 2\n";
    read = ingest::read_ledger_folder(dir);
    REQUIRE(read.errors.size() == 1);
    CHECK(read.errors[0].message == "expected 'format: 1' (a ledger written by this hindsight)");
    std::filesystem::remove_all(dir);
  }
}
