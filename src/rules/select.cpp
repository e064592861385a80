// Selecting events by binary search in the date-sorted events of a kind. The window
// is scanned once (its events are the matched ones, or rejected with distance 0);
// outside it only the nearest few rejected events are looked at, walking out from
// the window on both sides, and the rest are counted by index arithmetic. A
// multi-day event (with an `end`) may overlap the window from before it: the scan
// starts the longest span of the kind before the window.
#include "rules/select.hpp"

#include <algorithm>

namespace hindsight::rules {

namespace {

constexpr std::int8_t kUntested = -1, kFailed = 0, kHeld = 1, kError = 2;

using Ranked = std::pair<long, std::size_t>;  // (distance to the window, index)

class Selector {
 public:
  Selector(KindCache& cache, core::Date as_of, const EngineOptions& options, const WhereTest& test,
           SelectionTrace& trace)
      : m_cache(cache),
        m_all(*cache.events),
        m_as_of(as_of),
        m_options(options),
        m_test(test),
        m_trace(trace),
        m_from(trace.from),
        m_to(trace.to) {
    m_lo = first_on_or_after(core::add_days(m_from, -options.near_days));
    m_hi = first_after(core::add_days(m_to, options.near_days));
  }

  // Every fetched event classified in turn: the reference method.
  void plain() {
    std::vector<Ranked> rejected;
    for (std::size_t i = m_lo; i < m_hi; ++i) {
      if (overlaps(m_all[i]) && matches(i)) {
        m_trace.matched.push_back(&m_all[i]);
      } else {
        rejected.emplace_back(distance(m_all[i]), i);
      }
    }
    finish(std::move(rejected));
  }

  // The same result, touching only the matched events and the nearest rejected ones:
  // with the events split once into those that pass (known by as_of, test held) and
  // the others, a window's matched events are one range of the first list.
  void by_lists() {
    if (m_cache.as_of != m_as_of) split();
    const std::size_t n = m_options.nearest_rejected;
    std::size_t start = first_on_or_after(m_from), end = std::max(start, first_after(m_to));
    auto range = [start, end](const std::vector<std::uint32_t>& list) {
      return std::make_pair(std::lower_bound(list.begin(), list.end(), start),
                            std::lower_bound(list.begin(), list.end(), end));
    };
    auto [p0, p1] = range(m_cache.passed);
    m_trace.matched.reserve(static_cast<std::size_t>(p1 - p0));
    for (auto p = p0; p != p1; ++p) m_trace.matched.push_back(&m_all[*p]);
    auto [f0, f1] = range(m_cache.failed);
    std::vector<Ranked> candidates;
    candidates.reserve(3 * n);
    // Before the window, nearest first; a tie with the last one taken goes on (the
    // earlier event of a tie is the nearer).
    for (std::size_t j = start; j-- > m_lo;) {
      if (candidates.size() >= n && (n == 0 || m_all[j].date != m_all[j + 1].date)) break;
      candidates.emplace_back(distance(m_all[j]), j);
    }
    for (auto f = f0; f != f1 && static_cast<std::size_t>(f - f0) < n; ++f)
      candidates.emplace_back(0, *f);
    for (std::size_t k = end; k < m_hi && k < end + n; ++k)
      candidates.emplace_back(distance(m_all[k]), k);
    finish(std::move(candidates), (m_hi - m_lo) - m_trace.matched.size());
  }

  // Whether by_lists applies: the test gives the same answer for an event whatever
  // the claim, and no event spans days (so a window is one range of dates).
  bool lists_apply() const {
    return (m_cache.cacheable || !m_trace.selection->where) && m_cache.max_span == 0;
  }

  // The same result, touching only the window and the nearest events outside it.
  void fast() {
    const std::size_t n = m_options.nearest_rejected;
    std::size_t zone = std::max(m_lo, first_on_or_after(core::add_days(m_from, -m_cache.max_span)));
    std::size_t end = std::max(zone, first_after(m_to));
    std::vector<Ranked> inside, before, after;
    for (std::size_t i = zone; i < end; ++i) {
      const core::Event& e = m_all[i];
      if (e.end.value_or(e.date) < m_from) {
        keep_nearest(before, {distance(e), i}, n);
      } else if (matches(i)) {
        m_trace.matched.push_back(&e);
      } else if (inside.size() < n) {
        inside.emplace_back(0, i);
      }
    }
    // Before the zone every event ends before the window; its distance is at least
    // that of its date less the longest span. Ties go to the earlier event.
    for (std::size_t j = zone; j-- > m_lo;) {
      long bound = core::days_between(m_all[j].date, m_from) - m_cache.max_span;
      if (before.size() >= n && (before.empty() || bound > before.back().first)) break;
      keep_nearest(before, {distance(m_all[j]), j}, n);
    }
    for (std::size_t k = end; k < m_hi && after.size() < n; ++k)
      after.emplace_back(distance(m_all[k]), k);
    std::vector<Ranked> candidates;
    candidates.reserve(inside.size() + before.size() + after.size());
    for (auto* group : {&before, &inside, &after})
      candidates.insert(candidates.end(), group->begin(), group->end());
    finish(std::move(candidates), (m_hi - m_lo) - m_trace.matched.size());
  }

 private:
  std::size_t first_on_or_after(core::Date d) const {
    return static_cast<std::size_t>(
        std::lower_bound(m_all.begin(), m_all.end(), d,
                         [](const core::Event& e, core::Date x) { return e.date < x; }) -
        m_all.begin());
  }
  std::size_t first_after(core::Date d) const {
    return static_cast<std::size_t>(
        std::upper_bound(m_all.begin(), m_all.end(), d,
                         [](core::Date x, const core::Event& e) { return x < e.date; }) -
        m_all.begin());
  }

  bool overlaps(const core::Event& e) const {
    return !(e.end.value_or(e.date) < m_from) && !(e.date > m_to);
  }

  // Days between the event and the window (0 when it overlaps).
  long distance(const core::Event& e) const {
    core::Date last = e.end.value_or(e.date);
    if (last < m_from) return core::days_between(last, m_from);
    if (e.date > m_to) return core::days_between(m_to, e.date);
    return 0;
  }

  // Whether an event overlapping the window is matched: known by as_of, and passing
  // the attribute test.
  bool matches(std::size_t i) { return m_all[i].known_on <= m_as_of && held(i) == kHeld; }

  void split() {
    m_cache.as_of = m_as_of;
    m_cache.passed.clear();
    m_cache.failed.clear();
    for (std::size_t i = 0; i < m_all.size(); ++i)
      (matches(i) ? m_cache.passed : m_cache.failed).push_back(static_cast<std::uint32_t>(i));
  }

  std::int8_t held(std::size_t i, std::string* error = nullptr) {
    if (!m_trace.selection->where) return kHeld;
    if (m_cache.cacheable && m_cache.held[i] != kUntested) {
      if (m_cache.held[i] == kError && error) *error = m_cache.errors.at(i);
      return m_cache.held[i];
    }
    auto r = m_test(m_all[i]);
    std::int8_t v = !r ? kError : *r ? kHeld : kFailed;
    if (!r && error) *error = r.error().message;
    if (m_cache.cacheable) {
      m_cache.held[i] = v;
      if (!r) m_cache.errors[i] = r.error().message;
    }
    return v;
  }

  // Keeps the `n` nearest of `ranked` (sorted by distance, then index).
  static void keep_nearest(std::vector<Ranked>& ranked, Ranked candidate, std::size_t n) {
    auto at = std::upper_bound(ranked.begin(), ranked.end(), candidate);
    if (static_cast<std::size_t>(at - ranked.begin()) >= n) return;
    ranked.insert(at, candidate);
    if (ranked.size() > n) ranked.pop_back();
  }

  RejectedEvent reject(std::size_t i) {
    const core::Event& e = m_all[i];
    RejectedEvent r;
    r.event = &e;
    r.days = distance(e);
    if (e.known_on > m_as_of) {
      r.code = Rejection::Unknown;
    } else if (held(i, &r.error) != kHeld) {
      r.code = Rejection::Attribute;
    } else {
      r.code = e.end.value_or(e.date) < m_from ? Rejection::Before : Rejection::After;
    }
    return r;
  }

  // The nearest rejected events of `candidates` (ties to the earlier event) into the
  // trace in date order; `total` rejected in all.
  void finish(std::vector<Ranked> candidates, std::size_t total) {
    std::sort(candidates.begin(), candidates.end());
    if (candidates.size() > m_options.nearest_rejected)
      candidates.resize(m_options.nearest_rejected);
    std::sort(candidates.begin(), candidates.end(),
              [](const Ranked& a, const Ranked& b) { return a.second < b.second; });
    m_trace.rejected.reserve(candidates.size());
    for (const auto& c : candidates) m_trace.rejected.push_back(reject(c.second));
    m_trace.rejected_not_shown = total - candidates.size();
  }
  void finish(std::vector<Ranked> rejected) {
    std::size_t total = rejected.size();
    finish(std::move(rejected), total);
  }

  KindCache& m_cache;
  const std::vector<core::Event>& m_all;
  core::Date m_as_of;
  const EngineOptions& m_options;
  const WhereTest& m_test;
  SelectionTrace& m_trace;
  core::Date m_from, m_to;
  std::size_t m_lo = 0, m_hi = 0;
};

}  // namespace

void select_events(KindCache& cache, core::Date as_of, const EngineOptions& options,
                   const WhereTest& test, SelectionTrace& trace) {
  Selector selector(cache, as_of, options, test, trace);
  // A window that ends before it starts has no simple geometry: classify one by one.
  if (options.plain_selection || trace.to < trace.from) {
    selector.plain();
  } else if (selector.lists_apply()) {
    selector.by_lists();
  } else {
    selector.fast();
  }
}

}  // namespace hindsight::rules
