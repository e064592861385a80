// Claim identity: stable ids, the proposition key shared by claims that predict the
// same thing, and matching — the same statement repeated in one article, or the same
// speaker's statement reported by several outlets, is one claim with several
// appearances.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/claim.hpp"

namespace hindsight::extract {

// A stable id: a hash of the article of the first appearance, the kind and the folded
// text, so re-extracting an unchanged article gives the same ids.
std::string claim_id(const std::string& article_id, core::ClaimKind kind, const std::string& text);

// The proposition key: the sorted topics and the deadline end ("open" for a default or
// missing deadline), e.g. "trade.truce.extend@2025-08-12". Empty without topics.
std::string proposition_key(const core::Claim& claim);

// True when two claims of one article state the same thing: the same kind and speaker,
// and the same folded text or nearly all content words of the shorter one in the
// longer one ("X's meeting with Y could bring an end to …" and "The meeting could
// bring an end to …").
bool same_in_article(const core::Claim& a, const core::Claim& b);

// What same_in_article compares of a claim's text, kept while one claim is compared
// with many: the folded text, and the content words once they are first needed.
struct TextKey {
  std::string folded;                                  // folded for case, quotes, dashes, spaces
  mutable std::optional<std::set<std::string>> words;  // content words, when asked
};

// The key of `text`.
TextKey text_key(const std::string& text);

// same_in_article with the keys of a.text and b.text.
bool same_in_article(const core::Claim& a, const TextKey& ka, const core::Claim& b,
                     const TextKey& kb);

// How far apart (in days) two reports of one statement may be dated.
inline constexpr long kSameStatementDays = 14;

// True when claims from two different articles are the same statement: the same kind,
// the same named speaker, stated within two weeks of each other, and the same non-empty
// proposition or the same wording.
bool same_statement(const core::Claim& a, const core::Claim& b);

// Merges `claim` into `into`: its appearances are added (no duplicates).
void add_appearances(core::Claim& into, const core::Claim& claim);

// Merges claims across articles in order: a claim that is the same statement as an
// earlier one becomes appearances of that one.
std::vector<core::Claim> merge_across_articles(std::vector<core::Claim> claims);

}  // namespace hindsight::extract
