// The engine's selections by binary search against the plain method (every fetched
// event classified in turn), and the trace's JSON text against nlohmann's.
#include <doctest/doctest.h>

#include <date/date.h>

#include <random>

#include "rules/engine.hpp"
#include "rules/rule_loader.hpp"
#include "rules/rule_tests.hpp"
#include "rules/trace.hpp"

using namespace hindsight;

namespace {

core::Date d(const char* text) {
  return *core::parse_date(text);
}

// Two rules over one kind: one whose attribute test reads only the event (cached per
// event), one whose test also reads the claim (evaluated per claim).
constexpr const char* kRules = R"(format: 1
rules:
  - id: t.cached
    version: 1
    title: Cached test
    applies_to: { topics: [t.cached] }
    events:
      hit: { kind: t.k, where: 'event.level >= 3' }
    window: [claim.stated_on, claim.deadline.end]
    resolve:
      - outcome: true
        when: count(hit) >= 2
        evidence: [first(hit), last(hit)]
        explain: "{count(hit)} events"
      - outcome: false
        when: as_of > window.end + settle
        explain: "nothing"
  - id: t.per-claim
    version: 1
    title: Per-claim test
    applies_to: { topics: [t.per-claim] }
    events:
      hit: { kind: t.k, where: 'event.level >= 2 && event.date >= claim.stated_on' }
      any: { kind: t.k }
    window: [claim.stated_on, claim.deadline.end]
    resolve:
      - outcome: true
        when: exists(hit)
        evidence: first(hit)
        explain: "{first(hit).id}"
)";

rules::RuleSet test_rules() {
  auto file = rules::parse_rule_file(kRules, "t.yaml");
  if (!file.errors.empty()) FAIL(file.errors[0].to_string());
  return rules::RuleSet(file.rules);
}

// A random timeline: a few events a week for two years, some lasting several days,
// some reported late, some with a level that is not a number (a test error).
std::vector<core::Event> timeline(std::mt19937& rng, int n, bool spans) {
  std::vector<core::Event> out;
  std::uniform_int_distribution<int> day(0, 730), level(0, 5), percent(0, 99), span(1, 40);
  for (int i = 0; i < n; ++i) {
    core::Event e;
    e.id = "E" + std::to_string(i);
    e.kind = "t.k";
    e.date = core::add_days(d("2025-01-01"), day(rng));
    e.known_on = e.date;
    int p = percent(rng);
    if (p < 10) e.known_on = core::add_days(e.date, span(rng));
    if (spans && p >= 90) e.end = core::add_days(e.date, span(rng));
    e.summary = "event " + std::to_string(i);
    int l = level(rng);
    if (l == 0) {
      e.attributes["level"] = core::Value{std::string("high")};
    } else if (l < 5) {
      e.attributes["level"] = core::Value{core::Quantity{static_cast<double>(l), ""}};
    }
    out.push_back(e);
  }
  return out;
}

std::string trace_text(rules::Engine& engine, const core::Claim& c, core::Date as_of) {
  auto v = engine.resolve(c, as_of);
  REQUIRE(v);
  return rules::describe(*v) + " " + rules::trace_json_text(v->trace);
}

}  // namespace

TEST_SUITE("rules.select") {
  TEST_CASE("walking out from the window gives the trace of classifying every event") {
    auto set = test_rules();
    int errors = 0, unknown = 0, spans = 0, hidden = 0;
    for (unsigned seed = 1; seed <= 8; ++seed) {
      std::mt19937 rng(seed);
      // Odd seeds: a sparse timeline with multi-day events; even: a busy one without.
      rules::MemoryEventSource source(timeline(rng, seed % 2 ? 60 : 600, seed % 2 == 1));
      rules::EngineOptions plain;
      plain.plain_selection = true;
      plain.nearest_rejected = seed == 8 ? 0 : seed % 3 + 2;
      rules::EngineOptions fast = plain;
      fast.plain_selection = false;
      rules::Engine by_walk(set, source, fast), by_scan(set, source, plain);
      std::uniform_int_distribution<int> day(-60, 790), length(-20, 200);
      for (int i = 0; i < 150; ++i) {
        core::Claim c;
        c.id = "c" + std::to_string(i);
        c.stated_on = core::add_days(d("2025-01-01"), day(rng));
        c.deadline.end = core::add_days(c.stated_on, length(rng));  // some end before they start
        c.deadline.basis = core::DeadlineBasis::Stated;
        c.topics = {i % 2 ? "t.cached" : "t.per-claim"};
        core::Date as_of = core::add_days(d("2025-01-01"), day(rng));
        INFO("seed " << seed << ", claim " << i);
        auto text = trace_text(by_walk, c, as_of);
        CHECK(text == trace_text(by_scan, c, as_of));
        errors += text.find("\"error\":") != std::string::npos;
        unknown += text.find("\"code\":\"unknown\"") != std::string::npos;
        spans += text.find("\"end\":") != text.rfind("\"end\":");
        hidden += text.find("rejected_not_shown") != std::string::npos;
      }
    }
    // The cases the walk has to get right all came up.
    CHECK(errors > 0);
    CHECK(unknown > 0);
    CHECK(spans > 0);
    CHECK(hidden > 0);
  }

  TEST_CASE("a trace lists the first matched events and the evidence, and counts the rest") {
    auto set = test_rules();
    std::vector<core::Event> events;
    for (int i = 0; i < 9; ++i) {
      core::Event e;
      e.id = "M" + std::to_string(i);
      e.kind = "t.k";
      e.date = core::add_days(d("2025-03-01"), 7 * i);
      e.known_on = e.date;
      e.attributes["level"] = core::Value{core::Quantity{4, ""}};
      events.push_back(e);
    }
    rules::MemoryEventSource source(events);
    rules::Engine engine(set, source);
    core::Claim c;
    c.id = "c";
    c.stated_on = d("2025-02-01");
    c.deadline.end = d("2025-12-31");
    c.deadline.basis = core::DeadlineBasis::Stated;
    c.topics = {"t.cached"};
    auto v = engine.resolve(c, d("2026-01-10"));
    REQUIRE(v);
    CHECK(v->evidence == std::vector<std::string>{"M0", "M8"});
    auto trace = v->trace_json();
    const auto& selection = trace["runs"][0]["selections"][0];
    std::vector<std::string> shown;
    for (const auto& e : selection["matched"]) shown.push_back(e["id"].get<std::string>());
    CHECK(shown == std::vector<std::string>{"M0", "M1", "M2", "M8"});
    CHECK(selection["matched_not_shown"] == 5);
    CHECK(v->explanation == "9 events");
  }

  TEST_CASE("the trace text is what nlohmann writes, with invalid UTF-8 replaced") {
    rules::Trace t;
    t.claim = "quote \" backslash \\ tab \t newline \n bell \x07 del \x7f é 中 😀";
    t.as_of = d("2025-11-22");
    t.no_rule = true;
    t.note = "control \x01\x1f and / slash";
    t.topics = {"a", "b\"c"};
    CHECK(rules::trace_json_text(t) == rules::trace_json(t).dump());
    CHECK(rules::trace_json(t)["claim"] == t.claim);
    t.claim = "bad \xff byte, overlong \xc0\xaf, cut \xe4\xb8";
    CHECK(rules::trace_json(t)["claim"] ==
          "bad \xef\xbf\xbd byte, overlong \xef\xbf\xbd\xef\xbf\xbd, "
          "cut \xef\xbf\xbd\xef\xbf\xbd");
  }

  TEST_CASE("dates are written as date::format writes them") {
    for (const char* text :
         {"0001-01-01", "0999-12-31", "2024-02-29", "2025-11-22", "9999-12-31"}) {
      CHECK(core::format_date(d(text)) == text);
      CHECK(core::format_date(d(text)) == date::format("%F", date::sys_days{d(text)}));
    }
    core::Date far{date::year{12000}, date::month{1}, date::day{2}};
    CHECK(core::format_date(far) == date::format("%F", date::sys_days{far}));
  }
}
