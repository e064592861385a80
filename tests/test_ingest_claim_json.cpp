#include <doctest/doctest.h>

#include <string>

#include "ingest/claim_json.hpp"

using namespace hindsight;

namespace {

// A claim line as `extract --stdin --json` prints it.
const std::string kLine =
    R"({"id": "c1", "kind": "prediction", "text": "Bessent said the truce would likely be extended.",)"
    R"( "article": "a1", "span": [812, 955], "appearances": [{"article": "a1", "span": [812, 955]},)"
    R"( {"article": "a2", "span": [10, 153], "raw_span": [12, 155]}],)"
    R"( "speaker": {"name": "Scott Bessent", "basis": "reported", "role": null},)"
    R"( "stated_on": "2025-07-27", "cue": "would likely", "probability": 0.72,)"
    R"( "probability_basis": "lexicon", "deadline": {"start": "2025-07-27", "end": "2025-08-12",)"
    R"( "phrase": "due to expire on 12 August", "basis": "stated"}, "condition": null,)"
    R"( "parts": [{"text": "A", "probability": null, "topics": ["x.y"]}],)"
    R"( "topics": ["trade.truce.extend"], "proposition": null, "duration": null,)"
    R"( "review": "candidate", "outcome": "true", "credit": null, "resolved_by": null,)"
    R"( "evidence": ["E2"], "future_key": 1})";

std::string error_of(const std::string& line) {
  auto r = ingest::parse_claim_json(line, "c.jsonl", 3);
  REQUIRE(!r);
  return r.error().to_string();
}

}  // namespace

TEST_SUITE("ingest.claim_json") {
  TEST_CASE("a claim line as extract prints it reads back into a claim") {
    auto r = ingest::parse_claim_json(kLine, "c.jsonl", 1);
    REQUIRE(r);
    CHECK(r->id == "c1");
    CHECK(r->kind == core::ClaimKind::Prediction);
    CHECK(r->span.start == 812);
    REQUIRE(r->appearances.size() == 2);
    REQUIRE(r->appearances[1].raw);
    CHECK(r->appearances[1].raw->start == 12);
    REQUIRE(r->speaker);
    CHECK(r->speaker->basis == core::SpeakerBasis::Reported);
    CHECK(r->speaker->role.empty());
    CHECK(core::format_date(r->stated_on) == "2025-07-27");
    CHECK(r->cue == "would likely");
    CHECK(r->probability == doctest::Approx(0.72));
    CHECK(core::format_date(*r->deadline.end) == "2025-08-12");
    CHECK(r->deadline.basis == core::DeadlineBasis::Stated);
    CHECK(!r->condition);
    REQUIRE(r->parts.size() == 1);
    CHECK(r->parts[0].topics == std::vector<std::string>{"x.y"});
    CHECK(r->topics == std::vector<std::string>{"trade.truce.extend"});
    CHECK(r->review == core::Review::Candidate);
    CHECK(!r->outcome);  // verdicts are never imported with a claim
  }

  TEST_CASE("without appearances the claim appears where its article and span say") {
    auto r = ingest::parse_claim_json(
        R"({"id":"c1","kind":"factual","text":"t","article":"a1","span":[0,1],"stated_on":"2025-01-01"})",
        "c.jsonl", 1);
    REQUIRE(r);
    REQUIRE(r->appearances.size() == 1);
    CHECK(r->appearances[0].article == "a1");
    CHECK(r->deadline.basis == core::DeadlineBasis::None);
  }

  TEST_CASE("bad lines are errors at the key at fault") {
    CHECK(error_of(R"({"id": )") ==
          "c.jsonl:3:8: invalid JSON: syntax error while parsing value - unexpected end of "
          "input; expected '[', '{', or a literal");
    CHECK(error_of("[1]") == "c.jsonl:3:1: a line is one claim, a JSON object");
    CHECK(error_of(R"({"kind": "prediction"})") == "c.jsonl:3:1: missing \"id\"");
    CHECK(error_of(R"({"id": "c", "kind": "guess"})") ==
          "c.jsonl:3:13: kind: expected prediction or factual");
    CHECK(error_of(R"({"id":"c","kind":"factual","text":"t","article":"a","span":[5,1]})") ==
          "c.jsonl:3:53: span: expected [start, end], byte offsets with start <= end");
    CHECK(
        error_of(
            R"({"id":"c","kind":"factual","text":"t","article":"a","span":[0,1],"stated_on":"2025-02-30"})") ==
        "c.jsonl:3:66: stated_on: '2025-02-30' is not a date in the calendar");
    CHECK(
        error_of(
            R"({"id":"c","kind":"factual","text":"t","article":"a","span":[0,1],"stated_on":"2025-02-03","probability":1.5})") ==
        "c.jsonl:3:91: probability: expected a number from 0 to 1");
  }
}
