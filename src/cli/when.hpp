// `hindsight when`: normalizing time expressions from the command line, one phrase
// or a batch of `phrase<TAB>YYYY-MM-DD` lines. Declared here (not in commands.hpp)
// so that the tests can drive the batch loop with string streams.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "extract/timex.hpp"

namespace hindsight::cli {

// Appends to `out` the JSON object of one normalized phrase, without a newline:
// {"phrase","start","end","basis","role","match"}; start, end, role and match are
// null where the phrase holds no such thing, basis is "none" then.
void append_when_json(std::string& out, std::string_view phrase,
                      const std::optional<extract::TimeExpression>& e);

// Reads `phrase<TAB>YYYY-MM-DD` lines from `in` and writes one JSON line per
// non-empty input line to `out`. A line without a tab takes `default_anchor` when
// one is given. A malformed line (no tab, a bad date, invalid UTF-8) gives
// {"line":N,"phrase":...,"error":"..."} on `out` and a message on `err`, and the
// batch goes on. Returns how many lines were malformed.
std::size_t run_when_batch(std::istream& in, std::ostream& out, std::ostream& err,
                           std::optional<core::Date> default_anchor);

}  // namespace hindsight::cli
