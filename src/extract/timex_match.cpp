// The top of the matcher: what the word before a time value does to it ("by",
// "before", "from", "since", "between ... and", "for"), amounts after "in",
// "within", "for" and "over", the open phrases ("soon", "eventually"), and the role
// each match plays (TimeRole). DESIGN.md "Time" is the specification; docs/time.md
// lists every convention with examples.
#include <algorithm>
#include <bit>

#include "extract/timex_internal.hpp"

namespace hindsight::extract::timex {

namespace {

enum class Mk : std::uint8_t { By, Until, Before, After, From, Since, Between, Neutral };

struct Marker {
  std::string_view words;
  Mk kind;
};

constexpr Marker kMarkers[] = {
    {"no later than", Mk::By},
    {"not later than", Mk::By},
    {"on or before", Mk::By},
    {"by", Mk::By},
    {"through", Mk::By},
    {"thru", Mk::By},
    {"within", Mk::By},
    {"up until", Mk::Until},
    {"until", Mk::Until},
    {"till", Mk::Until},
    {"til", Mk::Until},
    {"before", Mk::Before},
    {"ahead of", Mk::Before},
    {"prior to", Mk::Before},
    {"in advance of", Mk::Before},
    {"in the run-up to", Mk::Before},
    {"in the lead-up to", Mk::Before},
    {"in time for", Mk::Before},
    {"after", Mk::After},
    {"beyond", Mk::After},
    {"on or after", Mk::From},
    {"from", Mk::From},
    {"starting from", Mk::From},
    {"starting on", Mk::From},
    {"starting in", Mk::From},
    {"starting", Mk::From},
    {"beginning on", Mk::From},
    {"beginning in", Mk::From},
    {"as of", Mk::From},
    {"as from", Mk::From},
    {"effective from", Mk::From},
    {"effective on", Mk::From},
    {"with effect from", Mk::From},
    {"no earlier than", Mk::From},
    {"not before", Mk::From},
    {"not earlier than", Mk::From},
    {"commencing", Mk::From},
    {"since", Mk::Since},
    {"between", Mk::Between},
    {"as soon as", Mk::Neutral},
    {"as early as", Mk::Neutral},
    {"as late as", Mk::Neutral},
    {"sometime in", Mk::Neutral},
    {"some time in", Mk::Neutral},
    {"sometime", Mk::Neutral},
    {"in", Mk::Neutral},
    {"on", Mk::Neutral},
    {"at", Mk::Neutral},
    {"during", Mk::Neutral},
    {"for", Mk::Neutral},
    {"over", Mk::Neutral},
    {"around", Mk::Neutral},
    {"throughout", Mk::Neutral},
    {"circa", Mk::Neutral},
};

// Phrases that speak of the future without a computable time.
constexpr std::string_view kOpen[] = {
    "soon",
    "sooner or later",
    "eventually",
    "in the not too distant future",
    "in the not so distant future",
    "in the near future",
    "in the foreseeable future",
    "for the foreseeable future",
    "in the distant future",
    "in the future",
    "at some point",
    "at some stage",
    "someday",
    "some day",
    "in due course",
    "in due time",
    "down the road",
    "down the line",
    "in the long run",
    "in the long term",
    "in the medium term",
    "in the short term",
    "in the near term",
    "over time",
    "before long",
    "shortly",
    "imminently",
    "as soon as possible",
    "at a later date",
    "at a later stage",
    "ultimately",
};

// Words before an amount of time, and what they make of it.
enum class Sp : std::uint8_t { Bare, In, Within, For, Over, After };

constexpr std::pair<std::string_view, Sp> kSpanMarkers[] = {
    {"in under", Sp::Within},
    {"in less than", Sp::Within},
    {"in fewer than", Sp::Within},
    {"in no more than", Sp::Within},
    {"within", Sp::Within},
    {"inside of", Sp::Within},
    {"inside", Sp::Within},
    {"during", Sp::Within},
    {"in", Sp::In},
    {"for", Sp::For},
    {"over", Sp::Over},
    {"throughout", Sp::Over},
    {"after", Sp::After},
};

std::string_view first_word(std::string_view phrase) {
  return phrase.substr(0, std::min(phrase.find(' '), phrase.find('-')));
}

// Words between a marker and a count that do not change it ("for at least two years").
constexpr std::string_view kQuantifiers[] = {
    "at least",   "up to",        "more than",     "less than",    "nearly",        "almost",
    "about",      "around",       "roughly",       "some",         "only",          "just",
    "another",    "an initial",   "an additional", "a further",    "an extra",      "a period of",
    "a total of", "a maximum of", "a minimum of",  "no more than", "no less than",  "not more than",
    "as long as", "as many as",   "the first",     "a full",       "approximately", "over",
    "under",      "fewer than",
};

template <class T, std::size_t N, class Get>
void add_firsts(std::vector<FirstWord>& out, Table table, const T (&entries)[N], Get get) {
  static_assert(N <= 64, "first_of holds 64 entries per table");
  for (std::size_t k = 0; k < N; ++k)
    out.push_back({table, static_cast<std::uint8_t>(k), first_word(get(entries[k]))});
}

}  // namespace

void add_marker_first_words(std::vector<FirstWord>& out) {
  add_firsts(out, Table::Marker, kMarkers, [](const Marker& m) { return m.words; });
  add_firsts(out, Table::Open, kOpen, [](std::string_view p) { return p; });
  add_firsts(out, Table::SpanMarker, kSpanMarkers, [](const auto& e) { return e.first; });
  add_firsts(out, Table::Quantifier, kQuantifiers, [](std::string_view q) { return q; });
}

Matcher::Matcher(const std::vector<Token>& toks, Date anchor, bool future,
                 std::vector<CalendarMemo>& memo)
    : m_t(toks), m_anchor(anchor), m_future(future), m_memo(memo) {
  m_memo.assign(toks.size() + 1, CalendarMemo{});
  m_cased = std::any_of(toks.begin(), toks.end(), [](const Token& t) { return t.capitalized; });
}

bool Matcher::word(std::size_t i, std::string_view w) const {
  // The first letter first: most comparisons fail there, without a call to memcmp.
  return i < m_t.size() && m_t[i].kind == TokKind::Word && m_t[i].lower.size() == w.size() &&
         m_t[i].lower[0] == w[0] && m_t[i].lower == w;
}

bool Matcher::punct(std::size_t i, std::string_view p) const {
  return i < m_t.size() && m_t[i].kind == TokKind::Punct && m_t[i].lower == p;
}

bool Matcher::number(std::size_t i) const {
  return i < m_t.size() && m_t[i].kind == TokKind::Number && !m_t[i].grouped && !m_t[i].half;
}

std::size_t Matcher::skip_possessive(std::size_t i) const {
  return (word(i, "'s") || punct(i, "'")) ? i + 1 : i;
}

std::size_t Matcher::words(std::size_t i, std::string_view phrase) const {
  // Most calls fail on the first word: reject them before splitting the phrase.
  if (i >= m_t.size()) return 0;
  const std::string_view first = m_t[i].lower;
  if (first.empty() || phrase.size() < first.size() || phrase[0] != first[0] ||
      phrase.compare(0, first.size(), first) != 0 ||
      (phrase.size() > first.size() && phrase[first.size()] != ' ' && phrase[first.size()] != '-'))
    return 0;
  std::size_t j = i;
  while (!phrase.empty()) {
    const std::size_t sp = phrase.find(' ');
    std::string_view w = phrase.substr(0, sp);
    phrase = sp == std::string_view::npos ? std::string_view() : phrase.substr(sp + 1);
    // "not-too-distant", "run-up": a written hyphen may stand for a space.
    if (j > i && punct(j, "-") && !m_t[j].space_before) ++j;
    // A hyphen inside the phrase may be written as a space too ("run up").
    while (!w.empty()) {
      const std::size_t dash = w.find('-');
      const std::string_view part = w.substr(0, dash);
      if (j >= m_t.size() || m_t[j].lower != part) return 0;
      ++j;
      if (dash == std::string_view::npos) break;
      w = w.substr(dash + 1);
      if (punct(j, "-")) ++j;
    }
  }
  return j;
}

Found Matcher::bare(std::size_t first, const Value& v) const {
  Found f;
  f.first = first;
  f.next = v.next;
  f.start = v.iv.first;
  f.end = v.iv.last;
  if (v.past || v.iv.last < m_anchor)
    f.role = TimeRole::Past;
  else if (v.iv.first == v.iv.last)
    f.role = TimeRole::Point;
  else
    f.role = TimeRole::Deadline;
  f.basis = v.inferred ? core::DeadlineBasis::Inferred : core::DeadlineBasis::Stated;
  f.strength = v.weak ? 2 : 3;
  return f;
}

std::optional<Found> Matcher::open_phrase(std::size_t i) const {
  for (std::uint64_t m = first_of(m_t[i], Table::Open); m; m &= m - 1) {
    const std::string_view p = kOpen[std::countr_zero(m)];
    const std::size_t k = words(i, p);
    if (!k) continue;
    // "as soon as they agree" is not "soon"; "soon-to-be" is an adjective.
    if (p == "soon" && ((i > 0 && word(i - 1, "as")) || punct(k, "-"))) return std::nullopt;
    Found f;
    f.first = i;
    f.next = k;
    f.role = TimeRole::Open;
    f.basis = core::DeadlineBasis::None;
    f.strength = 1;
    return f;
  }
  return std::nullopt;
}

std::optional<Found> Matcher::spans(std::size_t i) const {
  Sp kind = Sp::Bare;
  std::size_t j = i;
  for (std::uint64_t m = first_of(m_t[i], Table::SpanMarker); m; m &= m - 1) {
    const auto& [w, k] = kSpanMarkers[std::countr_zero(m)];
    if (std::size_t e = words(i, w)) {
      kind = k;
      j = e;
      break;
    }
  }
  Found f;
  f.first = i;
  // A rolling window: "in the next five years", "over the past two weeks".
  bool past = false;
  if (auto r = rolling(j, past)) {
    f.next = r->next;
    f.basis = r->inferred ? core::DeadlineBasis::Inferred : core::DeadlineBasis::Stated;
    if (past) {
      f.start = add_amount(m_anchor, r->amount, -1);
      f.end = m_anchor;
      f.role = TimeRole::Past;
    } else {
      f.start = m_anchor;
      f.end = add_amount(m_anchor, r->amount, 1);
      f.role = (kind == Sp::For || kind == Sp::Over) ? TimeRole::Duration : TimeRole::Deadline;
    }
    f.strength = 3;
    return f;
  }
  if (kind != Sp::Bare) {
    // Skip "at least", "an initial", "the first" ...
    for (bool more = true; more && j < m_t.size();) {
      more = false;
      for (std::uint64_t m = first_of(m_t[j], Table::Quantifier); m; m &= m - 1) {
        const std::string_view q = kQuantifiers[std::countr_zero(m)];
        if (std::size_t e = words(j, q)) {
          j = e;
          more = true;
          break;
        }
      }
    }
  }
  auto a = amount(j);
  if (!a) return std::nullopt;
  std::size_t next = a->next;
  f.basis = a->inferred ? core::DeadlineBasis::Inferred : core::DeadlineBasis::Stated;
  f.strength = 3;
  const Date later = add_amount(m_anchor, a->amount, 1);
  switch (kind) {
    case Sp::In:
      // "in two weeks' time"
      if (std::size_t k = skip_possessive(next); word(k, "time")) next = k + 1;
      [[fallthrough]];
    case Sp::After:
      f.start = f.end = later;
      f.role = TimeRole::Point;
      break;
    case Sp::Within:
      f.start = m_anchor;
      f.end = later;
      f.role = TimeRole::Deadline;
      break;
    case Sp::For:
    case Sp::Over:
      f.start = m_anchor;
      f.end = later;
      f.role = TimeRole::Duration;
      break;
    case Sp::Bare:
      if (std::size_t k = words(next, "from now");
          k || (k = words(next, "from today")) || (k = words(next, "hence"))) {
        next = k;
        f.start = f.end = later;
        f.role = TimeRole::Point;
      } else if (word(next, "ago")) {
        ++next;
        f.start = f.end = add_amount(m_anchor, a->amount, -1);
        f.role = TimeRole::Past;
      } else {
        return std::nullopt;  // "two weeks" alone says nothing about when
      }
      break;
  }
  f.next = next;
  return f;
}

std::optional<Found> Matcher::marked(std::size_t i) const {
  std::optional<Found> best;
  for (std::uint64_t m = first_of(m_t[i], Table::Marker); m; m &= m - 1) {
    const Marker& mk = kMarkers[std::countr_zero(m)];
    std::size_t j = words(i, mk.words);
    if (!j) continue;
    if (mk.kind == Mk::By || mk.kind == Mk::Until) {
      if (std::size_t k = words(j, "at least")) j = k;  // "until at least 2027"
    }
    auto v = calendar(j);
    // "within the year", "before the weekend": the current unit, only after a marker
    // (alone, "the year" is as often any year).
    if (!v && (mk.kind == Mk::By || mk.kind == Mk::Until || mk.kind == Mk::Before))
      v = current_unit(j);
    if (!v) continue;
    Found f = bare(i, *v);
    const Date day_before = core::add_days(v->iv.first, -1);
    switch (mk.kind) {
      case Mk::By:
      case Mk::Until:
        f.start = m_anchor;
        // "until 2027": up to the year, not through it.
        f.end = (mk.kind == Mk::Until && v->year_only) ? day_before : v->iv.last;
        f.role = TimeRole::Deadline;
        break;
      case Mk::Before:
        // The day before a precise date; the end of a fuzzy one ("before early November").
        f.start = m_anchor;
        f.end = v->fuzzy ? v->iv.last : day_before;
        f.role = TimeRole::Deadline;
        break;
      case Mk::After:
        f.start = core::add_days(v->iv.last, 1);
        f.end.reset();
        f.role = TimeRole::Start;
        break;
      case Mk::From:
        f.start = v->iv.first;
        f.end.reset();
        f.role = TimeRole::Start;
        for (auto to : {"to", "until", "through", "till", "-", "and"}) {
          std::size_t k = words(v->next, to);
          if (!k && punct(v->next, to)) k = v->next + 1;
          if (!k) continue;
          if (auto y = calendar(k); y && y->iv.last >= v->iv.first) {
            f.end = y->iv.last;
            f.next = y->next;
            f.role = TimeRole::Deadline;
            break;
          }
        }
        break;
      case Mk::Since:
        f.start = v->iv.first;
        f.end = m_anchor;
        f.role = TimeRole::Past;
        break;
      case Mk::Between: {
        if (!word(v->next, "and")) continue;
        auto y = calendar(v->next + 1);
        if (!y || y->iv.last < v->iv.first) continue;
        f.end = y->iv.last;
        f.next = y->next;
        f.role = TimeRole::Deadline;
        break;
      }
      case Mk::Neutral:
        break;
    }
    if (f.role != TimeRole::Start && f.role != TimeRole::Past && f.end && *f.end < m_anchor) {
      f.role = TimeRole::Past;  // "by April, exports had fallen"
    }
    if (f.role == TimeRole::Past && mk.kind != Mk::Since && mk.kind != Mk::Neutral) {
      f.start = v->iv.first;
    }
    if (!best || f.next > best->next) best = f;
  }
  return best;
}

std::optional<Found> Matcher::at(std::size_t i) const {
  // Most words of a sentence cannot begin a time expression: pass them quickly.
  const Token& t = m_t[i];
  if (t.kind == TokKind::Punct || (t.kind == TokKind::Word && !(t.info && t.info->starts)))
    return std::nullopt;
  std::optional<Found> best;
  auto consider = [&](std::optional<Found> f) {
    if (f && (!best || f->next > best->next)) best = f;
  };
  consider(open_phrase(i));
  consider(spans(i));
  consider(marked(i));
  if (auto v = calendar(i)) consider(bare(i, *v));
  return best;
}

}  // namespace hindsight::extract::timex
