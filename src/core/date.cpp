#include "core/date.hpp"

#include <charconv>

namespace hindsight::core {

namespace {

bool parse_int(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace

Result<Date> parse_date(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !parse_int(text.substr(0, 4), y) ||
      !parse_int(text.substr(5, 2), m) || !parse_int(text.substr(8, 2), d)) {
    return make_error("'" + std::string(text) + "' is not a date of the form YYYY-MM-DD");
  }
  Date date{date::year{y}, date::month{static_cast<unsigned>(m)},
            date::day{static_cast<unsigned>(d)}};
  if (!date.ok()) return make_error("'" + std::string(text) + "' is not a date in the calendar");
  return date;
}

std::string format_date(const Date& d) {
  // The common case by hand: date::format builds a stream per call, and `resolve`
  // writes millions of dates.
  int y = static_cast<int>(d.year());
  if (y < 0 || y > 9999 || !d.ok()) return date::format("%F", date::sys_days{d});
  auto m = static_cast<unsigned>(d.month()), day = static_cast<unsigned>(d.day());
  std::string out(10, '-');
  out[0] = static_cast<char>('0' + y / 1000);
  out[1] = static_cast<char>('0' + y / 100 % 10);
  out[2] = static_cast<char>('0' + y / 10 % 10);
  out[3] = static_cast<char>('0' + y % 10);
  out[5] = static_cast<char>('0' + m / 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[8] = static_cast<char>('0' + day / 10);
  out[9] = static_cast<char>('0' + day % 10);
  return out;
}

std::string format_date(const std::optional<Date>& d) {
  return d ? format_date(*d) : std::string();
}

Date add_days(const Date& d, long n) {
  return Date{date::sys_days{d} + date::days{n}};
}

long days_between(const Date& a, const Date& b) {
  return static_cast<long>((date::sys_days{b} - date::sys_days{a}).count());
}

Date end_of_month(const Date& d) {
  return Date{date::year_month_day_last{d.year(), date::month_day_last{d.month()}}};
}

}  // namespace hindsight::core
