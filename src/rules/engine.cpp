#include "rules/engine.hpp"

#include <algorithm>
#include <cstdio>

#include "rules/rule_run.hpp"
#include "util/hash.hpp"

namespace hindsight::rules {

namespace {

std::string format_credit(double credit) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.4g", credit);
  return buf;
}

bool is_compound(const core::Claim& claim) {
  return claim.parts.size() >= 2 &&
         std::any_of(claim.parts.begin(), claim.parts.end(),
                     [](const core::ClaimPart& p) { return !p.topics.empty(); });
}

// A part of a compound claim, judged like a claim of its own: the whole's speaker,
// dates and condition, the part's text, topics and probability.
core::Claim part_claim(const core::Claim& whole, std::size_t index) {
  core::Claim part = whole;
  const auto& p = whole.parts[index];
  part.id = whole.id + "#" + std::to_string(index + 1);
  part.text = p.text;
  part.topics = p.topics;
  part.probability = p.probability ? p.probability : whole.probability;
  part.parts.clear();
  return part;
}

}  // namespace

core::Date add_duration(const core::Date& d, const Duration& duration) {
  auto ym = date::year_month{d.year(), d.month()} + date::months{duration.months};
  date::year_month_day shifted{ym.year(), ym.month(), d.day()};
  if (!shifted.ok())
    shifted = core::end_of_month(date::year_month_day{ym.year(), ym.month(), date::day{1}});
  return core::add_days(shifted, duration.days);
}

std::string describe(const Verdict& verdict) {
  if (!verdict.decided) return "pending";
  std::string out = core::to_string(verdict.outcome);
  if (verdict.credit) out += " " + format_credit(*verdict.credit);
  return out;
}

Engine::Engine(const RuleSet& rules, EventSource& events, EngineOptions options)
    : m_rules(rules), m_cache(events), m_options(options) {}

std::vector<std::pair<const Rule*, std::string>> Engine::candidates(
    const core::Claim& claim) const {
  std::vector<std::pair<const Rule*, std::string>> out;
  for (const auto& topic : claim.topics) {
    for (const Rule* rule : m_rules.for_topic(topic)) {
      bool seen =
          std::any_of(out.begin(), out.end(), [&](const auto& c) { return c.first == rule; });
      if (!seen && rule_accepts(*rule, claim)) out.emplace_back(rule, topic);
    }
  }
  // Rule order (file order) decides between rules that both decide.
  std::stable_sort(out.begin(), out.end(), [this](const auto& a, const auto& b) {
    return a.first - m_rules.rules().data() < b.first - m_rules.rules().data();
  });
  return out;
}

core::Result<Verdict> Engine::resolve(const core::Claim& claim, core::Date as_of) {
  auto verdict = is_compound(claim) ? resolve_compound(claim, as_of) : resolve_single(claim, as_of);
  if (verdict) {
    verdict->trace.claim = claim.id;
    verdict->trace.as_of = as_of;
  }
  return verdict;
}

core::Result<Verdict> Engine::resolve_single(const core::Claim& claim, core::Date as_of) {
  Verdict result;
  auto found = candidates(claim);
  if (found.empty()) {
    result.trace.no_rule = true;
    result.trace.note = claim.topics.empty() ? "the claim has no topics, so no rule can judge it"
                                             : "no rule applies to the claim's topics and kind";
    result.trace.topics = claim.topics;
    return result;
  }
  result.trace.runs.reserve(found.size());
  for (const auto& [rule, topic] : found) {
    RunTrace run;
    auto status = run_rule(*rule, topic, claim, as_of, m_cache, m_options, run);
    if (!status) return status.error();
    if (run.result.decided && !result.decided) {
      result.decided = true;
      result.outcome = run.result.outcome;
      result.credit = run.result.credit;
      result.evidence = run.result.evidence;
      result.by = rule->by();
      result.confirm = rule->confirm;
      result.explanation = run.result.explanation;
      result.trace.decided_by = result.by;
    }
    result.trace.runs.push_back(std::move(run));
  }
  result.trace.result = {result.decided, result.outcome, result.credit, result.evidence,
                         result.explanation};
  return result;
}

core::Result<Verdict> Engine::resolve_compound(const core::Claim& claim, core::Date as_of) {
  Verdict result;
  Trace& trace = result.trace;
  trace.compound = true;
  bool defaulted = false;
  core::Date end = effective_deadline_end(claim, m_options.default_horizon, defaulted);
  trace.deadline_end = end;
  trace.deadline_defaulted = defaulted;
  bool settled = as_of > add_duration(end, m_options.settle);
  double sum = 0;
  int counted = 0, decided = 0, undecided = 0;
  bool all_auto = true;
  std::string bys;
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < claim.parts.size(); ++i) {
    core::Claim part = part_claim(claim, i);
    auto v = resolve_single(part, as_of);
    if (!v) return v.error();
    PartTrace entry;
    entry.index = i + 1;
    entry.text = part.text;
    entry.topics = part.topics;
    entry.outcome = describe(*v);
    std::string line = "part " + std::to_string(i + 1) + " (" + part.text + "): ";
    if (v->decided) {
      ++decided;
      bys += v->by + ";";
      all_auto = all_auto && v->confirm == ConfirmPolicy::Auto;
      for (const auto& e : v->evidence)
        if (std::find(result.evidence.begin(), result.evidence.end(), e) == result.evidence.end())
          result.evidence.push_back(e);
      if (auto o = core::observed_value(v->outcome, v->credit)) {
        sum += *o;
        ++counted;
      }
      line += describe(*v);
      if (!v->explanation.empty()) line += " — " + v->explanation;
    } else {
      ++undecided;
      if (settled) {
        ++counted;  // no evidence by the deadline: it did not come true
        entry.counted_as = "false: nothing showed it by the deadline";
        line += "not shown by the deadline, counted false";
      } else {
        line += "pending";
      }
    }
    entry.trace = std::move(v->trace);
    lines.push_back(line);
    trace.parts.push_back(std::move(entry));
  }
  if (undecided > 0 && !settled) {
    trace.note = "waiting for every part, or for the deadline to pass";
    return result;
  }
  result.decided = true;
  result.by = "rule:compound.parts@1#" + util::hex_hash(bys).substr(0, 8);
  result.confirm = decided > 0 && all_auto ? ConfirmPolicy::Auto : ConfirmPolicy::Manual;
  if (counted == 0) {
    result.outcome = core::Outcome::Void;
  } else {
    double credit = sum / counted;
    result.outcome = credit >= 1   ? core::Outcome::True
                     : credit <= 0 ? core::Outcome::False
                                   : core::Outcome::Partial;
    if (result.outcome == core::Outcome::Partial) result.credit = credit;
  }
  result.explanation = "credit by parts: ";
  for (std::size_t i = 0; i < lines.size(); ++i) result.explanation += (i ? "; " : "") + lines[i];
  trace.decided_by = result.by;
  trace.result = {true, result.outcome, result.credit, result.evidence, result.explanation};
  return result;
}

}  // namespace hindsight::rules
