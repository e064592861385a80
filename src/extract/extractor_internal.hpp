// Pieces of the extractor shared by its .cpp files (not a public interface).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/article.hpp"
#include "core/claim.hpp"
#include "extract/clauses.hpp"
#include "extract/timex.hpp"
#include "extract/tokens.hpp"

namespace hindsight::extract::detail {

// The deadline of a prediction from the time expressions of its clause. `text` is
// the clause, `offset` its byte offset in the article, `skip` ranges of the clause
// (the condition, a leading "Although …," — in clause bytes) whose expressions do not
// count; an expression right after a past-tense verb ("began Monday") does not count
// either. Sets the claim's deadline and duration; a deadline before stated_on is left
// out and noted.
void fill_deadline(core::Claim& claim, std::string_view text, std::size_t offset,
                   const std::vector<std::pair<std::size_t, std::size_t>>& skip,
                   std::vector<std::string>& notes);

// A time that dates a scheduled event named in `sentence` ("this week's summit",
// "next month's talks"), when the sentence has one. A prediction with no time of its
// own next to such a sentence is taken to be about that event: its deadline is
// inferred from it.
std::optional<TimeExpression> event_time(std::string_view sentence, core::Date stated_on);

// The appearances of a claim at `span` of the article: one, or one per raw
// occurrence when the span lies in a repeated paragraph.
std::vector<core::Appearance> appearances_of(const core::Article& article, core::Span span);

// Merges claims of one article that state the same thing (same_in_article).
std::vector<core::Claim> merge_in_article(std::vector<core::Claim> claims);

// The text of tokens [first, last) of a sentence at `offset` in `text`, and its span.
core::Span span_of(const std::vector<Token>& tokens, TokenRange range, std::size_t offset);

}  // namespace hindsight::extract::detail
