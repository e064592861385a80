// The parts of the time-expression normalizer that its .cpp files share: the
// tokenizer, the word lexicon, the calendar conventions, the holiday table and the
// matcher. Nothing outside src/extract/timex*.cpp includes this header; the public
// interface is timex.hpp.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/claim.hpp"
#include "core/date.hpp"
#include "extract/timex.hpp"

namespace hindsight::extract::timex {

using core::Date;

// Is `w` one of `set`? The first letters are compared first: most words differ there.
inline bool one_of(std::string_view w, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set)
    if (!s.empty() && !w.empty() && s[0] == w[0] && s == w) return true;
  return false;
}

// ---------------------------------------------------------------- lexicon

// What a unit word measures. Hours are kept so that "within 48 hours" reads as two
// days; seconds and minutes are never units ("a second round" is not a time).
enum class Unit : std::uint8_t { None, Hour, Day, Week, Fortnight, Month, Quarter, Year, Decade };

// What a known word can mean; a word may have several meanings ("may", "second").
struct WordInfo {
  std::uint8_t month = 0;        // 1..12 for a month name or abbreviation
  bool month_abbrev = false;     // "Aug", "Sept": needs a period or a day number after it
  bool month_ambiguous = false;  // "may", "march", "jan", "mar": also an ordinary word
  std::uint8_t weekday = 0;      // 1..7 = Monday..Sunday (full names only)
  int number = 0;                // value of a number word ("two" = 2, "a" = 1)
  bool vague_number = false;     // "few", "several", "couple": a convention, not a count
  std::uint8_t ordinal = 0;      // "first" = 1 .. "twelfth" = 12
  Unit unit = Unit::None;
  bool plural = false;      // "days", "months"
  std::uint8_t season = 0;  // 1 spring, 2 summer, 3 fall/autumn, 4 winter
  bool starts = false;      // a time expression may begin with this word
  bool future_cue = false;  // "will", "expected": the text speaks of the future
  bool past_form = false;   // "was", "fell", "ago": a past-tense verb or past word
  // Bit k of first_of[t]: entry k of phrase table t begins with this word.
  std::array<std::uint64_t, 5> first_of{};
};

// The meanings of a lower-case word, or nullptr when it has none. Every word an
// expression can begin with has an entry (with `starts`), so that the matcher can
// pass over the other words of a sentence without trying anything.
const WordInfo* lookup_word(std::string_view lower);

// The phrase tables that the lexicon indexes by their first word, so that the
// matcher tries only the entries that can match at a token.
enum class Table : std::uint8_t { Marker, Open, SpanMarker, Holiday, Quantifier };
struct FirstWord {
  Table table;
  std::uint8_t index;     // the entry's place in its table (< 64)
  std::string_view word;  // its first word, lower case
};
void add_marker_first_words(std::vector<FirstWord>& out);   // timex_match.cpp
void add_span_first_words(std::vector<FirstWord>& out);     // timex_match_open.cpp
void add_holiday_first_words(std::vector<FirstWord>& out);  // timex_holidays.cpp

// ---------------------------------------------------------------- tokens

enum class TokKind : std::uint8_t { Word, Number, Punct };

struct Token {
  TokKind kind = TokKind::Punct;
  bool capitalized = false;        // Word whose first letter is upper case in the text
  bool space_before = false;       // white space between the previous token and this one
  bool ordinal = false;            // Number written "12th", "1st"
  bool decade = false;             // Number written "2030s"
  bool grouped = false;            // Number written with thousands separators ("5,000")
  bool half = false;               // Number written "1.5"
  std::uint8_t digits = 0;         // Number: how many digits
  int value = 0;                   // Number: its value (saturated)
  std::string_view lower;          // Word: lower-case; Number/Punct: as written ("-" for dashes)
  const WordInfo* info = nullptr;  // Word: its lexicon entry
  std::size_t start = 0;           // byte offsets in the searched text
  std::size_t end = 0;
};

// The first word of a table phrase ("in" of "in the run-up to", "not" of "not-too").
inline std::string_view first_word(std::string_view phrase) {
  return phrase.substr(0, std::min(phrase.find(' '), phrase.find('-')));
}

// Appends the first words of a phrase table; `get` gives an entry's phrase.
template <class T, std::size_t N, class Get>
void add_first_words(std::vector<FirstWord>& out, Table table, const T (&entries)[N], Get get) {
  static_assert(N <= 64, "first_of holds 64 entries per table");
  for (std::size_t k = 0; k < N; ++k)
    out.push_back({table, static_cast<std::uint8_t>(k), first_word(get(entries[k]))});
}

// The entries of table `t` that may begin at token `tok` (bit k = entry k).
inline std::uint64_t first_of(const Token& tok, Table t) {
  return tok.info ? tok.info->first_of[static_cast<std::size_t>(t)] : 0;
}

// Splits `text` into tokens. Lower-case copies of words are written to `scratch`,
// which the tokens point into, so both must outlive the tokens. Reuses the storage
// of `out` and `scratch`.
void tokenize(std::string_view text, std::vector<Token>& out, std::string& scratch);

// ---------------------------------------------------------------- calendar

// A closed interval of days.
struct Interval {
  Date first;
  Date last;
};

// The size of what an expression names; parts (early/mid/late) depend on it.
enum class Grain : std::uint8_t { Day, Week, Month, Quarter, Half, Season, Year, Decade };

// early / mid / late (also "the beginning of", "the middle of", "the end of").
enum class Part : std::uint8_t { Early, Mid, Late };

// An amount of time: calendar months and days are kept apart so that month
// arithmetic clamps at month ends (Aug 31 + 6 months = Feb 28).
struct Amount {
  int months = 0;
  int days = 0;
  bool business_days = false;  // "10 business days" skips weekends
};

Date make_date(int y, unsigned m, unsigned d);  // may be !ok() (Feb 30)
Date add_amount(Date d, const Amount& a, int sign);
Interval day_of(Date d);
Interval month_of(int y, unsigned m);
Interval year_of(int y);
Interval quarter_of(int y, int q);      // calendar quarter 1..4
Interval half_of(int y, int h);         // calendar half 1..2
Interval season_of(int y, int season);  // meteorological, northern; winter y = Dec y .. Feb y+1
Interval fiscal_year_of(int y);         // US federal: Oct 1 y-1 .. Sep 30 y
Interval decade_of(int first_year);     // 2030 .. 2039
Interval week_of(Date d);               // Monday .. Sunday around d
Interval weekend_of(Date d);            // Saturday .. Sunday of d's week
// The early/mid/late part of `base`, by the conventions of DESIGN.md "Time".
Interval part_of(const Interval& base, Grain grain, Part part);
// 1..7 = Monday..Sunday.
unsigned iso_weekday(Date d);
// The n-th (1-based; 5 = last) `weekday` (1..7) of a month.
Date nth_weekday(int y, unsigned m, unsigned weekday, int n);

// ---------------------------------------------------------------- yearly things

enum class Holiday : std::uint8_t {
  NewYearsDay,
  NewYearsEve,
  MlkDay,
  PresidentsDay,
  ValentinesDay,
  LunarNewYear,
  GoodFriday,
  Easter,
  EasterMonday,
  MemorialDay,
  Juneteenth,
  IndependenceDay,
  LaborDay,
  ColumbusDay,
  Halloween,
  ElectionDay,
  MidtermElection,
  PresidentialElection,
  VeteransDay,
  Thanksgiving,
  BlackFriday,
  CyberMonday,
  ChristmasEve,
  Christmas,
  BoxingDay,
  InaugurationDay,
  MayDay,
};

// The day of `h` in year y, or nullopt when the year has none (a midterm election in
// a presidential year, a Lunar New Year outside the table).
std::optional<Date> holiday_date(Holiday h, int y);

// Does a holiday name start at token i? Returns the holiday and the token after it.
struct HolidayName {
  Holiday holiday;
  std::size_t next;
};
std::optional<HolidayName> match_holiday(const std::vector<Token>& toks, std::size_t i);

// Something that recurs every year, whose year the text may leave out.
struct Yearly {
  enum class Kind : std::uint8_t { MonthDay, Month, Quarter, Half, Season, Holiday };
  Yearly() = default;
  Yearly(Kind k, int first, int second = 0)
      : kind(k), a(static_cast<std::uint8_t>(first)), b(static_cast<std::uint8_t>(second)) {}

  Kind kind = Kind::Month;
  std::uint8_t a = 0;  // month, quarter, half, season or holiday
  std::uint8_t b = 0;  // day of month (MonthDay), last day of a day range
  std::uint8_t c = 0;  // first day of a day range ("Oct. 30-31": c = 30, b = 31)
  std::optional<Part> part;
};

// How to choose the year the text left out.
enum class Pick : std::uint8_t {
  Future,  // the first occurrence that has not ended on the anchor
  Past,    // the last occurrence that has begun by the anchor
  This,    // the one around the anchor, else the anchor's year
  Next,    // the first one that begins after the anchor
  Last,    // the last one that ended before the anchor
};

// `y`'s occurrence of `v`, or nullopt (an impossible day, a year without the holiday).
std::optional<Interval> yearly_in(const Yearly& v, int y);
// The occurrence chosen by `pick` around `anchor`.
std::optional<Interval> yearly_pick(const Yearly& v, Date anchor, Pick pick);
Grain yearly_grain(const Yearly& v);

// ---------------------------------------------------------------- matching

// A calendar value or span that a marker ("by", "before", "for") may take.
struct Value {
  Value() = default;
  explicit Value(std::size_t after, Interval interval = {}, Grain g = Grain::Day)
      : next(after), iv(interval), grain(g) {}

  std::size_t next = 0;  // token after the value
  Interval iv{};
  Grain grain = Grain::Day;
  bool fuzzy = false;      // a part ("early November"): "before" ends at its end
  bool year_only = false;  // a bare year ("2027"): "until 2027" ends on Dec 31, 2026
  bool past = false;       // says by its words that it is past ("last month", "ago")
  bool inferred = false;   // its size is a convention ("the coming days")
  bool weak = false;       // a named event without a year ("the midterms")
};

// A relative span: "two weeks", "the next five years", "the coming months".
struct SpanValue {
  SpanValue() = default;
  SpanValue(std::size_t after, Amount a, bool vague) : next(after), amount(a), inferred(vague) {}

  std::size_t next = 0;
  Amount amount;
  bool inferred = false;
};

// One match before it becomes a TimeExpression.
struct Found {
  std::size_t first = 0;  // first token
  std::size_t next = 0;   // token after the last
  std::optional<Date> start;
  std::optional<Date> end;
  TimeRole role = TimeRole::Deadline;
  core::DeadlineBasis basis = core::DeadlineBasis::Stated;
  int strength = 0;  // how much the match says about time; normalize_time takes the strongest
};

// What `Matcher::calendar` found at a token, remembered: markers and the plain
// reading ask for the same position several times.
struct CalendarMemo {
  bool done = false;
  std::optional<Value> value;
};

// Finds time expressions in a token list, one position at a time.
class Matcher {
 public:
  // A reading of a calendar value at a token (the alternatives `calendar` tries).
  using Reader = std::optional<Value> (Matcher::*)(std::size_t) const;

  // `memo` is storage the caller reuses from text to text.
  Matcher(const std::vector<Token>& toks, Date anchor, bool future,
          std::vector<CalendarMemo>& memo);

  // The longest time expression that starts at token i, or nullopt.
  std::optional<Found> at(std::size_t i) const;

 private:
  // timex_match.cpp and timex_match_open.cpp: markers, open phrases, amounts, roles.
  std::optional<Found> marked(std::size_t i) const;
  std::optional<Found> spans(std::size_t i) const;
  std::size_t skip_quantifiers(std::size_t j) const;
  std::optional<Found> open_phrase(std::size_t i) const;
  Found bare(std::size_t first, const Value& v) const;
  std::optional<Value> range_end(std::size_t k, const Value& from, bool between) const;

  // timex_match_calendar.cpp and timex_match_dates.cpp: calendar values.
  std::optional<Value> calendar(std::size_t i) const;
  std::optional<Value> explicit_date(std::size_t i) const;
  std::optional<Value> yearly(std::size_t i) const;
  std::optional<Value> yearly_core(std::size_t i, Yearly& out) const;
  std::size_t month_day(std::size_t j, Yearly& y) const;
  std::size_t quarter_or_half(std::size_t j, bool after_the, Yearly& y) const;
  std::size_t season(std::size_t j, Yearly& y) const;
  std::optional<Value> weekday(std::size_t i) const;
  std::optional<Value> year_value(std::size_t i) const;
  std::optional<Value> relative(std::size_t i) const;
  std::optional<Value> parted(std::size_t i) const;
  std::optional<Value> fiscal(std::size_t i) const;
  std::optional<Value> decade(std::size_t i) const;
  std::optional<Value> partial_period(std::size_t i) const;
  std::optional<int> explicit_year(std::size_t i, std::size_t& next) const;
  std::optional<int> month_word(std::size_t i, std::size_t& next) const;
  std::size_t part_prefix(std::size_t i, Part& part) const;
  std::optional<Value> current_unit(std::size_t i) const;
  std::optional<Value> year_suffix(std::size_t i, const Yearly& y) const;
  bool day_number(std::size_t i) const;
  bool year_number(std::size_t i) const;

  // timex_match_span.cpp: amounts of time and rolling windows.
  std::optional<SpanValue> amount(std::size_t i) const;
  std::optional<SpanValue> rolling(std::size_t i, bool& past) const;

  // Token helpers.
  bool word(std::size_t i, std::string_view w) const;
  bool punct(std::size_t i, std::string_view p) const;
  bool number(std::size_t i) const;
  // The token after a possessive "'s" or "'" at i, else i.
  std::size_t skip_possessive(std::size_t i) const;
  // Matches the words of `phrase` (space-separated) from token i; returns the token
  // after them or 0.
  std::size_t words(std::size_t i, std::string_view phrase) const;
  Pick default_pick() const { return m_future ? Pick::Future : Pick::Past; }

  const std::vector<Token>& m_t;
  Date m_anchor;
  bool m_future;
  bool m_cased = false;  // the text has capitals (else "may" and "march" need no capital)
  std::vector<CalendarMemo>& m_memo;
};

}  // namespace hindsight::extract::timex
