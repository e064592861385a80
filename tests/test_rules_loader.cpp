#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "rules/rule_loader.hpp"

using namespace hindsight;

namespace {

// The messages one per line, so that doctest prints them when a check fails.
std::string lines(const std::vector<core::Error>& errors) {
  std::string out;
  for (const auto& e : errors) out += e.to_string() + "\n";
  return out;
}

std::string errors(const rules::RuleFile& f) {
  return lines(f.errors);
}

std::string lints(const rules::RuleFile& f) {
  return lines(f.lints);
}

constexpr const char* kGood = R"(format: 1
defaults: {settle: 5d, confirm: auto}
rules:
  - id: truce.extended-by-deadline
    version: 2
    title: A truce is extended on or before the deadline
    applies_to: { topics: [trade.truce.extend], kind: prediction, requires: [deadline] }
    events:
      extension: { kind: truce.extended, where: 'event.length >= 30' }
    resolve:
      - outcome: true
        when: exists(extension)
        evidence: first(extension)
        explain: "extended on {first(extension).date}"
      - outcome: false
        when: as_of > claim.deadline.end + settle
)";

}  // namespace

TEST_SUITE("rules.loader") {
  TEST_CASE("a well-formed rule loads with its selections, clauses, defaults and hash") {
    auto f = rules::parse_rule_file(kGood, "trade.yaml");
    REQUIRE(errors(f).empty());
    REQUIRE(f.rules.size() == 1);
    const auto& r = f.rules[0];
    CHECK(r.id == "truce.extended-by-deadline");
    CHECK(r.version == 2);
    CHECK(r.settle == rules::Duration{0, 5});
    CHECK(r.default_horizon == rules::Duration{12, 0});
    CHECK(r.confirm == rules::ConfirmPolicy::Auto);
    CHECK(r.applies_to.requires_ == std::vector<std::string>{"deadline"});
    REQUIRE(r.selections.size() == 1);
    CHECK(r.selections[0].kind == "truce.extended");
    CHECK(r.clauses.size() == 2);
    CHECK(r.clauses[0].explain.size() == 2);
    CHECK(r.hash.size() == 8);
    CHECK(r.by() == "rule:truce.extended-by-deadline@2#" + r.hash);
    CHECK(r.location.line == 4);
  }

  TEST_CASE("the hash ignores comments and layout but not content") {
    auto a = rules::parse_rule_file(kGood, "a.yaml");
    std::string reformatted = std::string(kGood) + "# a comment\n";
    auto b = rules::parse_rule_file(reformatted, "b.yaml");
    std::string changed(kGood);
    changed.replace(changed.find(">= 30"), 5, ">= 31");
    auto c = rules::parse_rule_file(changed, "c.yaml");
    CHECK(a.rules[0].hash == b.rules[0].hash);
    CHECK(a.rules[0].hash != c.rules[0].hash);
  }

  TEST_CASE("every error of a broken rule file is reported at once, in full") {
    auto f = rules::parse_rule_file(R"(format: 1
rules:
  - id: truce.extended
    version: 1
    aplies_to: { topics: [trade.truce.extend] }
    events:
      extension: { kind: truce.extended, wehre: 'event.days > 0' }
    resolve:
      - outcome: true
        when: exists(extention)
      - outcome: partial
      - outcome: maybe
  - id: second
    version: 0
    applies_to: { topics: [x], requires: [dedline] }
    resolve:
      - outcome: true
        when: claim.stated_on
)",
                                    "rules/resolve/trade.yaml");
    CHECK(
        errors(f) ==
        std::string(
            "rules/resolve/trade.yaml:5:5: rule \"truce.extended\": unknown key 'aplies_to' "
            "in a rule (did you mean 'applies_to'?)\n"
            "rules/resolve/trade.yaml:3:5: rule \"truce.extended\": missing 'applies_to'\n"
            "rules/resolve/trade.yaml:7:42: rule \"truce.extended\": unknown key 'wehre' in "
            "selection 'extension' (did you mean 'where'?)\n"
            "rules/resolve/trade.yaml:10:22: rule \"truce.extended\": unknown selection "
            "'extention' (did you mean 'extension'?)\n"
            "rules/resolve/trade.yaml:11:9: rule \"truce.extended\": a partial outcome needs "
            "'credit' (a number from 0 to 1)\n"
            "rules/resolve/trade.yaml:12:18: rule \"truce.extended\": unknown outcome 'maybe' "
            "(true, false, partial, void, ambiguous)\n"
            "rules/resolve/trade.yaml:14:14: rule \"second\": 'version' must be a whole number "
            "from 1\n"
            "rules/resolve/trade.yaml:15:43: rule \"second\": unknown requirement 'dedline' "
            "(deadline, condition, probability, parts) (did you mean 'deadline'?)\n"
            "rules/resolve/trade.yaml:18:15: rule \"second\": expected a boolean, found a date\n"));
    CHECK(f.rules.empty());  // a file with errors gives no rules at all
  }

  TEST_CASE("lints: a selection without a kind and an unreachable clause") {
    auto f = rules::parse_rule_file(R"(format: 1
rules:
  - id: r
    version: 1
    applies_to: { topics: [x] }
    events:
      anything: { where: 'event.days > 0' }
    resolve:
      - outcome: true
      - outcome: false
        when: exists(anything)
)",
                                    "r.yaml");
    CHECK(errors(f).empty());
    CHECK(lints(f) ==
          std::string("r.yaml:7:7: rule \"r\": selection 'anything' has no kind, so it never "
                      "matches an event (events are found by kind)\n"
                      "r.yaml:10:9: rule \"r\": clause 'false' is unreachable: an earlier "
                      "clause always holds\n"));
  }

  TEST_CASE("a rule set with an error anywhere is not applied at all") {
    auto dir = std::filesystem::temp_directory_path() / "hindsight-tests" / "ruleset-broken";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    { std::ofstream(dir / "a.yaml") << kGood; }
    { std::ofstream(dir / "b.yaml") << "format: 1\nrules:\n  - id: truce.extended-by-deadline\n"; }
    auto loaded = rules::load_rules({dir});
    CHECK(!loaded.ok());
    CHECK(loaded.set.rules().empty());
    CHECK(loaded.errors.size() == 3);  // b.yaml: no version, applies_to, resolve
  }

  TEST_CASE("the shipped rule set loads without errors or lints") {
    auto dir = std::filesystem::path(HINDSIGHT_SOURCE_DIR) / "rules" / "resolve";
    auto loaded = rules::load_rules({dir});
    for (const auto& e : loaded.errors) FAIL_CHECK(e.to_string());
    for (const auto& e : loaded.lints) FAIL_CHECK(e.to_string());
    for (const char* topic :
         {"trade.truce.extend", "trade.tariff.us-lower", "trade.tariff.threat-dropped",
          "trade.controls.suspend", "summit.trump-xi", "visit.trump-to-china", "visit.xi-to-us",
          "tiktok.deal", "fentanyl.pledge", "trade.purchases", "happens.summit.held"})
      CHECK_MESSAGE(!loaded.set.for_topic(topic).empty(), topic);
    CHECK(!loaded.set.for_event_kind("visit.held").empty());
  }
}
