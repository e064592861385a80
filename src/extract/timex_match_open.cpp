// Open phrases ("soon", "eventually", "in the not too distant future") and amounts
// of time after a word that says what they are: "in two weeks" (a day), "within 90
// days" (a deadline), "for a year" (a duration: the content of the claim), "three
// months ago" (past), "in the next five years" (a rolling window).
#include <bit>

#include "extract/timex_internal.hpp"

namespace hindsight::extract::timex {

namespace {

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

// Words between a marker and a count that do not change it ("for at least two years").
constexpr std::string_view kQuantifiers[] = {
    "at least",   "up to",        "more than",     "less than",    "nearly",        "almost",
    "about",      "around",       "roughly",       "some",         "only",          "just",
    "another",    "an initial",   "an additional", "a further",    "an extra",      "a period of",
    "a total of", "a maximum of", "a minimum of",  "no more than", "no less than",  "not more than",
    "as long as", "as many as",   "the first",     "a full",       "approximately", "over",
    "under",      "fewer than",
};

}  // namespace

void add_span_first_words(std::vector<FirstWord>& out) {
  add_first_words(out, Table::Open, kOpen, [](std::string_view p) { return p; });
  add_first_words(out, Table::SpanMarker, kSpanMarkers, [](const auto& e) { return e.first; });
  add_first_words(out, Table::Quantifier, kQuantifiers, [](std::string_view q) { return q; });
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

namespace {

// The interval and role of an amount after its marker: a day for "in"/"after", a
// deadline for "within", a duration for "for"/"over".
void place_amount(Found& f, Sp kind, Date anchor, const Amount& a) {
  const Date later = add_amount(anchor, a, 1);
  f.start = anchor;
  f.end = later;
  switch (kind) {
    case Sp::In:
    case Sp::After:
    case Sp::Bare:  // "a year from now"
      f.start = later;
      f.role = TimeRole::Point;
      break;
    case Sp::Within:
      f.role = TimeRole::Deadline;
      break;
    case Sp::For:
    case Sp::Over:
      f.role = TimeRole::Duration;
      break;
  }
}

}  // namespace

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
  f.strength = 3;
  // A rolling window: "in the next five years", "over the past two weeks".
  bool past = false;
  if (auto r = rolling(j, past)) {
    f.next = r->next;
    f.basis = r->inferred ? core::DeadlineBasis::Inferred : core::DeadlineBasis::Stated;
    f.start = past ? add_amount(m_anchor, r->amount, -1) : m_anchor;
    f.end = past ? m_anchor : add_amount(m_anchor, r->amount, 1);
    f.role = past                                    ? TimeRole::Past
             : (kind == Sp::For || kind == Sp::Over) ? TimeRole::Duration
                                                     : TimeRole::Deadline;
    return f;
  }
  if (kind != Sp::Bare) j = skip_quantifiers(j);
  auto a = amount(j);
  // "in a year of turmoil", "within a year of the election": not counted from the anchor.
  if (!a || word(a->next, "of")) return std::nullopt;
  f.next = a->next;
  f.basis = a->inferred ? core::DeadlineBasis::Inferred : core::DeadlineBasis::Stated;
  if (kind == Sp::In) {
    // "in two weeks' time"
    if (std::size_t k = skip_possessive(f.next); word(k, "time")) f.next = k + 1;
  } else if (kind == Sp::Bare) {
    // An amount alone says nothing about when; "from now" and "ago" do.
    if (word(f.next, "ago")) {
      f.start = f.end = add_amount(m_anchor, a->amount, -1);
      f.role = TimeRole::Past;
      f.next += 1;
      return f;
    }
    std::size_t k = words(f.next, "from now");
    if (!k) k = words(f.next, "from today");
    if (!k) k = words(f.next, "hence");
    if (!k) return std::nullopt;
    f.next = k;
  }
  place_amount(f, kind, m_anchor, a->amount);
  return f;
}

std::size_t Matcher::skip_quantifiers(std::size_t j) const {
  // "at least", "an initial", "the first" ... as often as they come.
  for (bool more = true; more && j < m_t.size();) {
    more = false;
    for (std::uint64_t m = first_of(m_t[j], Table::Quantifier); m; m &= m - 1) {
      if (std::size_t e = words(j, kQuantifiers[std::countr_zero(m)])) {
        j = e;
        more = true;
        break;
      }
    }
  }
  return j;
}

}  // namespace hindsight::extract::timex
