#include "report/claimreview.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace hindsight::report {

using nlohmann::json;

namespace {

constexpr int kWorst = 1;
constexpr int kBest = 5;

bool has_word(std::string_view name, std::string_view word) {
  std::size_t at = 0;
  while ((at = name.find(word, at)) != std::string_view::npos) {
    bool starts = at == 0 || name[at - 1] == ' ';
    std::size_t end = at + word.size();
    bool ends = end == name.size() || name[end] == ' ' || name[end] == ',' || name[end] == '.';
    if (starts && ends) return true;
    at = end;
  }
  return false;
}

json property(std::string_view name, json value, std::string_view description) {
  return json{{"@type", "PropertyValue"},
              {"name", name},
              {"value", std::move(value)},
              {"description", description}};
}

json creative_work(const std::string& article, const score::ArticleIndex& articles) {
  json work{{"@type", "CreativeWork"}};
  auto it = articles.find(article);
  if (it == articles.end()) return work;
  const auto& a = it->second;
  if (!a.url.empty()) work["url"] = a.url;
  if (!a.title.empty()) work["headline"] = a.title;
  if (!a.outlet.empty()) work["publisher"] = json{{"@type", "Organization"}, {"name", a.outlet}};
  if (a.published) work["datePublished"] = core::format_date(*a.published);
  return work;
}

json additional_properties(const core::Claim& c) {
  json props = json::array();
  if (c.probability) {
    props.push_back(property("probability", *c.probability,
                             c.cue.empty()
                                 ? "the confidence the claim expressed"
                                 : "the confidence the claim expressed: \"" + c.cue + "\" (" +
                                       core::to_string(c.probability_basis) + ")"));
  }
  if (c.deadline.start)
    props.push_back(property("deadlineStart", core::format_date(*c.deadline.start),
                             "the first day the prediction could come true"));
  if (c.deadline.end) {
    std::string why = "the last day the prediction could come true";
    if (!c.deadline.phrase.empty()) why += ", from \"" + c.deadline.phrase + "\"";
    props.push_back(property("deadline", core::format_date(*c.deadline.end), why));
  }
  if (c.outcome == core::Outcome::Partial && c.credit)
    props.push_back(property("credit", *c.credit, "the share of the prediction that came true"));
  if (!c.resolved_by.empty())
    props.push_back(property("resolvedBy", c.resolved_by, "the rule or person that decided"));
  if (!c.evidence.empty())
    props.push_back(property("evidence", c.evidence, "the events the verdict rests on"));
  return props;
}

}  // namespace

Rating rating_of(core::Outcome outcome, std::optional<double> credit) {
  switch (outcome) {
    case core::Outcome::True:
      return {kBest, "True"};
    case core::Outcome::False:
      return {kWorst, "False"};
    case core::Outcome::Partial: {
      double c = std::clamp(credit.value_or(0.5), 0.0, 1.0);
      int value = kWorst + static_cast<int>(std::lround(c * (kBest - kWorst)));
      return {value, fmt::format("Partly true ({:.0f}% came true)", c * 100)};
    }
    case core::Outcome::Void:
      return {std::nullopt, "Void (the condition failed or the question was unanswerable)"};
    case core::Outcome::Ambiguous:
      return {std::nullopt, "Unclear (what happened is ambiguous)"};
  }
  return {std::nullopt, "Unrated"};
}

const char* author_type(const core::Speaker& speaker) {
  static constexpr std::array<std::string_view, 26> kOrgWords{
      "Ministry",  "Department", "Government", "Office",         "Commission", "Council",
      "Committee", "Bank",       "Agency",     "Administration", "Party",      "Inc",
      "Corp",      "Group",      "News",       "Times",          "Post",       "Association",
      "Union",     "Federation", "Bureau",     "Institute",      "Authority",  "Court",
      "Congress",  "Parliament"};
  const std::string& name = speaker.name;
  if (speaker.basis == core::SpeakerBasis::Outlet) return "Organization";
  if (name.rfind("the ", 0) == 0 || name.rfind("The ", 0) == 0) return "Organization";
  if (name.find(' ') == std::string::npos) return "Organization";
  for (auto word : kOrgWords)
    if (has_word(name, word)) return "Organization";
  return "Person";
}

json claim_review(const core::Claim& c, const core::Date& reviewed_on,
                  const score::ArticleIndex& articles, const ClaimReviewOptions& options) {
  json item{{"@type", "Claim"}, {"datePublished", core::format_date(c.stated_on)}};
  if (c.speaker)
    item["author"] = json{{"@type", author_type(*c.speaker)}, {"name", c.speaker->name}};
  json appearances = json::array();
  std::vector<std::string> seen;
  auto add_appearance = [&](const std::string& article) {
    if (std::find(seen.begin(), seen.end(), article) != seen.end()) return;
    seen.push_back(article);
    appearances.push_back(creative_work(article, articles));
  };
  add_appearance(c.article);
  for (const auto& a : c.appearances) add_appearance(a.article);
  item["firstAppearance"] = appearances.front();
  item["appearance"] = appearances;
  item["additionalProperty"] = additional_properties(c);

  Rating r = rating_of(*c.outcome, c.credit);
  json rating{{"@type", "Rating"}, {"alternateName", r.alternate_name}, {"name", r.alternate_name}};
  if (r.value) {
    rating["ratingValue"] = *r.value;
    rating["bestRating"] = kBest;
    rating["worstRating"] = kWorst;
  }
  json author{{"@type", "Organization"}, {"name", options.org_name}};
  if (!options.org_url.empty()) author["url"] = options.org_url;
  std::string url = options.url_base.empty() ? "#claim-" + c.id : options.url_base + c.id;
  return json{{"@context", "https://schema.org"},
              {"@type", "ClaimReview"},
              {"url", url},
              {"claimReviewed", c.text},
              {"datePublished", core::format_date(reviewed_on)},
              {"author", author},
              {"reviewRating", rating},
              {"itemReviewed", item}};
}

json claim_reviews(std::span<const core::Claim> claims,
                   const std::map<std::string, core::Date>& verdict_dates,
                   const core::Date& fallback_date, const score::ArticleIndex& articles,
                   const ClaimReviewOptions& options) {
  json out = json::array();
  for (const auto& c : claims) {
    if (!c.outcome || c.review == core::Review::Rejected) continue;
    auto it = verdict_dates.find(c.id);
    out.push_back(
        claim_review(c, it == verdict_dates.end() ? fallback_date : it->second, articles, options));
  }
  return out;
}

}  // namespace hindsight::report
