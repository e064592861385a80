#include "rules/rule_run.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <tuple>

namespace hindsight::rules {

namespace {

std::string format_duration(const Duration& d) {
  if (d.months % 12 == 0 && d.months > 0 && d.days == 0) return std::to_string(d.months / 12) + "y";
  std::string out;
  if (d.months) out += std::to_string(d.months) + "m";
  if (d.days || out.empty()) out += std::to_string(d.days) + "d";
  return out;
}

// The values of the names of a rule's expressions while it runs on one claim.
class RunBindings : public Bindings {
 public:
  Value field(std::size_t slot) const override {
    return slot < m_fields.size() ? m_fields[slot] : Value{};
  }
  const Selection& selection(std::size_t slot) const override {
    return slot < m_selections.size() ? m_selections[slot] : m_empty;
  }
  const core::Event* current_event() const override { return m_current; }

  std::array<Value, kFieldCount> m_fields{};
  std::vector<Selection> m_selections;
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

nlohmann::json event_brief(const core::Event& e) {
  nlohmann::json j = {{"id", e.id}, {"date", core::format_date(e.date)}};
  if (e.end) j["end"] = core::format_date(*e.end);
  if (e.known_on != e.date) j["known_on"] = core::format_date(e.known_on);
  j["summary"] = e.summary;
  return j;
}

// How many rejected events of a selection the trace lists, nearest to the window first.
constexpr std::size_t kNearestRejected = 5;

// Fills one selection's events and its trace entry.
core::Status select_events(const Rule& rule, const EventSelection& sel, const std::string& kind,
                           core::Date from, core::Date to, core::Date as_of, EventSource& source,
                           long near_days, RunBindings& b, std::vector<core::Event>& storage,
                           nlohmann::json& trace) {
  trace = {{"name", sel.name},
           {"kind", kind},
           {"window", {{"start", core::format_date(from)}, {"end", core::format_date(to)}}},
           {"matched", nlohmann::json::array()},
           {"rejected", nlohmann::json::array()}};
  if (sel.where) trace["where"] = hindsight::rules::source(*sel.where);
  if (kind.empty()) return core::ok_status();
  storage = source.events(kind, core::add_days(from, -near_days), core::add_days(to, near_days));
  std::sort(storage.begin(), storage.end(), [](const core::Event& a, const core::Event& c) {
    return std::tie(a.date, a.id) < std::tie(c.date, c.id);
  });
  Selection matched;
  // Rejected events are kept as (distance to the window, entry); only the nearest
  // kNearestRejected go into the trace, the rest are counted, so that a trace stays
  // small however busy the timeline is (the near miss is what a person checks).
  std::vector<std::pair<long, const core::Event*>> rejected;
  std::vector<nlohmann::json> rejected_entries;
  for (const auto& e : storage) {
    core::Date last = e.end.value_or(e.date);
    long distance = 0;
    nlohmann::json entry;
    if (e.known_on > as_of) {
      entry = event_brief(e);
      entry["reason"] = "not yet known on " + core::format_date(as_of) + " (reported " +
                        core::format_date(e.known_on) + ")";
      entry["code"] = "unknown";
    } else if (sel.where && [&] {
                 b.m_current = &e;
                 auto held = evaluate_bool(*sel.where, b);
                 b.m_current = nullptr;
                 if (!held) {
                   entry["error"] = held.error().message;
                   return true;
                 }
                 return !*held;
               }()) {
      entry.update(event_brief(e));
      entry["reason"] = "attribute test failed: " + hindsight::rules::source(*sel.where);
      entry["code"] = "attribute";
      distance = last < from ? core::days_between(last, from)
                             : (e.date > to ? core::days_between(to, e.date) : 0);
    } else if (last < from) {
      distance = core::days_between(last, from);
      entry = event_brief(e);
      entry["reason"] = "outside the window: " + std::to_string(distance) + " days before " +
                        core::format_date(from);
      entry["code"] = "before";
      entry["days"] = distance;
    } else if (e.date > to) {
      distance = core::days_between(to, e.date);
      entry = event_brief(e);
      entry["reason"] = "outside the window: " + std::to_string(distance) + " days after " +
                        core::format_date(to);
      entry["code"] = "after";
      entry["days"] = distance;
    } else {
      matched.push_back(&e);
      trace["matched"].push_back(event_brief(e));
      continue;
    }
    rejected.emplace_back(distance, &e);
    rejected_entries.push_back(std::move(entry));
  }
  std::vector<std::size_t> order(rejected.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return rejected[x].first < rejected[y].first;
  });
  if (order.size() > kNearestRejected) {
    trace["rejected_not_shown"] = order.size() - kNearestRejected;
    order.resize(kNearestRejected);
  }
  std::sort(order.begin(), order.end());  // back in date order
  for (auto i : order) trace["rejected"].push_back(std::move(rejected_entries[i]));
  (void)rule;
  auto slot = static_cast<std::size_t>(&sel - rule.selections.data());
  b.m_selections[slot] = std::move(matched);
  return core::ok_status();
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

}  // namespace

core::Date effective_deadline_end(const core::Claim& claim, const Duration& horizon,
                                  bool& defaulted) {
  defaulted = !claim.deadline.end || claim.deadline.basis == core::DeadlineBasis::Default ||
              claim.deadline.basis == core::DeadlineBasis::None;
  return defaulted ? add_duration(claim.stated_on, horizon) : *claim.deadline.end;
}

core::Result<Verdict> run_rule(const Rule& rule, const std::string& topic, const core::Claim& claim,
                               core::Date as_of, EventSource& events,
                               const EngineOptions& options) {
  Verdict verdict;
  verdict.by = rule.by();
  verdict.confirm = rule.confirm;
  bool defaulted = false;
  core::Date end = effective_deadline_end(claim, rule.default_horizon, defaulted);
  nlohmann::json& trace = verdict.trace;
  trace = {{"rule", rule.by()}, {"title", rule.title}, {"topic", topic}};
  trace["deadline"] = {{"end", core::format_date(end)},
                       {"basis", core::to_string(claim.deadline.basis)},
                       {"phrase", claim.deadline.phrase}};
  if (defaulted)
    trace["deadline"]["note"] = "no deadline in the text: the default horizon of " +
                                format_duration(rule.default_horizon) + " from " +
                                core::format_date(claim.stated_on) + " applies";

  RunBindings b;
  b.m_selections.resize(rule.selections.size());
  bind_claim(b, claim, as_of, rule, end);
  auto start = evaluate_date(rule, *rule.window[0], b, "the window start");
  if (!start) return start.error();
  auto stop = evaluate_date(rule, *rule.window[1], b, "the window end");
  if (!stop) return stop.error();
  b.m_fields[kWindowStart] = Value{*start};
  b.m_fields[kWindowEnd] = Value{*stop};
  trace["window"] = {{"start", core::format_date(*start)}, {"end", core::format_date(*stop)}};

  std::vector<std::vector<core::Event>> storage(rule.selections.size());
  trace["selections"] = nlohmann::json::array();
  for (std::size_t i = 0; i < rule.selections.size(); ++i) {
    const auto& sel = rule.selections[i];
    core::Date from = *start, to = *stop;
    if (sel.window) {
      auto f = evaluate_date(rule, *(*sel.window)[0], b, "the selection window start");
      if (!f) return f.error();
      auto t = evaluate_date(rule, *(*sel.window)[1], b, "the selection window end");
      if (!t) return t.error();
      from = *f;
      to = *t;
    }
    std::string kind = sel.kind;
    if (sel.kind_from_topic()) {
      auto pattern = std::find_if(
          rule.applies_to.topics.begin(), rule.applies_to.topics.end(), [&](const std::string& t) {
            return t.ends_with(".*") && topic.starts_with(t.substr(0, t.size() - 1));
          });
      kind = pattern == rule.applies_to.topics.end() ? "" : topic.substr(pattern->size() - 1);
    }
    nlohmann::json entry;
    auto status = select_events(rule, sel, kind, from, to, as_of, events, options.near_days, b,
                                storage[i], entry);
    if (!status) return status.error();
    trace["selections"].push_back(entry);
  }

  trace["clauses"] = nlohmann::json::array();
  for (std::size_t i = 0; i < rule.clauses.size(); ++i) {
    const auto& clause = rule.clauses[i];
    bool held = true;
    if (clause.when) {
      auto r = evaluate_bool(*clause.when, b);
      if (!r) return rule_error(rule, r.error());
      held = *r;
    }
    trace["clauses"].push_back({{"outcome", core::to_string(clause.outcome)},
                                {"when", clause.when ? source(*clause.when) : "(always)"},
                                {"held", held}});
    if (!held) continue;
    verdict.decided = true;
    verdict.outcome = clause.outcome;
    if (clause.credit) {
      auto c = evaluate(*clause.credit, b);
      if (!c) return rule_error(rule, c.error());
      const auto* x = std::get_if<double>(&c->v);
      if (!x || *x < 0 || *x > 1)
        return rule_error(rule, core::Error{"credit '" + source(*clause.credit) + "' is " +
                                                to_string(*c) + ", not a number from 0 to 1",
                                            clause.location});
      verdict.credit = *x;
    }
    auto ev = collect_evidence(rule, clause, b, verdict.evidence);
    if (!ev) return ev.error();
    auto text = render_template(rule, clause, b);
    if (!text) return text.error();
    verdict.explanation = *text;
    trace["fired"] = i;
    break;
  }
  if (!verdict.decided) trace["fired"] = nullptr;
  trace["outcome"] = verdict.decided ? nlohmann::json(core::to_string(verdict.outcome)) : nullptr;
  if (verdict.credit) trace["credit"] = *verdict.credit;
  trace["evidence"] = verdict.evidence;
  trace["explanation"] = verdict.explanation;
  return verdict;
}

}  // namespace hindsight::rules
