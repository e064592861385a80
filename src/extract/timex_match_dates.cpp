// Explicit dates and the words they are made of: "12 August", "Aug. 12th",
// "2025-08-12", "11/10" (US month/day), and the tests that tell the month "May"
// from the modal "may" and "March" from the verb "march".
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

}  // namespace hindsight::extract::timex
