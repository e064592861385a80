// Holidays and named events with a computable date: fixed ones (Christmas),
// weekday rules (Thanksgiving = 4th Thursday of November, US Election Day = the
// Tuesday after the first Monday of November), Easter by the Gregorian computus,
// and the Lunar New Year from a table. US holidays where a country is implied: the
// conventions are documented in docs/time.md.
#include <array>
#include <bit>
#include <iterator>

#include "extract/timex_internal.hpp"

namespace hindsight::extract::timex {

namespace {

// Lunar New Year (first day of the first month of the Chinese calendar), 1990-2050.
// Computed with ICU's Chinese calendar, with 2027 and 2030 corrected to the dates
// the Purple Mountain Observatory publishes (the new moon falls within minutes of
// midnight in Beijing, where ICU's astronomy rounds the other way).
constexpr int kLunarFirstYear = 1990;
constexpr std::array<std::uint16_t, 61> kLunarNewYear = {
    127, 215, 204, 123, 210, 131, 219, 207, 128, 216,  // 1990
    205, 124, 212, 201, 122, 209, 129, 218, 207, 126,  // 2000
    214, 203, 123, 210, 131, 219, 208, 128, 216, 205,  // 2010
    125, 212, 201, 122, 210, 129, 217, 206, 126, 213,  // 2020
    203, 123, 211, 131, 219, 208, 128, 215, 204, 124,  // 2030
    212, 201, 122, 210, 130, 217, 206, 126, 214, 202,  // 2040
    123,                                               // 2050
};

Date easter(int y) {
  const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return make_date(y, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

Date election_day(int y) {
  // The Tuesday after the first Monday in November (so never November 1).
  return core::add_days(nth_weekday(y, 11, 1, 1), 1);
}

struct Name {
  std::string_view words;  // lower case, space-separated; possessives are skipped
  Holiday holiday;
  bool needs_capital;  // the first word must be capitalized ("May Day", "New Year")
};

// Longer names first where one begins another ("christmas eve" before "christmas").
constexpr Name kNames[] = {
    {"new year day", Holiday::NewYearsDay, false},
    {"new year eve", Holiday::NewYearsEve, false},
    {"new year", Holiday::NewYearsDay, true},
    {"martin luther king jr . day", Holiday::MlkDay, false},
    {"martin luther king jr day", Holiday::MlkDay, false},
    {"martin luther king day", Holiday::MlkDay, false},
    {"mlk day", Holiday::MlkDay, false},
    {"presidents day", Holiday::PresidentsDay, false},
    {"president day", Holiday::PresidentsDay, false},
    {"washington birthday", Holiday::PresidentsDay, true},
    {"valentine day", Holiday::ValentinesDay, false},
    {"valentines day", Holiday::ValentinesDay, false},
    {"lunar new year", Holiday::LunarNewYear, false},
    {"chinese new year", Holiday::LunarNewYear, false},
    {"spring festival", Holiday::LunarNewYear, true},
    {"good friday", Holiday::GoodFriday, true},
    {"easter sunday", Holiday::Easter, false},
    {"easter monday", Holiday::EasterMonday, false},
    {"easter", Holiday::Easter, false},
    {"memorial day", Holiday::MemorialDay, false},
    {"juneteenth", Holiday::Juneteenth, false},
    {"independence day", Holiday::IndependenceDay, true},
    {"fourth of july", Holiday::IndependenceDay, false},
    {"july fourth", Holiday::IndependenceDay, false},
    {"labor day", Holiday::LaborDay, false},
    {"columbus day", Holiday::ColumbusDay, false},
    {"halloween", Holiday::Halloween, false},
    {"election day", Holiday::ElectionDay, false},
    {"midterm elections", Holiday::MidtermElection, false},
    {"midterm election", Holiday::MidtermElection, false},
    {"midterms", Holiday::MidtermElection, false},
    {"presidential election", Holiday::PresidentialElection, false},
    {"veterans day", Holiday::VeteransDay, false},
    {"thanksgiving day", Holiday::Thanksgiving, false},
    {"thanksgiving", Holiday::Thanksgiving, false},
    {"black friday", Holiday::BlackFriday, true},
    {"cyber monday", Holiday::CyberMonday, true},
    {"christmas eve", Holiday::ChristmasEve, false},
    {"christmas day", Holiday::Christmas, false},
    {"christmas", Holiday::Christmas, false},
    {"xmas", Holiday::Christmas, false},
    {"boxing day", Holiday::BoxingDay, false},
    {"inauguration day", Holiday::InaugurationDay, false},
    {"may day", Holiday::MayDay, true},
};

bool skippable(const Token& t) {
  // "New Year's", "Presidents' Day".
  return t.lower == "'s" || t.lower == "'";
}

}  // namespace

std::optional<Date> holiday_date(Holiday h, int y) {
  switch (h) {
    case Holiday::NewYearsDay:
      return make_date(y, 1, 1);
    case Holiday::NewYearsEve:
      return make_date(y, 12, 31);
    case Holiday::MlkDay:
      return nth_weekday(y, 1, 1, 3);
    case Holiday::PresidentsDay:
      return nth_weekday(y, 2, 1, 3);
    case Holiday::ValentinesDay:
      return make_date(y, 2, 14);
    case Holiday::LunarNewYear: {
      const int i = y - kLunarFirstYear;
      if (i < 0 || i >= static_cast<int>(kLunarNewYear.size())) return std::nullopt;
      const unsigned md = kLunarNewYear[static_cast<std::size_t>(i)];
      return make_date(y, md / 100, md % 100);
    }
    case Holiday::GoodFriday:
      return core::add_days(easter(y), -2);
    case Holiday::Easter:
      return easter(y);
    case Holiday::EasterMonday:
      return core::add_days(easter(y), 1);
    case Holiday::MemorialDay:
      return nth_weekday(y, 5, 1, 5);
    case Holiday::Juneteenth:
      return make_date(y, 6, 19);
    case Holiday::IndependenceDay:
      return make_date(y, 7, 4);
    case Holiday::LaborDay:
      return nth_weekday(y, 9, 1, 1);
    case Holiday::ColumbusDay:
      return nth_weekday(y, 10, 1, 2);
    case Holiday::Halloween:
      return make_date(y, 10, 31);
    case Holiday::ElectionDay:
      return election_day(y);
    case Holiday::MidtermElection:
      if (y % 4 != 2) return std::nullopt;
      return election_day(y);
    case Holiday::PresidentialElection:
      if (y % 4 != 0) return std::nullopt;
      return election_day(y);
    case Holiday::VeteransDay:
      return make_date(y, 11, 11);
    case Holiday::Thanksgiving:
      return nth_weekday(y, 11, 4, 4);
    case Holiday::BlackFriday:
      return core::add_days(nth_weekday(y, 11, 4, 4), 1);
    case Holiday::CyberMonday:
      return core::add_days(nth_weekday(y, 11, 4, 4), 4);
    case Holiday::ChristmasEve:
      return make_date(y, 12, 24);
    case Holiday::Christmas:
      return make_date(y, 12, 25);
    case Holiday::BoxingDay:
      return make_date(y, 12, 26);
    case Holiday::InaugurationDay:
      if (y % 4 != 1) return std::nullopt;
      return make_date(y, 1, 20);
    case Holiday::MayDay:
      return make_date(y, 5, 1);
  }
  return std::nullopt;
}

void add_holiday_first_words(std::vector<FirstWord>& out) {
  static_assert(std::size(kNames) <= 64, "first_of holds 64 entries per table");
  for (std::size_t k = 0; k < std::size(kNames); ++k) {
    const std::string_view w = kNames[k].words;
    out.push_back({Table::Holiday, static_cast<std::uint8_t>(k), w.substr(0, w.find(' '))});
  }
}

std::optional<HolidayName> match_holiday(const std::vector<Token>& toks, std::size_t i) {
  if (i >= toks.size() || toks[i].kind != TokKind::Word || toks[i].lower.empty())
    return std::nullopt;
  for (std::uint64_t m = first_of(toks[i], Table::Holiday); m; m &= m - 1) {
    const Name& name = kNames[std::countr_zero(m)];
    std::string_view rest = name.words;
    std::size_t j = i;
    bool ok = !name.needs_capital || toks[i].capitalized;
    while (ok && !rest.empty()) {
      const std::size_t sp = rest.find(' ');
      const std::string_view w = rest.substr(0, sp);
      rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
      while (j > i && j < toks.size() && skippable(toks[j])) ++j;
      ok = j < toks.size() && toks[j].lower == w;
      ++j;
    }
    if (!ok) continue;
    // A trailing possessive belongs to the name ("New Year's").
    while (j < toks.size() && (toks[j].lower == "'s" || toks[j].lower == "'")) ++j;
    return HolidayName{name.holiday, j};
  }
  return std::nullopt;
}

}  // namespace hindsight::extract::timex
