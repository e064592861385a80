// Calendar values with a name: explicit dates (12 August, Aug. 12, 2025-08-12,
// 11/10), months, seasons, quarters, halves and holidays whose year the text may
// leave out, and weekdays. The year conventions themselves are in
// timex_calendar.cpp; this file only reads the words.
#include <algorithm>

#include "extract/timex_internal.hpp"

namespace hindsight::extract::timex {

namespace {

// Words after which a month name is a month ("in May", "by March", "mid-May").
bool month_context(std::string_view w) {
  return one_of(w, {"in",      "since",   "until",      "till",  "by",        "during", "from",
                    "through", "before",  "after",      "of",    "early",     "mid",    "late",
                    "around",  "between", "throughout", "end",   "beginning", "start",  "-",
                    "and",     "to",      "or",         "until", "beyond",    "ahead",  "thru"});
}

// Words that can follow a month but not the modal "may" ("this May, ...",
// "this May the talks ..."), where "this may be" is the modal.
bool month_follower(std::string_view w) {
  return one_of(
      w, {"and",   "or",    "but",     "when", "as", "after",  "before", "to",   "the",   "a",
          "an",    "that",  "with",    "at",   "in", "on",     "for",    "of",   "from",  "through",
          "until", "while", "because", "amid", "if", "unless", "than",   "will", "would", "'s"});
}

}  // namespace

bool Matcher::day_number(std::size_t i) const {
  if (i >= m_t.size()) return false;
  const Token& t = m_t[i];
  if (t.kind != TokKind::Number || t.grouped || t.half || t.decade || t.digits > 2) return false;
  if (t.value < 1 || t.value > 31) return false;
  // "12:30" is a time of day, "12%" a share.
  return !(punct(i + 1, ":") || punct(i + 1, "%"));
}

bool Matcher::year_number(std::size_t i) const {
  if (i >= m_t.size()) return false;
  const Token& t = m_t[i];
  return t.kind == TokKind::Number && t.digits == 4 && !t.grouped && !t.half && !t.ordinal &&
         !t.decade && t.value >= 1900 && t.value <= 2100 && !punct(i + 1, "%");
}

std::optional<int> Matcher::month_word(std::size_t i, std::size_t& next) const {
  if (i >= m_t.size() || m_t[i].kind != TokKind::Word || !m_t[i].info || !m_t[i].info->month)
    return std::nullopt;
  const Token& t = m_t[i];
  const WordInfo& w = *t.info;
  std::size_t j = i + 1;
  bool period = false;
  if (w.month_abbrev && punct(j, ".") && !m_t[j].space_before) {
    ++j;
    period = true;
  }
  const bool number_after = day_number(j) || year_number(j);
  const bool cap = t.capitalized || !m_cased;
  const bool prep = i > 0 && (month_context(m_t[i - 1].lower) || day_number(i - 1));
  const bool det = i > 0 && one_of(m_t[i - 1].lower, {"this", "that", "next", "last"});
  const bool follower_ok = j >= m_t.size() || m_t[j].kind != TokKind::Word || m_t[j].capitalized ||
                           month_follower(m_t[j].lower);
  bool ok = false;
  if (w.month_ambiguous && w.month_abbrev) {
    ok = cap && (period || number_after);  // "Jan." or "Jan 5", never "Jan Smith"
  } else if (w.month_ambiguous) {
    // "May 12", "in May", "this May," but not "China may also", "this may be",
    // "protesters march".
    const bool prep_ok =
        prep && (w.month != 5 || follower_ok || !one_of(m_t[i - 1].lower, {"and", "or", "to"}));
    ok = cap && (number_after || prep_ok || (det && follower_ok));
  } else if (w.month_abbrev) {
    ok = period || number_after || prep || det;
  } else {
    // "April Ryan said" is a name; "in April", "April 5", "April saw" are months.
    const bool name_after = j < m_t.size() && m_t[j].kind == TokKind::Word && m_t[j].capitalized;
    ok = number_after || prep || det || !name_after;
  }
  if (!ok) return std::nullopt;
  next = j;
  return w.month;
}

std::optional<Value> Matcher::explicit_date(std::size_t i) const {
  auto adjacent = [&](std::size_t k) { return k < m_t.size() && !m_t[k].space_before; };
  auto num = [&](std::size_t k) {
    return k < m_t.size() && m_t[k].kind == TokKind::Number && !m_t[k].grouped && !m_t[k].half &&
           !m_t[k].ordinal && !m_t[k].decade;
  };
  if (!num(i)) return std::nullopt;
  // 2025-08-12, 2025/08/12
  if (m_t[i].digits == 4 && (punct(i + 1, "-") || punct(i + 1, "/")) && adjacent(i + 1) &&
      num(i + 2) && adjacent(i + 2) && punct(i + 3, m_t[i + 1].lower) && adjacent(i + 3) &&
      num(i + 4) && adjacent(i + 4) && m_t[i + 2].digits <= 2 && m_t[i + 4].digits <= 2) {
    const Date d = make_date(m_t[i].value, static_cast<unsigned>(m_t[i + 2].value),
                             static_cast<unsigned>(m_t[i + 4].value));
    if (!d.ok()) return std::nullopt;
    return Value{i + 5, day_of(d), Grain::Day};
  }
  // 11/10 (US month/day), 25/12 (day/month when it cannot be month/day), 11/10/2025.
  if (m_t[i].digits <= 2 && punct(i + 1, "/") && adjacent(i + 1) && num(i + 2) && adjacent(i + 2) &&
      m_t[i + 2].digits <= 2) {
    int a = m_t[i].value, b = m_t[i + 2].value;
    std::size_t next = i + 3;
    std::optional<int> year;
    if (punct(i + 3, "/") && adjacent(i + 3) && num(i + 4) && adjacent(i + 4) &&
        (m_t[i + 4].digits == 2 || m_t[i + 4].digits == 4)) {
      year = m_t[i + 4].digits == 2 ? 2000 + m_t[i + 4].value : m_t[i + 4].value;
      next = i + 5;
    } else if (punct(i + 3, "/") && adjacent(i + 3)) {
      return std::nullopt;
    }
    // Without a year, "1/3" is as likely a fraction: ask for a preposition of time.
    if (!year && !(i > 0 && one_of(m_t[i - 1].lower, {"on", "by", "until", "till", "before",
                                                      "after", "from", "since", "through", "of"})))
      return std::nullopt;
    if (a > 12 && b <= 12) std::swap(a, b);
    if (a < 1 || a > 12 || b < 1 || b > 31) return std::nullopt;
    const Yearly y(Yearly::Kind::MonthDay, a, b);
    auto iv = year ? yearly_in(y, *year) : yearly_pick(y, m_anchor, default_pick());
    if (!iv) return std::nullopt;
    return Value{next, *iv, Grain::Day};
  }
  return std::nullopt;
}

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

std::optional<Value> Matcher::yearly_core(std::size_t i, Yearly& y) const {
  std::size_t j = i;
  Part part{};
  if (std::size_t k = part_prefix(j, part)) {
    Yearly inner;
    auto v = yearly_core(k, inner);
    if (!v || inner.part || inner.kind == Yearly::Kind::Holiday ||
        inner.kind == Yearly::Kind::MonthDay)
      return std::nullopt;
    y = inner;
    y.part = part;
    return v;
  }
  if (word(j, "the")) ++j;
  if (auto h = match_holiday(m_t, j)) {
    y = Yearly(Yearly::Kind::Holiday, static_cast<int>(h->holiday));
    return Value{h->next};
  }
  std::size_t k = 0;
  // Month day: "August 12", "Aug. 12th", "Oct. 30-31"
  if (auto m = month_word(j, k)) {
    y = Yearly(Yearly::Kind::Month, *m);
    if (day_number(k) && !(k + 1 < m_t.size() && m_t[k + 1].kind == TokKind::Word &&
                           m_t[k + 1].info && m_t[k + 1].info->unit != Unit::None)) {
      y.kind = Yearly::Kind::MonthDay;
      y.b = static_cast<std::uint8_t>(m_t[k].value);
      ++k;
      if (punct(k, "-") && day_number(k + 1) && m_t[k + 1].value > y.b) {
        y.c = y.b;
        y.b = static_cast<std::uint8_t>(m_t[k + 1].value);
        k += 2;
      }
    }
    return Value{k};
  }
  // Day month: "12 August", "12th of August", "the 12th of August", "30-31 October"
  if (day_number(j)) {
    std::size_t d = j, first = j;
    if (punct(j + 1, "-") && day_number(j + 2) && m_t[j + 2].value > m_t[j].value) d = j + 2;
    std::size_t at = d + 1;
    if (word(at, "of") && m_t[j].ordinal) ++at;
    if (auto m = month_word(at, k)) {
      y = Yearly(Yearly::Kind::MonthDay, *m, m_t[d].value);
      if (d != first) y.c = static_cast<std::uint8_t>(m_t[first].value);
      return Value{k};
    }
    return std::nullopt;
  }
  if (j >= m_t.size()) return std::nullopt;
  const Token& t = m_t[j];
  // Quarters and halves: "the third quarter", "Q3", "the first half", "H2"
  if (t.kind == TokKind::Word && t.info && t.info->ordinal &&
      (word(j + 1, "quarter") || word(j + 1, "half"))) {
    const bool q = word(j + 1, "quarter");
    if (t.info->ordinal > (q ? 4 : 2) || j == i) return std::nullopt;  // needs "the"
    y = Yearly(q ? Yearly::Kind::Quarter : Yearly::Kind::Half, t.info->ordinal);
    return Value{j + 2};
  }
  if ((word(j, "final") || word(j, "last")) && j > i && word(j + 1, "quarter")) {
    y = Yearly(Yearly::Kind::Quarter, 4);
    return Value{j + 2};
  }
  if ((word(j, "q") || word(j, "h")) && j + 1 < m_t.size() && m_t[j + 1].kind == TokKind::Number &&
      !m_t[j + 1].space_before && m_t[j + 1].digits == 1) {
    const bool q = word(j, "q");
    const int n = m_t[j + 1].value;
    if (n < 1 || n > (q ? 4 : 2)) return std::nullopt;
    y = Yearly(q ? Yearly::Kind::Quarter : Yearly::Kind::Half, n);
    return Value{j + 2};
  }
  // Seasons: only where a season is meant ("this fall", "in the fall", "fall 2026"),
  // never the verb ("prices could fall") nor "the fall of Kabul".
  if (t.kind == TokKind::Word && t.info && t.info->season) {
    std::size_t prev = j;
    const bool year_after = year_number(j + 1) || (word(j + 1, "of") && year_number(j + 2));
    if (!year_after && (word(j + 1, "of") || word(j + 1, "in"))) return std::nullopt;
    bool ok = year_after;
    if (!ok && prev > 0) {
      const std::string_view before = m_t[prev - 1].lower;
      ok = one_of(before, {"this",   "next",    "last",     "in",   "by",     "early",
                           "late",   "mid",     "until",    "till", "before", "after",
                           "during", "through", "since",    "from", "around", "throughout",
                           "-",      "coming",  "upcoming", "past"});
      if (!ok && before == "the" && prev > 1)
        ok = one_of(m_t[prev - 2].lower,
                    {"in", "by", "during", "until", "till", "before", "after", "through", "since",
                     "for", "of", "around", "over", "throughout", "from"});
    }
    if (!ok) return std::nullopt;
    y = Yearly(Yearly::Kind::Season, t.info->season);
    return Value{j + 1};
  }
  return std::nullopt;
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
