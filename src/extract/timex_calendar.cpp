// Calendar conventions of DESIGN.md "Time": what a month, quarter, half, season,
// fiscal year, week and an early/mid/late part of each of them cover, month
// arithmetic, and how a year the text leaves out is chosen. Every such convention
// lives here, so that changing one changes it everywhere.
#include <array>

#include "extract/timex_internal.hpp"

namespace hindsight::extract::timex {

using date::days;
using date::months;
using date::sys_days;

Date make_date(int y, unsigned m, unsigned d) {
  return Date{date::year{y}, date::month{m}, date::day{d}};
}

namespace {

Date add_months_clamped(Date d, int n) {
  Date r = d + months{n};
  // Aug 31 + 6 months is Feb 28 (or 29): clamp to the month's last day.
  if (!r.ok()) r = core::end_of_month(Date{r.year(), r.month(), date::day{1}});
  return r;
}

Date add_business_days(Date d, int n, int sign) {
  sys_days s{d};
  while (n > 0) {
    s += days{sign};
    const unsigned wd = date::weekday{s}.iso_encoding();
    if (wd <= 5) --n;
  }
  return Date{s};
}

}  // namespace

Date add_amount(Date d, const Amount& a, int sign) {
  if (a.business_days) return add_business_days(d, a.days, sign);
  Date r = add_months_clamped(d, sign * a.months);
  return core::add_days(r, sign * a.days);
}

Interval day_of(Date d) {
  return {d, d};
}

Interval month_of(int y, unsigned m) {
  const Date first = make_date(y, m, 1);
  return {first, core::end_of_month(first)};
}

Interval year_of(int y) {
  return {make_date(y, 1, 1), make_date(y, 12, 31)};
}

Interval quarter_of(int y, int q) {
  const auto m = static_cast<unsigned>(3 * (q - 1) + 1);
  return {make_date(y, m, 1), month_of(y, m + 2).last};
}

Interval half_of(int y, int h) {
  return h == 1 ? Interval{make_date(y, 1, 1), make_date(y, 6, 30)}
                : Interval{make_date(y, 7, 1), make_date(y, 12, 31)};
}

Interval season_of(int y, int season) {
  // Meteorological seasons of the northern hemisphere; a winter is named after the
  // year of its December.
  switch (season) {
    case 1:
      return {make_date(y, 3, 1), make_date(y, 5, 31)};
    case 2:
      return {make_date(y, 6, 1), make_date(y, 8, 31)};
    case 3:
      return {make_date(y, 9, 1), make_date(y, 11, 30)};
    default:
      return {make_date(y, 12, 1), month_of(y + 1, 2).last};
  }
}

Interval fiscal_year_of(int y) {
  return {make_date(y - 1, 10, 1), make_date(y, 9, 30)};
}

Interval decade_of(int first_year) {
  return {make_date(first_year, 1, 1), make_date(first_year + 9, 12, 31)};
}

unsigned iso_weekday(Date d) {
  return date::weekday{sys_days{d}}.iso_encoding();
}

Interval week_of(Date d) {
  const Date monday = core::add_days(d, 1 - static_cast<long>(iso_weekday(d)));
  return {monday, core::add_days(monday, 6)};
}

Interval weekend_of(Date d) {
  const Interval w = week_of(d);
  return {core::add_days(w.first, 5), w.last};
}

Date nth_weekday(int y, unsigned m, unsigned weekday, int n) {
  const date::weekday wd{weekday % 7};  // date::weekday counts Sunday as 0
  if (n >= 5) {
    return Date{sys_days{
        date::year_month_weekday_last{date::year{y}, date::month{m}, date::weekday_last{wd}}}};
  }
  return Date{sys_days{date::year_month_weekday{
      date::year{y}, date::month{m}, date::weekday_indexed{wd, static_cast<unsigned>(n)}}}};
}

namespace {

// Months [from, to] (1-based, counted from the interval's first month).
Interval months_within(const Interval& base, int from, int to) {
  const Date first = add_months_clamped(base.first, from - 1);
  const Date last_month = add_months_clamped(base.first, to - 1);
  return {first, core::end_of_month(last_month)};
}

}  // namespace

Interval part_of(const Interval& base, Grain grain, Part part) {
  const int p = static_cast<int>(part);  // 0 early, 1 mid, 2 late
  switch (grain) {
    case Grain::Month: {
      // Days 1-10, 11-20, 21-end.
      const Date f = base.first;
      if (part == Part::Late) return {core::add_days(f, 20), base.last};
      return {core::add_days(f, 10 * p), core::add_days(f, 10 * p + 9)};
    }
    case Grain::Year:  // Jan-Apr, May-Aug, Sep-Dec
      return months_within(base, 4 * p + 1, 4 * p + 4);
    case Grain::Half:  // two months each
      return months_within(base, 2 * p + 1, 2 * p + 2);
    case Grain::Quarter:
    case Grain::Season:  // one month each
      return months_within(base, p + 1, p + 1);
    case Grain::Week: {
      // Monday-Tuesday, Wednesday-Thursday, Friday-Sunday. A weekend is too short
      // to have parts: "the end of the weekend" is the weekend.
      const Date f = base.first;
      if (core::add_days(f, 6) > base.last) return base;
      if (part == Part::Late) return {core::add_days(f, 4), base.last};
      return {core::add_days(f, 2 * p), core::add_days(f, 2 * p + 1)};
    }
    case Grain::Decade: {
      // Years 0-3, 4-6, 7-9.
      const int y = static_cast<int>(base.first.year());
      static constexpr std::array<std::array<int, 2>, 3> kYears{{{0, 3}, {4, 6}, {7, 9}}};
      return {make_date(y + kYears[p][0], 1, 1), make_date(y + kYears[p][1], 12, 31)};
    }
    case Grain::Day:
      break;
  }
  return base;
}

// ---------------------------------------------------------------- yearly things

Grain yearly_grain(const Yearly& v) {
  switch (v.kind) {
    case Yearly::Kind::MonthDay:
    case Yearly::Kind::Holiday:
      return Grain::Day;
    case Yearly::Kind::Month:
      return Grain::Month;
    case Yearly::Kind::Quarter:
      return Grain::Quarter;
    case Yearly::Kind::Half:
      return Grain::Half;
    case Yearly::Kind::Season:
      return Grain::Season;
  }
  return Grain::Day;
}

std::optional<Interval> yearly_in(const Yearly& v, int y) {
  Interval iv{};
  switch (v.kind) {
    case Yearly::Kind::MonthDay: {
      const Date last = make_date(y, v.a, v.b);
      const Date first = make_date(y, v.a, v.c ? v.c : v.b);
      if (!last.ok() || !first.ok()) return std::nullopt;
      iv = {first, last};
      break;
    }
    case Yearly::Kind::Month:
      iv = month_of(y, v.a);
      break;
    case Yearly::Kind::Quarter:
      iv = quarter_of(y, v.a);
      break;
    case Yearly::Kind::Half:
      iv = half_of(y, v.a);
      break;
    case Yearly::Kind::Season:
      iv = season_of(y, v.a);
      break;
    case Yearly::Kind::Holiday: {
      auto d = holiday_date(static_cast<Holiday>(v.a), y);
      if (!d) return std::nullopt;
      iv = day_of(*d);
      break;
    }
  }
  if (v.part) iv = part_of(iv, yearly_grain(v), *v.part);
  return iv;
}

std::optional<Interval> yearly_pick(const Yearly& v, Date anchor, Pick pick) {
  const int ay = static_cast<int>(anchor.year());
  // Candidates from the year before the anchor's to four after (a midterm election
  // or a Feb 29 can be that far away), in order.
  std::optional<Interval> found;
  for (int y = ay - 4; y <= ay + 4; ++y) {
    auto iv = yearly_in(v, y);
    if (!iv) continue;
    switch (pick) {
      case Pick::Future:
        if (iv->last >= anchor) return iv;
        break;
      case Pick::Next:
        if (iv->first > anchor) return iv;
        break;
      case Pick::Past:
        if (iv->first <= anchor) found = iv;
        break;
      case Pick::Last:
        if (iv->last < anchor) found = iv;
        break;
      case Pick::This:
        if (iv->first <= anchor && anchor <= iv->last) return iv;
        if (y == ay) found = iv;
        break;
    }
  }
  return found;
}

}  // namespace hindsight::extract::timex
