#include "rules/rule_run.hpp"

#include <algorithm>
#include <array>
#include <tuple>

#include "rules/select.hpp"

namespace hindsight::rules {

namespace {

// The values of the names of a rule's expressions while it runs on one claim.
class RunBindings : public Bindings {
 public:
  Value field(std::size_t slot) const override {
    return slot < m_fields.size() ? m_fields[slot] : Value{};
  }
  const Selection& selection(std::size_t slot) const override {
    return slot < m_selections.size() && m_selections[slot] ? *m_selections[slot] : m_empty;
  }
  const core::Event* current_event() const override { return m_current; }
  // Selections are built in (date, id) order (see select.hpp).
  bool selection_sorted(std::size_t) const override { return true; }

  std::array<Value, kFieldCount> m_fields{};
  std::vector<const Selection*> m_selections;  // into the run's trace
  const core::Event* m_current = nullptr;

 private:
  Selection m_empty;
};

void bind_claim(RunBindings& b, const core::Claim& claim, core::Date as_of, const Rule& rule,
                core::Date deadline_end) {
  b.m_fields[kAsOf] = Value{as_of};
  b.m_fields[kSettle] = Value{rule.settle};
  b.m_fields[kHorizon] = Value{rule.default_horizon};
  b.m_fields[kClaimId] = Value{std::string_view(claim.id)};
  b.m_fields[kClaimKind] = Value{std::string_view(core::to_string(claim.kind))};
  b.m_fields[kClaimText] = Value{std::string_view(claim.text)};
  b.m_fields[kClaimStatedOn] = Value{claim.stated_on};
  if (claim.deadline.start) b.m_fields[kClaimDeadlineStart] = Value{*claim.deadline.start};
  b.m_fields[kClaimDeadlineEnd] = Value{deadline_end};
  b.m_fields[kClaimDeadlineBasis] = Value{std::string_view(core::to_string(claim.deadline.basis))};
  if (claim.probability) b.m_fields[kClaimProbability] = Value{*claim.probability};
  if (claim.condition) b.m_fields[kClaimCondition] = Value{std::string_view(*claim.condition)};
  if (claim.speaker) b.m_fields[kClaimSpeaker] = Value{std::string_view(claim.speaker->name)};
  b.m_fields[kClaimTopics] = Value{&claim.topics};
  if (claim.duration) b.m_fields[kClaimDuration] = Value{std::string_view(*claim.duration)};
}

core::Error rule_error(const Rule& rule, const core::Error& e) {
  return core::Error{"rule \"" + rule.id + "\": " + e.message, e.where};
}

core::Result<core::Date> evaluate_date(const Rule& rule, const Expr& expr, const RunBindings& b,
                                       const char* what) {
  auto v = evaluate(expr, b);
  if (!v) return rule_error(rule, v.error());
  if (const auto* d = std::get_if<core::Date>(&v->v)) return *d;
  return rule_error(
      rule, core::Error{std::string(what) + " '" + source(expr) + "' is null for this claim", {}});
}

core::Status collect_evidence(const Rule& rule, const Clause& clause, const RunBindings& b,
                              std::vector<std::string>& out) {
  auto add = [&out](const core::Event* e) {
    if (e && std::find(out.begin(), out.end(), e->id) == out.end()) out.push_back(e->id);
  };
  for (const auto& expr : clause.evidence) {
    auto v = evaluate(*expr, b);
    if (!v) return rule_error(rule, v.error());
    if (const auto* e = std::get_if<const core::Event*>(&v->v)) {
      add(*e);
    } else if (const auto* s = std::get_if<const Selection*>(&v->v)) {
      std::vector<const core::Event*> sorted(**s);
      std::sort(sorted.begin(), sorted.end(), [](const core::Event* a, const core::Event* c) {
        return std::tie(a->date, a->id) < std::tie(c->date, c->id);
      });
      for (const auto* one : sorted) add(one);
    }
  }
  return core::ok_status();
}

core::Result<std::string> render_template(const Rule& rule, const Clause& clause,
                                          const RunBindings& b) {
  std::string out;
  for (const auto& piece : clause.explain) {
    if (!piece.expr) {
      out += piece.text;
      continue;
    }
    auto v = evaluate(*piece.expr, b);
    if (!v) return rule_error(rule, v.error());
    // Text reads better unquoted in a sentence; everything else as to_string shows it.
    if (const auto* s = std::get_if<std::string_view>(&v->v)) {
      out += *s;
    } else {
      out += to_string(*v);
    }
  }
  return out;
}

// The event kind of a selection for a claim found by `topic` ("" when a generic
// rule's pattern does not give one).
std::string selection_kind(const Rule& rule, const EventSelection& sel, const std::string& topic) {
  if (!sel.kind_from_topic()) return sel.kind;
  auto pattern = std::find_if(
      rule.applies_to.topics.begin(), rule.applies_to.topics.end(), [&](const std::string& t) {
        return t.ends_with(".*") && topic.starts_with(t.substr(0, t.size() - 1));
      });
  return pattern == rule.applies_to.topics.end() ? "" : topic.substr(pattern->size() - 1);
}

core::Status run_selections(const Rule& rule, const std::string& topic, core::Date as_of,
                            SelectionCache& cache, const EngineOptions& options, RunBindings& b,
                            RunTrace& run) {
  run.selections.resize(rule.selections.size());
  b.m_selections.assign(rule.selections.size(), nullptr);
  for (std::size_t i = 0; i < rule.selections.size(); ++i) {
    const auto& sel = rule.selections[i];
    SelectionTrace& trace = run.selections[i];
    trace.selection = &sel;
    trace.from = run.window_start;
    trace.to = run.window_end;
    if (sel.window) {
      auto f = evaluate_date(rule, *(*sel.window)[0], b, "the selection window start");
      if (!f) return f.error();
      auto t = evaluate_date(rule, *(*sel.window)[1], b, "the selection window end");
      if (!t) return t.error();
      trace.from = *f;
      trace.to = *t;
    }
    trace.kind = selection_kind(rule, sel, topic);
    b.m_selections[i] = &trace.matched;
    if (trace.kind.empty()) continue;
    WhereTest test = [&b, &sel](const core::Event& e) {
      b.m_current = &e;
      auto held = evaluate_bool(*sel.where, b);
      b.m_current = nullptr;
      return held;
    };
    select_events(cache.get(sel, trace.kind), as_of, options, test, trace);
  }
  return core::ok_status();
}

core::Status run_clauses(const Rule& rule, const RunBindings& b, RunTrace& run) {
  TraceOutcome& result = run.result;
  for (std::size_t i = 0; i < rule.clauses.size(); ++i) {
    const auto& clause = rule.clauses[i];
    run.clauses_tested = i + 1;
    if (clause.when) {
      auto r = evaluate_bool(*clause.when, b);
      if (!r) return rule_error(rule, r.error());
      if (!*r) continue;
    }
    result.decided = true;
    result.outcome = clause.outcome;
    if (clause.credit) {
      auto c = evaluate(*clause.credit, b);
      if (!c) return rule_error(rule, c.error());
      const auto* x = std::get_if<double>(&c->v);
      if (!x || *x < 0 || *x > 1)
        return rule_error(rule, core::Error{"credit '" + source(*clause.credit) + "' is " +
                                                to_string(*c) + ", not a number from 0 to 1",
                                            clause.location});
      result.credit = *x;
    }
    auto ev = collect_evidence(rule, clause, b, result.evidence);
    if (!ev) return ev.error();
    auto text = render_template(rule, clause, b);
    if (!text) return text.error();
    result.explanation = std::move(*text);
    run.fired = i;
    break;
  }
  return core::ok_status();
}

}  // namespace

core::Date effective_deadline_end(const core::Claim& claim, const Duration& horizon,
                                  bool& defaulted) {
  defaulted = !claim.deadline.end || claim.deadline.basis == core::DeadlineBasis::Default ||
              claim.deadline.basis == core::DeadlineBasis::None;
  return defaulted ? add_duration(claim.stated_on, horizon) : *claim.deadline.end;
}

core::Status run_rule(const Rule& rule, const std::string& topic, const core::Claim& claim,
                      core::Date as_of, SelectionCache& cache, const EngineOptions& options,
                      RunTrace& run) {
  run.rule = &rule;
  run.topic = topic;
  run.deadline_end = effective_deadline_end(claim, rule.default_horizon, run.defaulted);
  run.basis = claim.deadline.basis;
  run.phrase = claim.deadline.phrase;
  run.stated_on = claim.stated_on;
  run.as_of = as_of;

  RunBindings b;
  bind_claim(b, claim, as_of, rule, run.deadline_end);
  auto start = evaluate_date(rule, *rule.window[0], b, "the window start");
  if (!start) return start.error();
  auto stop = evaluate_date(rule, *rule.window[1], b, "the window end");
  if (!stop) return stop.error();
  b.m_fields[kWindowStart] = Value{*start};
  b.m_fields[kWindowEnd] = Value{*stop};
  run.window_start = *start;
  run.window_end = *stop;

  auto selected = run_selections(rule, topic, as_of, cache, options, b, run);
  if (!selected) return selected.error();
  return run_clauses(rule, b, run);
}

KindCache& SelectionCache::get(const EventSelection& selection, const std::string& kind) {
  auto key = std::make_pair(&selection, kind);
  auto it = m_caches.find(key);
  if (it != m_caches.end()) return it->second;
  KindCache cache;
  cache.events = &m_source.events_of_kind(kind);
  auto span = m_spans.find(kind);
  if (span == m_spans.end()) {
    long longest = 0;
    for (const auto& e : *cache.events)
      if (e.end) longest = std::max(longest, core::days_between(e.date, *e.end));
    span = m_spans.emplace(kind, longest).first;
  }
  cache.max_span = span->second;
  // A test that reads no claim field or selection gives the same answer for an event
  // whatever the claim: it is computed once per event.
  cache.cacheable = selection.where && fields_used(*selection.where).empty() &&
                    selections_used(*selection.where).empty();
  if (cache.cacheable) cache.held.assign(cache.events->size(), -1);
  return m_caches.emplace(std::move(key), std::move(cache)).first->second;
}

}  // namespace hindsight::rules
