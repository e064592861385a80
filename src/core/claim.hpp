// A claim found in an article: a prediction (about the future) or a factual claim
// (about the present or past). See DESIGN.md "Domain" and the JSON in
// report/claim_json.hpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/outcome.hpp"
#include "core/span.hpp"

namespace hindsight::core {

enum class ClaimKind { Prediction, Factual };

// quoted: direct quote; reported: indirect speech ("X said the two would…");
// attributed: "according to X", "X anticipates…"; outlet: the article's own voice.
enum class SpeakerBasis { Quoted, Reported, Attributed, Outlet };

// Explicit: a number in the text ("an 84% chance"); Lexicon: a cue word; Default:
// no cue, the default probability for the kind of statement.
enum class ProbabilityBasis { Explicit, Lexicon, Default };

// Stated: a time expression in the text; Inferred: from context; Default: no time
// in the text, the default horizon applies; None: no deadline at all.
enum class DeadlineBasis { Stated, Inferred, Default, None };

enum class Review { Candidate, Accepted, Rejected, Edited };

struct Speaker {
  std::string name;  // "Scott Bessent", "CNN", or the outlet's name for its own voice
  SpeakerBasis basis = SpeakerBasis::Outlet;
  std::string role;  // "Treasury Secretary", when the text gives one
};

struct Deadline {
  std::optional<Date> start;
  std::optional<Date> end;
  std::string phrase;  // the words the interval came from
  DeadlineBasis basis = DeadlineBasis::None;
};

// One place a claim appears. `span` is in the article's normalized text; `raw` in
// its raw text (differs for the second copy of a repeated paragraph).
struct Appearance {
  std::string article;
  Span span;
  std::optional<Span> raw;
};

// One proposition of a compound prediction ("they will announce A, B and C").
// Parts carry their own topics so that rules can resolve each part like a claim and
// credit the whole by the share of parts that came true.
struct ClaimPart {
  std::string text;
  std::optional<double> probability;
  std::vector<std::string> topics;
};

struct Claim {
  std::string id;
  ClaimKind kind = ClaimKind::Prediction;
  std::string text;
  std::string article;  // the article of the first appearance
  Span span;            // the span of the first appearance
  std::vector<Appearance> appearances;
  std::optional<Speaker> speaker;
  Date stated_on;
  std::string cue;
  std::optional<double> probability;
  ProbabilityBasis probability_basis = ProbabilityBasis::Default;
  Deadline deadline;
  std::optional<std::string> condition;
  std::vector<ClaimPart> parts;
  std::vector<std::string> topics;
  std::string proposition;              // claims with the same key predict the same thing
  std::optional<std::string> duration;  // a duration that is the content ("for a year")
  Review review = Review::Candidate;

  // The current verdict, filled in when read from the ledger.
  std::optional<Outcome> outcome;
  std::optional<double> credit;
  std::string resolved_by;
  std::vector<std::string> evidence;
};

const char* to_string(ClaimKind k);
const char* to_string(SpeakerBasis b);
const char* to_string(ProbabilityBasis b);
const char* to_string(DeadlineBasis b);
const char* to_string(Review r);
std::optional<ClaimKind> claim_kind_from_string(std::string_view s);
std::optional<SpeakerBasis> speaker_basis_from_string(std::string_view s);
std::optional<ProbabilityBasis> probability_basis_from_string(std::string_view s);
std::optional<DeadlineBasis> deadline_basis_from_string(std::string_view s);
std::optional<Review> review_from_string(std::string_view s);

}  // namespace hindsight::core
