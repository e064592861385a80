// Calendar values with a name whose year the text may leave out: days of a month
// ("12 August"), months, seasons, quarters, halves and holidays, with their
// early/mid/late parts, and weekdays. The year conventions themselves are in
// timex_calendar.cpp; this file only reads the words.
#include <algorithm>

#include "extract/timex_internal.hpp"

namespace hindsight::extract::timex {

std::size_t Matcher::part_prefix(std::size_t i, Part& part) const {
  auto part_of_word = [](std::string_view w) -> std::optional<Part> {
    if (w == "early" || w == "beginning" || w == "start") return Part::Early;
    if (w == "mid" || w == "middle") return Part::Mid;
    if (w == "late" || w == "end" || w == "close") return Part::Late;
    return std::nullopt;
  };
  std::size_t j = i;
  if (word(j, "the")) ++j;
  if (j >= m_t.size() || m_t[j].kind != TokKind::Word) return 0;
  const auto p = part_of_word(m_t[j].lower);
  if (!p) return 0;
  const std::string_view w = m_t[j].lower;
  ++j;
  if (w == "beginning" || w == "start" || w == "middle" || w == "end" || w == "close") {
    // "the end of", "end of", "end-October"
    if (word(j, "of")) {
      part = *p;
      return j + 1;
    }
    if (w == "end" && punct(j, "-") && !m_t[j].space_before) {
      part = *p;
      return j + 1;
    }
    return 0;
  }
  if (j > i + 1) return 0;  // "the early 2030s" is a decade, handled there
  // early / mid / late, optionally "mid-2026", "early in the year"
  if (punct(j, "-") && !m_t[j].space_before)
    ++j;
  else if (word(j, "in") && w != "mid")
    ++j;
  part = *p;
  return j;
}

std::size_t Matcher::month_day(std::size_t j, Yearly& y) const {
  std::size_t k = 0;
  // Month day: "August 12", "Aug. 12th", "Oct. 30-31"; or the month alone.
  if (auto m = month_word(j, k)) {
    y = Yearly(Yearly::Kind::Month, *m);
    const bool count = k + 1 < m_t.size() && m_t[k + 1].info && m_t[k + 1].info->unit != Unit::None;
    if (day_number(k) && !count) {  // not "May 5 years ago"
      y.kind = Yearly::Kind::MonthDay;
      y.b = static_cast<std::uint8_t>(m_t[k].value);
      ++k;
      if (punct(k, "-") && day_number(k + 1) && m_t[k + 1].value > y.b) {
        y.c = y.b;
        y.b = static_cast<std::uint8_t>(m_t[k + 1].value);
        k += 2;
      }
    }
    return k;
  }
  // Day month: "12 August", "12th of August", "the 12th of August", "30-31 October"
  if (!day_number(j)) return 0;
  std::size_t d = j;
  if (punct(j + 1, "-") && day_number(j + 2) && m_t[j + 2].value > m_t[j].value) d = j + 2;
  std::size_t at = d + 1;
  if (word(at, "of") && m_t[j].ordinal) ++at;
  auto m = month_word(at, k);
  if (!m) return 0;
  y = Yearly(Yearly::Kind::MonthDay, *m, m_t[d].value);
  if (d != j) y.c = static_cast<std::uint8_t>(m_t[j].value);
  return k;
}

std::size_t Matcher::quarter_or_half(std::size_t j, bool after_the, Yearly& y) const {
  if (j + 1 >= m_t.size()) return 0;
  const Token& t = m_t[j];
  // "the third quarter", "the first half", "the final quarter" (with "the")
  if (after_the && t.info && t.info->ordinal && (word(j + 1, "quarter") || word(j + 1, "half"))) {
    const bool q = word(j + 1, "quarter");
    if (t.info->ordinal > (q ? 4 : 2)) return 0;
    y = Yearly(q ? Yearly::Kind::Quarter : Yearly::Kind::Half, t.info->ordinal);
    return j + 2;
  }
  if (after_the && (word(j, "final") || word(j, "last")) && word(j + 1, "quarter")) {
    y = Yearly(Yearly::Kind::Quarter, 4);
    return j + 2;
  }
  // "Q3", "H2"
  if ((word(j, "q") || word(j, "h")) && m_t[j + 1].kind == TokKind::Number &&
      !m_t[j + 1].space_before && m_t[j + 1].digits == 1) {
    const bool q = word(j, "q");
    const int n = m_t[j + 1].value;
    if (n < 1 || n > (q ? 4 : 2)) return 0;
    y = Yearly(q ? Yearly::Kind::Quarter : Yearly::Kind::Half, n);
    return j + 2;
  }
  return 0;
}

std::size_t Matcher::season(std::size_t j, Yearly& y) const {
  // Only where a season is meant ("this fall", "in the fall", "fall 2026"), never
  // the verb ("prices could fall") nor "the fall of Kabul".
  if (j >= m_t.size() || !m_t[j].info || !m_t[j].info->season) return 0;
  const bool year_after = year_number(j + 1) || (word(j + 1, "of") && year_number(j + 2));
  if (!year_after && (word(j + 1, "of") || word(j + 1, "in"))) return 0;
  bool ok = year_after;
  if (!ok && j > 0) {
    const std::string_view before = m_t[j - 1].lower;
    ok = one_of(before,
                {"this",   "next",       "last",   "in",     "by",       "early",   "late",  "mid",
                 "until",  "till",       "before", "after",  "during",   "through", "since", "from",
                 "around", "throughout", "-",      "coming", "upcoming", "past"});
    if (!ok && before == "the" && j > 1)
      ok = one_of(m_t[j - 2].lower,
                  {"in", "by", "during", "until", "till", "before", "after", "through", "since",
                   "for", "of", "around", "over", "throughout", "from"});
  }
  if (!ok) return 0;
  y = Yearly(Yearly::Kind::Season, m_t[j].info->season);
  return j + 1;
}

std::optional<Value> Matcher::yearly_core(std::size_t i, Yearly& y) const {
  Part part{};
  if (std::size_t k = part_prefix(i, part)) {
    // "early November", "late summer", "the end of the third quarter"
    Yearly inner;
    auto v = yearly_core(k, inner);
    if (!v || inner.part || inner.kind == Yearly::Kind::Holiday ||
        inner.kind == Yearly::Kind::MonthDay)
      return std::nullopt;
    y = inner;
    y.part = part;
    return v;
  }
  const std::size_t j = word(i, "the") ? i + 1 : i;
  if (auto h = match_holiday(m_t, j)) {
    y = Yearly(Yearly::Kind::Holiday, static_cast<int>(h->holiday));
    return Value{h->next};
  }
  std::size_t k = month_day(j, y);
  if (!k) k = quarter_or_half(j, j > i, y);
  if (!k) k = season(j, y);
  if (!k) return std::nullopt;
  return Value{k};
}

std::optional<Value> Matcher::year_suffix(std::size_t i, const Yearly& y) const {
  std::size_t j = i;
  if (punct(j, ",") && year_number(j + 1)) ++j;
  const bool of = word(j, "of") || word(j, "in");
  if (of) ++j;
  if (year_number(j)) {
    auto iv = yearly_in(y, m_t[j].value);
    if (!iv) return std::nullopt;
    return Value{j + 1, *iv};
  }
  const int ay = static_cast<int>(m_anchor.year());
  for (auto [phrase, dy] : {std::pair{"next year", 1}, {"this year", 0}, {"last year", -1}}) {
    if (std::size_t k = words(j, phrase)) {
      // A winter is named after its December; "this winter" said in January is the
      // one under way.
      auto iv = yearly_in(y, ay + dy);
      if (!iv) return std::nullopt;
      Value v{k, *iv};
      v.past = dy < 0;
      return v;
    }
  }
  // "the first quarter of fiscal 2026"
  if (of && (y.kind == Yearly::Kind::Quarter || y.kind == Yearly::Kind::Half)) {
    if (auto fy = fiscal(j)) {
      const int size = y.kind == Yearly::Kind::Quarter ? 3 : 6;
      const Date first = add_amount(fy->iv.first, Amount{size * (y.a - 1), 0}, 1);
      const Date last = core::add_days(add_amount(first, Amount{size, 0}, 1), -1);
      return Value{fy->next, Interval{first, last}};
    }
  }
  return std::nullopt;
}

std::optional<Value> Matcher::yearly(std::size_t i) const {
  std::size_t j = i;
  Pick pick = default_pick();
  bool picked = false;
  if (word(j, "this") || word(j, "next") || word(j, "last")) {
    pick = word(j, "this") ? Pick::This : word(j, "next") ? Pick::Next : Pick::Last;
    picked = true;
    ++j;
  } else if (word(j, "the") && (word(j + 1, "coming") || word(j + 1, "upcoming"))) {
    pick = Pick::Future;
    j += 2;
  } else if (word(j, "coming") || word(j, "upcoming")) {
    pick = Pick::Future;
    ++j;
  }
  // "the 2026 midterms", "the 2028 presidential election", "the 2026 elections"
  std::size_t y0 = word(j, "the") ? j + 1 : j;
  if (!picked && year_number(y0)) {
    const int year = m_t[y0].value;
    std::optional<Holiday> h;
    std::size_t k = y0 + 1;
    if (auto name = match_holiday(m_t, k)) {
      h = name->holiday;
      k = name->next;
    } else if (word(k, "election") || word(k, "elections")) {
      h = Holiday::ElectionDay;
      ++k;
    }
    if (h) {
      auto d = holiday_date(*h, year);
      if (!d) return std::nullopt;
      return Value{k, day_of(*d), Grain::Day};
    }
  }
  Yearly y;
  auto core = yearly_core(j, y);
  if (!core) return std::nullopt;
  Value v;
  v.grain = y.part ? Grain::Day : yearly_grain(y);
  v.fuzzy = y.part.has_value();
  if (auto with_year = picked ? std::nullopt : year_suffix(core->next, y)) {
    v.next = with_year->next;
    v.iv = with_year->iv;
    v.past = with_year->past;
    return v;
  }
  auto iv = yearly_pick(y, m_anchor, pick);
  if (!iv) return std::nullopt;
  v.next = core->next;
  v.iv = *iv;
  v.past = pick == Pick::Last;
  // An election without a year is a weaker clue than a date beside it.
  const auto hol = static_cast<Holiday>(y.a);
  v.weak = y.kind == Yearly::Kind::Holiday &&
           (hol == Holiday::MidtermElection || hol == Holiday::PresidentialElection ||
            hol == Holiday::ElectionDay || hol == Holiday::InaugurationDay);
  return v;
}

std::optional<Value> Matcher::weekday(std::size_t i) const {
  std::size_t j = i;
  std::string_view mod;
  if (word(j, "this") || word(j, "next") || word(j, "last") || word(j, "coming"))
    mod = m_t[j++].lower;
  if (j >= m_t.size() || m_t[j].kind != TokKind::Word || !m_t[j].info || !m_t[j].info->weekday)
    return std::nullopt;
  const unsigned wd = m_t[j].info->weekday;
  // "The Sunday Times", "a Monday Night Football game": a name, not a day.
  if (j > 0 && (word(j - 1, "the") || word(j - 1, "a")) && j + 1 < m_t.size() &&
      m_t[j + 1].kind == TokKind::Word && m_t[j + 1].capitalized)
    return std::nullopt;
  std::size_t k = skip_possessive(j + 1);
  // "Thursday, Oct. 30": the date says more than the weekday.
  std::size_t d = punct(k, ",") ? k + 1 : k;
  if (mod.empty()) {
    if (auto date = yearly(d); date && date->grain == Grain::Day && !date->fuzzy) return date;
  }
  const Date a = m_anchor;
  const long delta_fwd = (static_cast<long>(wd) - static_cast<long>(iso_weekday(a)) + 7) % 7;
  Date result;
  bool past = false;
  if (mod == "next") {
    // The weekday of next week (Monday to Sunday).
    result = core::add_days(week_of(core::add_days(a, 7)).first, static_cast<long>(wd) - 1);
  } else if (mod == "last") {
    const long back = delta_fwd == 0 ? 7 : 7 - delta_fwd;
    result = core::add_days(a, -back);
    past = true;
  } else if (m_future || !mod.empty()) {
    result = core::add_days(a, delta_fwd);
  } else {
    result = core::add_days(a, delta_fwd == 0 ? 0 : delta_fwd - 7);
  }
  Value v{k, day_of(result), Grain::Day};
  v.past = past;
  return v;
}

}  // namespace hindsight::extract::timex
