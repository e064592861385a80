// The top of the matcher: what the word before a time value does to it ("by",
// "before", "from", "since", "between ... and", "in"), and the role each match
// plays (TimeRole). DESIGN.md "Time" is the specification; docs/time.md lists every
// convention with examples. Amounts and open phrases are in timex_match_open.cpp.
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

}  // namespace

void add_marker_first_words(std::vector<FirstWord>& out) {
  add_first_words(out, Table::Marker, kMarkers, [](const Marker& m) { return m.words; });
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

std::optional<Value> Matcher::range_end(std::size_t k, const Value& from, bool between) const {
  // "from X to Y", "from X until Y", "X-Y"; "between X and Y".
  static constexpr std::string_view kTo[] = {"to", "until", "through", "till", "-", "and"};
  for (std::string_view to : kTo) {
    if (between && to != "and") continue;
    const std::size_t j = (word(k, to) || punct(k, to)) ? k + 1 : 0;
    if (!j) continue;
    if (auto y = calendar(j); y && y->iv.last >= from.iv.first) return y;
  }
  return std::nullopt;
}

namespace {

// What a marker makes of the value after it; `f` is the value read bare.
Found apply_marker(Mk kind, Found f, const Value& v, Date anchor, const std::optional<Value>& to) {
  const Date day_before = core::add_days(v.iv.first, -1);
  switch (kind) {
    case Mk::By:
    case Mk::Until:
      f.start = anchor;
      // "until 2027": up to the year, not through it.
      f.end = (kind == Mk::Until && v.year_only) ? day_before : v.iv.last;
      f.role = TimeRole::Deadline;
      break;
    case Mk::Before:
      // The day before a precise date; the end of a fuzzy one ("before early November").
      f.start = anchor;
      f.end = v.fuzzy ? v.iv.last : day_before;
      f.role = TimeRole::Deadline;
      break;
    case Mk::After:
      f.start = core::add_days(v.iv.last, 1);
      f.end.reset();
      f.role = TimeRole::Start;
      break;
    case Mk::From:
    case Mk::Between:
      f.start = v.iv.first;
      f.end.reset();
      f.role = TimeRole::Start;
      if (to) {
        f.end = to->iv.last;
        f.next = to->next;
        f.role = TimeRole::Deadline;
      }
      break;
    case Mk::Since:
      // "since August" read with the next August (a phrase without a verb): a "since"
      // cannot start after it is said, so it starts no later than the anchor.
      f.start = std::min(v.iv.first, anchor);
      f.end = anchor;
      f.role = TimeRole::Past;
      break;
    case Mk::Neutral:
      break;
  }
  if (f.role != TimeRole::Start && f.role != TimeRole::Past && f.end && *f.end < anchor)
    f.role = TimeRole::Past;  // "by April, exports had fallen"
  // A past "before March" ends the day before March: start there too, never after the end.
  if (f.role == TimeRole::Past && kind != Mk::Since && kind != Mk::Neutral)
    f.start = f.end && *f.end < v.iv.first ? *f.end : v.iv.first;
  return f;
}

}  // namespace

std::optional<Found> Matcher::marked(std::size_t i) const {
  std::optional<Found> best;
  for (std::uint64_t m = first_of(m_t[i], Table::Marker); m; m &= m - 1) {
    const Marker& mk = kMarkers[std::countr_zero(m)];
    std::size_t j = words(i, mk.words);
    if (!j) continue;
    const bool by = mk.kind == Mk::By || mk.kind == Mk::Until;
    if (std::size_t k = by ? words(j, "at least") : 0) j = k;  // "until at least 2027"
    auto v = calendar(j);
    // "within the year", "before the weekend": the current unit, only after a marker
    // (alone, "the year" is as often any year).
    if (!v && (by || mk.kind == Mk::Before)) v = current_unit(j);
    if (!v) continue;
    std::optional<Value> to;
    if (mk.kind == Mk::From || mk.kind == Mk::Between) {
      to = range_end(v->next, *v, mk.kind == Mk::Between);
      if (!to && mk.kind == Mk::Between) continue;
    }
    const Found f = apply_marker(mk.kind, bare(i, *v), *v, m_anchor, to);
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
