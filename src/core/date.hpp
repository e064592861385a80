// Calendar dates (no time of day, no zone) on Howard Hinnant's date library. Every
// date in hindsight — published, stated_on, deadlines, event dates, as_of — is one.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace hindsight::core {

using Date = date::year_month_day;

// Parses a strict ISO date "YYYY-MM-DD". Impossible dates (2025-02-30) and any
// other shape are errors whose message quotes the input.
Result<Date> parse_date(std::string_view text);

// "YYYY-MM-DD".
std::string format_date(const Date& d);

// "YYYY-MM-DD", or "null"-free empty string for nullopt.
std::string format_date(const std::optional<Date>& d);

// d plus n days (n may be negative).
Date add_days(const Date& d, long n);

// Days from a to b (positive when b is later).
long days_between(const Date& a, const Date& b);

// The last day of d's month.
Date end_of_month(const Date& d);

}  // namespace hindsight::core
