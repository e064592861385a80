// Time expressions: finding them in a sentence and normalizing them to intervals
// against an anchor date (the date the statement was made). Every deadline
// convention of DESIGN.md "Time" lives in the timex*.cpp files and nowhere else.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/claim.hpp"
#include "core/date.hpp"
#include "core/span.hpp"

namespace hindsight::extract {

// What a time expression says about time.
enum class TimeRole {
  Deadline,  // an interval in which something should happen ("by March", "next month");
             // start is the anchor after "by", the interval's first day otherwise
  Point,     // a single day something is scheduled for ("on Thursday", "in two weeks")
  Start,     // an open-ended start ("from November 10", "beyond Aug. 12"): end is nullopt
  Past,      // refers to the past ("in April" in a past-tense sentence)
  Duration,  // the content of the claim, not a deadline ("delay ... for a year")
  Open,      // future reference with no computable interval ("soon", "eventually")
};

// One time expression found in a text, normalized against the anchor.
struct TimeExpression {
  core::Span span;     // byte offsets within the text that was searched
  std::string phrase;  // the words, as they stand in the text
  std::optional<core::Date> start;
  std::optional<core::Date> end;
  TimeRole role = TimeRole::Deadline;
  // Stated when the words give the interval (a year taken from the anchor by the
  // conventions still counts as stated, as DESIGN.md's "due to expire on 12 August"
  // example shows); Inferred when its length is a convention for vague words ("in
  // the coming days" = 10 days, "a few weeks" = 3 weeks); None for Open. A Duration
  // carries the interval it spans from the anchor, with basis Stated: the role, not
  // the basis, tells that it is the content of the claim rather than its deadline.
  core::DeadlineBasis basis = core::DeadlineBasis::Stated;
};

// Every time expression in `text` (a sentence or clause), in text order, normalized
// against `anchor`. `future` says whether the sentence speaks of the future (a date
// without a year then takes the next one after the anchor). Never takes the modal
// "may" for May, "march" for March, or "a second" for a time.
std::vector<TimeExpression> find_time_expressions(std::string_view text, core::Date anchor,
                                                  bool future = true);

// Normalizes a whole phrase (for `hindsight when`): the best time expression in it,
// or nullopt when it holds none. Whether the phrase speaks of the past is guessed
// with speaks_of_past. The best is the most specific (a date before a named
// election before "soon"), then the longest, then the first.
std::optional<TimeExpression> normalize_time(std::string_view phrase, core::Date anchor);

// A guess from verb forms: true when `text` has a past-tense verb ("fell", "was",
// "announced") and no word of the future ("will", "expected", "could"). Used by
// normalize_time; the extractor may use its own reading of the sentence instead.
bool speaks_of_past(std::string_view text);

// The default horizon for a prediction with no time in its text: one year after
// `stated_on` (Feb 29 + 1 year = Feb 28).
core::Date default_horizon_end(core::Date stated_on);

// "deadline", "point", "start", "past", "duration", "open".
const char* to_string(TimeRole role);

}  // namespace hindsight::extract
