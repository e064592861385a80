// String names of the domain enums: the words used in JSON, YAML and the database.
#include <array>
#include <string_view>
#include <utility>

#include "core/article.hpp"
#include "core/claim.hpp"
#include "core/event.hpp"
#include "core/outcome.hpp"
#include "core/resolution.hpp"

namespace hindsight::core {

namespace {

template <class E, std::size_t N>
using Names = std::array<std::pair<E, const char*>, N>;

template <class E, std::size_t N>
const char* name_of(const Names<E, N>& names, E value) {
  for (const auto& [v, n] : names)
    if (v == value) return n;
  return "?";
}

template <class E, std::size_t N>
std::optional<E> value_of(const Names<E, N>& names, std::string_view s) {
  for (const auto& [v, n] : names)
    if (s == n) return v;
  return std::nullopt;
}

constexpr Names<Outcome, 5> kOutcomes{{{Outcome::True, "true"},
                                       {Outcome::False, "false"},
                                       {Outcome::Partial, "partial"},
                                       {Outcome::Void, "void"},
                                       {Outcome::Ambiguous, "ambiguous"}}};
constexpr Names<ClaimKind, 2> kKinds{
    {{ClaimKind::Prediction, "prediction"}, {ClaimKind::Factual, "factual"}}};
constexpr Names<SpeakerBasis, 4> kSpeakerBases{{{SpeakerBasis::Quoted, "quoted"},
                                                {SpeakerBasis::Reported, "reported"},
                                                {SpeakerBasis::Attributed, "attributed"},
                                                {SpeakerBasis::Outlet, "outlet"}}};
constexpr Names<ProbabilityBasis, 3> kProbabilityBases{{{ProbabilityBasis::Explicit, "explicit"},
                                                        {ProbabilityBasis::Lexicon, "lexicon"},
                                                        {ProbabilityBasis::Default, "default"}}};
constexpr Names<DeadlineBasis, 4> kDeadlineBases{{{DeadlineBasis::Stated, "stated"},
                                                  {DeadlineBasis::Inferred, "inferred"},
                                                  {DeadlineBasis::Default, "default"},
                                                  {DeadlineBasis::None, "none"}}};
constexpr Names<Review, 4> kReviews{{{Review::Candidate, "candidate"},
                                     {Review::Accepted, "accepted"},
                                     {Review::Rejected, "rejected"},
                                     {Review::Edited, "edited"}}};
constexpr Names<PublishedBasis, 4> kPublishedBases{{{PublishedBasis::Given, "given"},
                                                    {PublishedBasis::Stated, "stated"},
                                                    {PublishedBasis::Inferred, "inferred"},
                                                    {PublishedBasis::Unknown, "unknown"}}};
constexpr Names<Reliability, 3> kReliabilities{
    {{Reliability::Low, "low"}, {Reliability::Medium, "medium"}, {Reliability::High, "high"}}};
constexpr Names<ResolutionState, 3> kStates{{{ResolutionState::Proposed, "proposed"},
                                             {ResolutionState::Confirmed, "confirmed"},
                                             {ResolutionState::Superseded, "superseded"}}};

}  // namespace

const char* to_string(Outcome o) {
  return name_of(kOutcomes, o);
}
std::optional<Outcome> outcome_from_string(std::string_view s) {
  return value_of(kOutcomes, s);
}
const char* to_string(ClaimKind k) {
  return name_of(kKinds, k);
}
std::optional<ClaimKind> claim_kind_from_string(std::string_view s) {
  return value_of(kKinds, s);
}
const char* to_string(SpeakerBasis b) {
  return name_of(kSpeakerBases, b);
}
std::optional<SpeakerBasis> speaker_basis_from_string(std::string_view s) {
  return value_of(kSpeakerBases, s);
}
const char* to_string(ProbabilityBasis b) {
  return name_of(kProbabilityBases, b);
}
std::optional<ProbabilityBasis> probability_basis_from_string(std::string_view s) {
  return value_of(kProbabilityBases, s);
}
const char* to_string(DeadlineBasis b) {
  return name_of(kDeadlineBases, b);
}
std::optional<DeadlineBasis> deadline_basis_from_string(std::string_view s) {
  return value_of(kDeadlineBases, s);
}
const char* to_string(Review r) {
  return name_of(kReviews, r);
}
std::optional<Review> review_from_string(std::string_view s) {
  return value_of(kReviews, s);
}
const char* to_string(PublishedBasis b) {
  return name_of(kPublishedBases, b);
}
std::optional<PublishedBasis> published_basis_from_string(std::string_view s) {
  return value_of(kPublishedBases, s);
}
const char* to_string(Reliability r) {
  return name_of(kReliabilities, r);
}
std::optional<Reliability> reliability_from_string(std::string_view s) {
  return value_of(kReliabilities, s);
}
const char* to_string(ResolutionState s) {
  return name_of(kStates, s);
}
std::optional<ResolutionState> resolution_state_from_string(std::string_view s) {
  return value_of(kStates, s);
}

std::optional<double> observed_value(Outcome o, std::optional<double> credit) {
  switch (o) {
    case Outcome::True:
      return 1.0;
    case Outcome::False:
      return 0.0;
    case Outcome::Partial:
      return credit;
    case Outcome::Void:
    case Outcome::Ambiguous:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace hindsight::core
