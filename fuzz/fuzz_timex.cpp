// libFuzzer target: the time-expression finder and normalizer. The first two bytes
// choose the anchor date (any day from 1900 to 2099) and the tense; the rest is
// the text. Every expression found must lie inside the text on character
// boundaries, and no interval may end before it starts.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/timex.hpp"
#include "fuzz_common.hpp"

using namespace hindsight;

namespace {

void check(const extract::TimeExpression& t, std::string_view text) {
  fuzz::require_span(t.span, text, "time expression span inside the text");
  if (t.start && t.end) fuzz::require(*t.start <= *t.end, "interval start <= end");
  if (t.start) fuzz::require(t.start->ok(), "start is a valid date");
  if (t.end) fuzz::require(t.end->ok(), "end is a valid date");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  unsigned choice = static_cast<unsigned>(data[0]) << 8 | data[1];
  // 200 years of days, so that leap years, year ends and century rules all occur.
  auto anchor = core::Date{
      date::sys_days{date::year_month_day{date::year{1900}, date::month{1}, date::day{1}}} +
      date::days{static_cast<int>((choice >> 1) * 73 % 73049)}};
  bool future = (choice & 1) != 0;
  std::string_view text(reinterpret_cast<const char*>(data + 2), size - 2);
  if (!util::is_valid_utf8(text)) return 0;  // the extractor only sees cleaned UTF-8
  for (const auto& t : extract::find_time_expressions(text, anchor, future)) check(t, text);
  if (auto best = extract::normalize_time(text, anchor)) check(*best, text);
  (void)extract::speaks_of_past(text);
  return 0;
}
