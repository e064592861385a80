// schema.org ClaimReview JSON-LD for resolved claims, following Google's fact-check
// guidelines (required: claimReviewed, reviewRating.alternateName, url; recommended:
// author, datePublished, itemReviewed with its author, datePublished and appearance,
// and the numeric rating with its scale). ClaimReview has no field for a
// prediction's deadline or probability: they go in itemReviewed.additionalProperty
// as PropertyValues (docs/scores.md says why and what a validator makes of it).
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "core/claim.hpp"
#include "score/scorecard.hpp"

namespace hindsight::report {

struct ClaimReviewOptions {
  std::string org_name = "hindsight";  // the fact-checking organisation (the author)
  std::string org_url;                 // its home page, when given
  // The page of each fact check is url_base + claim id; empty gives "#claim-<id>",
  // an anchor on the page that embeds the JSON-LD (Google allows page + anchor).
  std::string url_base;
};

// The verdict's rating: 1 (false) to 5 (true), partial credit c as 1 + 4c rounded;
// void and ambiguous have words but no number. `alternateName` is what Google shows.
struct Rating {
  std::optional<int> value;
  std::string alternate_name;
};

// The rating of a verdict.
Rating rating_of(core::Outcome outcome, std::optional<double> credit);

// Whether `speaker` is published as a Person or an Organization: an outlet's own
// voice, a name with an organisation word ("Ministry", "Department", "Council",
// "Bank", "News" …), a name starting with "the", or a single word (a country, a
// body) is an Organization; everything else a Person.
const char* author_type(const core::Speaker& speaker);

// One ClaimReview object (with "@context") for a resolved claim; `reviewed_on` is
// the date of its verdict. Precondition: claim.outcome is set.
nlohmann::json claim_review(const core::Claim& claim, const core::Date& reviewed_on,
                            const score::ArticleIndex& articles, const ClaimReviewOptions& options);

// A JSON array of the ClaimReviews of every resolved, not rejected claim of
// `claims`, in their order. `verdict_dates` gives each claim's verdict date;
// claims missing from it use `fallback_date`.
nlohmann::json claim_reviews(std::span<const core::Claim> claims,
                             const std::map<std::string, core::Date>& verdict_dates,
                             const core::Date& fallback_date, const score::ArticleIndex& articles,
                             const ClaimReviewOptions& options);

}  // namespace hindsight::report
