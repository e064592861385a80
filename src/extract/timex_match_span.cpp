// Amounts of time: "two weeks", "90 days", "a year and a half", "a few months",
// and rolling windows around the anchor: "the next five years", "the coming days",
// "the past two weeks", "the months ahead". Vague counts follow the lenient
// conventions of docs/time.md and are marked as inferred.
#include <algorithm>

#include "extract/timex_internal.hpp"

namespace hindsight::extract::timex {

namespace {

// `count2` is twice the count, so that halves ("1.5 years", "half a month") stay exact.
Amount amount_of(Unit unit, int count2) {
  Amount a;
  switch (unit) {
    case Unit::Hour:
      a.days = (count2 + 47) / 48;
      break;  // hours, rounded up to days
    case Unit::Day:
      a.days = (count2 + 1) / 2;
      break;
    case Unit::Week:
      a.days = (7 * count2 + 1) / 2;
      break;
    case Unit::Fortnight:
      a.days = 7 * count2;
      break;
    case Unit::Month:
      a.months = count2 / 2;
      a.days = count2 % 2 ? 15 : 0;
      break;
    case Unit::Quarter:
      a.months = 3 * count2 / 2;
      a.days = (3 * count2) % 2 ? 15 : 0;
      break;
    case Unit::Year:
      a.months = 6 * count2;
      break;
    case Unit::Decade:
      a.months = 60 * count2;
      break;
    case Unit::None:
      break;
  }
  return a;
}

// "the coming days" and the like: how long a plural without a count is taken to be.
Amount vague_amount(Unit unit) {
  switch (unit) {
    case Unit::Hour:
      return Amount{0, 2};
    case Unit::Day:
      return Amount{0, 10};
    case Unit::Week:
    case Unit::Fortnight:
      return Amount{0, 42};
    case Unit::Month:
    case Unit::Quarter:
      return Amount{6, 0};
    case Unit::Year:
      return Amount{60, 0};
    case Unit::Decade:
      return Amount{360, 0};
    case Unit::None:
      break;
  }
  return {};
}

}  // namespace

std::optional<SpanValue> Matcher::amount(std::size_t i) const {
  if (i >= m_t.size()) return std::nullopt;
  std::size_t j = i;
  int count2 = 0;
  bool vague = false;
  const Token& t = m_t[i];
  if (word(j, "half") && (word(j + 1, "a") || word(j + 1, "an"))) {
    count2 = 1;
    j += 2;
  } else if (t.kind == TokKind::Number) {
    if (t.grouped || t.ordinal || t.decade || t.value < 1 || t.value > 100000) return std::nullopt;
    count2 = 2 * t.value + (t.half ? 1 : 0);
    ++j;
  } else if (t.kind == TokKind::Word && t.info && t.info->number) {
    int n = t.info->number;
    vague = t.info->vague_number;
    ++j;
    if (t.lower == "a" || t.lower == "an") {
      // "a couple of", "a few", "a dozen", "a hundred"
      if (j < m_t.size() && m_t[j].info && m_t[j].info->number && m_t[j].lower != "a" &&
          m_t[j].lower != "an" && m_t[j].lower != "one") {
        n = m_t[j].info->number;
        vague = m_t[j].info->vague_number;
        ++j;
      }
    } else if (n >= 20 && n < 100 && n % 10 == 0) {
      // "twenty-five", "twenty five"
      std::size_t k = punct(j, "-") ? j + 1 : j;
      if (k < m_t.size() && m_t[k].info && m_t[k].info->number >= 1 && m_t[k].info->number <= 9 &&
          m_t[k].lower != "a" && m_t[k].lower != "an") {
        n += m_t[k].info->number;
        j = k + 1;
      }
    } else if (n < 10 && word(j, "hundred")) {
      n *= 100;
      ++j;
    }
    if (word(j, "of") && vague) ++j;  // "a couple of weeks"
    count2 = 2 * n;
  } else {
    return std::nullopt;
  }
  while (j < m_t.size() &&
         one_of(m_t[j].lower, {"more", "additional", "further", "extra", "full", "consecutive",
                               "straight", "long", "whole", "calendar"}))
    ++j;
  bool business = false;
  if (word(j, "business") || word(j, "working")) {
    business = true;
    ++j;
  }
  if (j >= m_t.size() || !m_t[j].info || m_t[j].info->unit == Unit::None) return std::nullopt;
  const Unit unit = m_t[j].info->unit;
  // "two-day", "a year-long": adjectives, the content of a noun, not a time.
  if (!m_t[j].space_before || (punct(j + 1, "-") && !m_t[j + 1].space_before)) return std::nullopt;
  if (business && unit != Unit::Day) return std::nullopt;
  ++j;
  if (std::size_t k = words(j, "and a half")) {
    count2 += 1;
    j = k;
  }
  SpanValue s{j, amount_of(unit, count2), vague};
  s.amount.business_days = business;
  return s;
}

std::optional<SpanValue> Matcher::rolling(std::size_t i, bool& past) const {
  std::size_t j = i;
  const bool the = word(j, "the");
  if (the) ++j;
  if (j >= m_t.size() || m_t[j].kind != TokKind::Word) return std::nullopt;
  const std::string_view dir = m_t[j].lower;
  // "the months ahead", "the years to come"
  if (m_t[j].info && m_t[j].info->unit != Unit::None && m_t[j].info->plural) {
    std::size_t k = 0;
    if (word(j + 1, "ahead"))
      k = j + 2;
    else if (std::size_t e = words(j + 1, "to come"))
      k = e;
    if (!k) return std::nullopt;
    past = false;
    return SpanValue{k, vague_amount(m_t[j].info->unit), true};
  }
  if (one_of(dir, {"next", "coming", "following", "upcoming"}))
    past = false;
  else if (one_of(dir, {"past", "last", "previous"}))
    past = true;
  else
    return std::nullopt;
  ++j;
  if (auto a = amount(j)) return a;  // "the next five years", "the past two weeks"
  if (j >= m_t.size() || !m_t[j].info || m_t[j].info->unit == Unit::None) return std::nullopt;
  const WordInfo& u = *m_t[j].info;
  if (u.plural) {
    // "the coming days", "in coming weeks"; "the past months" reads the same way.
    if (!the && dir != "coming" && dir != "upcoming") return std::nullopt;
    return SpanValue{j + 1, vague_amount(u.unit), true};
  }
  // "the next year" is a rolling year; "next year" (no "the") is the calendar one.
  if (!the) return std::nullopt;
  return SpanValue{skip_possessive(j + 1), amount_of(u.unit, 2), false};
}

}  // namespace hindsight::extract::timex
