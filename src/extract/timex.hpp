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
  Deadline,  // an interval in which something should happen ("by March", "next month")
  Point,     // a day or interval something is scheduled for ("on Thursday")
  Start,     // an open-ended start ("from November 10", "beyond Aug. 12"): end is nullopt
  Past,      // refers to the past ("in April" in a past-tense sentence)
  Duration,  // the content of the claim, not a deadline ("delay ... for a year")
  Open,      // future reference with no computable interval ("soon", "eventually")
};

struct TimeExpression {
  core::Span span;     // byte offsets within the text that was searched
  std::string phrase;  // the words, as they stand in the text
  std::optional<core::Date> start;
  std::optional<core::Date> end;
  TimeRole role = TimeRole::Deadline;
  // Stated for an explicit expression, Inferred where a convention filled a gap
  // (a year from the anchor), None for Open and Duration.
  core::DeadlineBasis basis = core::DeadlineBasis::Stated;
};

// Every time expression in `text` (a sentence or clause), in text order, normalized
// against `anchor`. `future` says whether the sentence speaks of the future (a date
// without a year then takes the next one after the anchor). Never takes the modal
// "may" for May, "march" for March, or "a second" for a time.
std::vector<TimeExpression> find_time_expressions(std::string_view text, core::Date anchor,
                                                  bool future = true);

// Normalizes a whole phrase (for `hindsight when`): the best time expression in it,
// or nullopt when it holds none.
std::optional<TimeExpression> normalize_time(std::string_view phrase, core::Date anchor);

// The default horizon for a prediction with no time in its text: one year.
core::Date default_horizon_end(core::Date stated_on);

const char* to_string(TimeRole role);

}  // namespace hindsight::extract
