// Calendar values relative to the anchor ("next month", "this week", "tomorrow"),
// bare years, fiscal years, decades, early/mid/late parts of them ("early next
// year", "mid-2026", "the end of the year"), and the partial periods "later this
// year", "earlier this month", "the rest of the year". Also the dispatcher
// `calendar`, which takes the longest of all calendar readings at a position.
#include <algorithm>

#include "extract/timex_internal.hpp"

namespace hindsight::extract::timex {

namespace {

// The calendar unit around `d` that a relative expression names, moved by `step`
// units (next = 1, last = -1).
std::optional<Value> unit_around(std::string_view unit, Date d, int step) {
  const int y = static_cast<int>(d.year());
  const auto m = static_cast<unsigned>(d.month());
  Value v;
  if (unit == "week" || unit == "weekend") {
    const Date moved = core::add_days(d, 7L * step);
    v.iv = unit == "week" ? week_of(moved) : weekend_of(moved);
    v.grain = Grain::Week;
  } else if (unit == "month") {
    const Date moved = add_amount(Date{d.year(), d.month(), date::day{1}}, Amount{step, 0}, 1);
    v.iv = month_of(static_cast<int>(moved.year()), static_cast<unsigned>(moved.month()));
    v.grain = Grain::Month;
  } else if (unit == "quarter") {
    const int q = static_cast<int>((m - 1) / 3) + step;  // 0-based, may leave the year
    const int qy = y + (q >= 0 ? q / 4 : (q - 3) / 4);
    v.iv = quarter_of(qy, ((q % 4) + 4) % 4 + 1);
    v.grain = Grain::Quarter;
  } else if (unit == "half") {
    const int h = static_cast<int>((m - 1) / 6) + step;
    const int hy = y + (h >= 0 ? h / 2 : (h - 1) / 2);
    v.iv = half_of(hy, ((h % 2) + 2) % 2 + 1);
    v.grain = Grain::Half;
  } else if (unit == "year") {
    v.iv = year_of(y + step);
    v.grain = Grain::Year;
  } else if (unit == "decade") {
    const int first = y - ((y % 10) + 10) % 10 + 10 * step;
    v.iv = decade_of(first);
    v.grain = Grain::Decade;
  } else {
    return std::nullopt;
  }
  v.past = step < 0;
  return v;
}

}  // namespace

std::optional<Value> Matcher::current_unit(std::size_t i) const {
  // "the year", "the month", "the week" in "the end of the year", "later in the year".
  if (!word(i, "the") || i + 1 >= m_t.size()) return std::nullopt;
  const std::string_view u = m_t[i + 1].lower;
  if (!one_of(u, {"year", "month", "week", "quarter", "decade", "weekend"})) return std::nullopt;
  auto v = unit_around(u, m_anchor, 0);
  if (v) v->next = skip_possessive(i + 2);
  return v;
}

std::optional<Value> Matcher::relative(std::size_t i) const {
  if (i >= m_t.size() || m_t[i].kind != TokKind::Word) return std::nullopt;
  const std::string_view w = m_t[i].lower;
  if (!one_of(w, {"the", "today", "tonight", "immediately", "tomorrow", "yesterday", "right",
                  "with", "this", "later", "next", "last"}))
    return std::nullopt;
  auto day = [&](long delta, std::size_t next) {
    Value v{next, day_of(core::add_days(m_anchor, delta)), Grain::Day};
    v.past = delta < 0;
    return v;
  };
  if (std::size_t k = words(i, "the day after tomorrow")) return day(2, k);
  if (std::size_t k = words(i, "the day before yesterday")) return day(-2, k);
  if (w == "today" || w == "tonight" || w == "immediately") return day(0, skip_possessive(i + 1));
  if (w == "tomorrow") return day(1, skip_possessive(i + 1));
  if (w == "yesterday") return day(-1, skip_possessive(i + 1));
  for (auto phrase : {"right away", "with immediate effect", "this morning", "this afternoon",
                      "this evening", "later today"})
    if (std::size_t k = words(i, phrase)) return day(0, k);
  // "this time next year"
  if (std::size_t k = words(i, "this time next year"))
    return Value{k, day_of(add_amount(m_anchor, Amount{12, 0}, 1)), Grain::Day};
  if (std::size_t k = words(i, "this time last year")) {
    Value v{k, day_of(add_amount(m_anchor, Amount{12, 0}, -1)), Grain::Day};
    v.past = true;
    return v;
  }
  // this / next / last / the following / the previous / the current + unit
  std::size_t j = i;
  int step = 0;
  if (w == "this" || w == "next" || w == "last") {
    step = w == "next" ? 1 : w == "last" ? -1 : 0;
    ++j;
  } else if (w == "the" &&
             (word(i + 1, "following") || word(i + 1, "previous") || word(i + 1, "current"))) {
    step = word(i + 1, "following") ? 1 : word(i + 1, "previous") ? -1 : 0;
    j += 2;
  } else if (w == "the" && word(i + 1, "weekend")) {
    // "by the weekend": the coming one (this week's).
    auto v = unit_around("weekend", m_anchor, 0);
    v->next = skip_possessive(i + 2);
    return v;
  } else {
    return std::nullopt;
  }
  if (j >= m_t.size() || m_t[j].kind != TokKind::Word) return std::nullopt;
  auto v = unit_around(m_t[j].lower, m_anchor, step);
  if (!v) return std::nullopt;
  v->next = skip_possessive(j + 1);
  return v;
}

std::optional<Value> Matcher::year_value(std::size_t i) const {
  if (!year_number(i) || i == 0) return std::nullopt;
  // A bare number is a year only after a word of time ("in 2026", "mid-2026").
  if (!one_of(m_t[i - 1].lower,
              {"in",      "by",     "until", "till",  "before",  "after", "since",      "from",
               "through", "during", "of",    "for",   "-",       "early", "late",       "mid",
               "end",     "around", "and",   "to",    "between", "year",  "throughout", "beyond",
               "thru",    "than",   "circa", "least", "as"}))
    return std::nullopt;
  if (i + 1 < m_t.size() && m_t[i + 1].info && m_t[i + 1].info->unit != Unit::None)
    return std::nullopt;  // "in 2026 days" is a count
  Value v{skip_possessive(i + 1), year_of(m_t[i].value), Grain::Year};
  v.year_only = true;
  return v;
}

std::optional<Value> Matcher::fiscal(std::size_t i) const {
  auto two_or_four = [&](std::size_t k) -> std::optional<int> {
    if (k >= m_t.size() || m_t[k].kind != TokKind::Number || m_t[k].grouped || m_t[k].half)
      return std::nullopt;
    if (m_t[k].digits == 2) return 2000 + m_t[k].value;
    if (year_number(k)) return m_t[k].value;
    return std::nullopt;
  };
  if (i >= m_t.size() ||
      (m_t[i].kind != TokKind::Number && !one_of(m_t[i].lower, {"fiscal", "fy", "the"})))
    return std::nullopt;
  std::size_t j = i;
  std::optional<int> y;
  if (word(j, "fiscal")) {
    ++j;
    if (word(j, "year")) ++j;
    y = year_number(j) ? std::optional<int>(m_t[j].value) : std::nullopt;
  } else if (word(j, "fy")) {
    ++j;
    y = two_or_four(j);
  } else {
    // "the 2026 fiscal year"
    std::size_t k = word(j, "the") ? j + 1 : j;
    if (year_number(k) && word(k + 1, "fiscal") && word(k + 2, "year")) {
      Value v{skip_possessive(k + 3), fiscal_year_of(m_t[k].value), Grain::Year};
      return v;
    }
    return std::nullopt;
  }
  if (!y) return std::nullopt;
  ++j;
  // "fiscal 2025-26" names the year it ends in.
  if (punct(j, "-") && !m_t[j].space_before && j + 1 < m_t.size() &&
      m_t[j + 1].kind == TokKind::Number && m_t[j + 1].digits == 2) {
    y = *y + 1;
    j += 2;
  }
  return Value{skip_possessive(j), fiscal_year_of(*y), Grain::Year};
}

std::optional<Value> Matcher::decade(std::size_t i) const {
  std::size_t j = word(i, "the") ? i + 1 : i;
  if (j >= m_t.size() || m_t[j].kind != TokKind::Number || !m_t[j].decade) return std::nullopt;
  return Value{j + 1, decade_of(m_t[j].value), Grain::Decade};
}

std::optional<Value> Matcher::parted(std::size_t i) const {
  if (i >= m_t.size() || !one_of(m_t[i].lower, {"the", "early", "mid", "late", "beginning", "start",
                                                "middle", "end", "close"}))
    return std::nullopt;
  Part part{};
  std::size_t k = part_prefix(i, part);
  // "the early 2030s", "the late 1990s"
  if (!k && word(i, "the") && (word(i + 1, "early") || word(i + 1, "mid") || word(i + 1, "late"))) {
    part = word(i + 1, "early") ? Part::Early : word(i + 1, "mid") ? Part::Mid : Part::Late;
    k = i + 2;
    if (punct(k, "-")) ++k;
    if (!decade(k)) return std::nullopt;
  }
  if (!k) return std::nullopt;
  std::optional<Value> base;
  for (Reader f : {&Matcher::relative, &Matcher::current_unit, &Matcher::year_value,
                   &Matcher::fiscal, &Matcher::decade}) {
    auto v = (this->*f)(k);
    if (v && v->grain != Grain::Day && (!base || v->next > base->next)) base = v;
  }
  if (!base) return std::nullopt;
  Value v = *base;
  v.iv = part_of(base->iv, base->grain, part);
  v.fuzzy = true;
  v.year_only = false;
  return v;
}

std::optional<Value> Matcher::partial_period(std::size_t i) const {
  if (i >= m_t.size() ||
      !one_of(m_t[i].lower, {"later", "earlier", "the", "rest", "year", "month", "quarter"}))
    return std::nullopt;
  // later this year / later in the year / later in 2026: from the anchor to its end;
  // earlier this year: from its start to the anchor; the rest of the year.
  std::size_t j = 0;
  int kind = 0;  // 1 later, 2 earlier, 3 rest
  if ((j = words(i, "later in")) || (j = words(i, "later")))
    kind = 1;
  else if ((j = words(i, "earlier in")) || (j = words(i, "earlier")))
    kind = 2;
  else if ((j = words(i, "the rest of")) || (j = words(i, "the remainder of")) ||
           (j = words(i, "the balance of")) || (j = words(i, "rest of")))
    kind = 3;
  if (kind) {
    std::optional<Value> x = current_unit(j);
    if (!x && (word(j, "this") || kind == 3)) {
      x = relative(j);
      if (!x) x = yearly(j);
    }
    if (!x && (word(j - 1, "in") || kind == 3)) x = year_value(j);
    if (!x || x->grain == Grain::Day) return std::nullopt;
    Value v = *x;
    if (kind == 2) {
      v.iv = {x->iv.first, std::max(x->iv.first, core::add_days(m_anchor, -1))};
      v.past = true;
    } else if (m_anchor > x->iv.last) {
      v.past = true;  // "later in 2024" said in 2025: that period, in the past
    } else {
      v.iv = {std::max(x->iv.first, m_anchor), x->iv.last};
    }
    v.year_only = false;
    v.grain = Grain::Day;
    return v;
  }
  // year-end, the year's end, month-end
  std::size_t k = word(i, "the") ? i + 1 : i;
  for (std::string_view unit : {"year", "month", "quarter"}) {
    if (!word(k, unit)) continue;
    std::size_t e = 0;
    if (punct(k + 1, "-") && word(k + 2, "end"))
      e = k + 3;
    else if (word(k + 1, "end"))
      e = k + 2;
    else if (word(k + 1, "'s") && word(k + 2, "end"))
      e = k + 3;
    if (!e) continue;
    auto x = unit_around(unit, m_anchor, 0);
    return Value{e, day_of(x->iv.last), Grain::Day};
  }
  return std::nullopt;
}

std::optional<Value> Matcher::calendar(std::size_t i) const {
  if (i < m_memo.size() && m_memo[i].done) return m_memo[i].value;
  std::optional<Value> best;
  for (Reader f : {&Matcher::explicit_date, &Matcher::yearly, &Matcher::weekday,
                   &Matcher::year_value, &Matcher::relative, &Matcher::parted, &Matcher::fiscal,
                   &Matcher::decade, &Matcher::partial_period}) {
    auto v = (this->*f)(i);
    if (v && (!best || v->next > best->next)) best = v;
  }
  if (i < m_memo.size()) m_memo[i] = CalendarMemo{true, best};
  return best;
}

}  // namespace hindsight::extract::timex
