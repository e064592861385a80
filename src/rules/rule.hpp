// A resolution rule as loaded from rules/resolve/*.yaml (DESIGN.md "Rules",
// docs/rules.md): which claims it judges, the events it selects, the window, and
// the ordered clauses whose first one that holds gives the verdict.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/claim.hpp"
#include "core/outcome.hpp"
#include "core/result.hpp"
#include "rules/expr.hpp"

namespace hindsight::rules {

// The fields every rule expression may read, in slot order (see rule_scope()).
enum FieldSlot : std::size_t {
  kAsOf,
  kSettle,
  kHorizon,
  kWindowStart,
  kWindowEnd,
  kClaimId,
  kClaimKind,
  kClaimText,
  kClaimStatedOn,
  kClaimDeadlineStart,
  kClaimDeadlineEnd,
  kClaimDeadlineBasis,
  kClaimProbability,
  kClaimCondition,
  kClaimSpeaker,
  kClaimTopics,
  kClaimDuration,
  kFieldCount
};

// A Scope declaring the fields above (in that order, so their slots are the enum
// values), plus `selections`; `event` is allowed when `with_event` is true.
Scope rule_scope(const std::vector<std::string>& selections, bool with_event);

// A piece of an explanation template: literal text, or an expression in braces.
struct TemplatePiece {
  std::string text;
  std::shared_ptr<const Expr> expr;  // null for literal text
};

// A named selection of events: every event of `kind` (an index lookup) that passes
// `where` and happened inside the window (the rule's, or `window` when given).
struct EventSelection {
  std::string name;
  std::string kind;  // "*" (kind_from_topic): the claim topic's part that a "prefix.*" matched
  std::shared_ptr<const Expr> where;  // null: every event of the kind
  std::optional<std::array<std::shared_ptr<const Expr>, 2>> window;  // [start, end]
  core::Location location;

  // True when `kind` comes from the claim's topic (generic rules, docs/rules.md).
  bool kind_from_topic() const { return kind == "*"; }
};

// One outcome clause: `outcome` when `when` holds (always when it is null).
struct Clause {
  core::Outcome outcome = core::Outcome::True;
  std::shared_ptr<const Expr> when;                   // null: unconditional
  std::shared_ptr<const Expr> credit;                 // partial only: a number in [0, 1]
  std::vector<std::shared_ptr<const Expr>> evidence;  // each an event, a selection or null
  std::vector<TemplatePiece> explain;
  core::Location location;
};

// Which claims a rule judges.
struct AppliesTo {
  std::vector<std::string> topics;  // a claim with any of them; "prefix.*" matches below
  std::optional<core::ClaimKind> kind = core::ClaimKind::Prediction;  // nullopt: any kind
  std::vector<std::string> requires_;  // "deadline" (stated or inferred), "condition",
                                       // "probability", "parts"
};

// How verdicts of a rule are recorded: proposed for a person to confirm, or
// confirmed by policy (`confirm: auto`).
enum class ConfirmPolicy { Manual, Auto };

struct Rule {
  std::string id;
  int version = 1;
  std::string title;
  AppliesTo applies_to;
  std::vector<EventSelection> selections;
  std::array<std::shared_ptr<const Expr>, 2> window;  // [start, end]
  Duration settle{0, 3};
  Duration default_horizon{12, 0};
  ConfirmPolicy confirm = ConfirmPolicy::Manual;
  std::vector<Clause> clauses;
  std::string hash;  // 8 hex digits of the hash of the rule's normalized YAML
  core::Location location;

  // "rule:ID@VERSION#HASH", what resolutions record in `by`.
  std::string by() const;
};

// True when `rule` judges `claim` by its kind and required fields (topics are
// matched by the RuleSet index).
bool rule_accepts(const Rule& rule, const core::Claim& claim);

// A loaded rule set with its indexes: topic → rules and event kind → rules.
class RuleSet {
 public:
  // Takes the rules in order (the order breaks ties between rules that both decide).
  explicit RuleSet(std::vector<Rule> rules = {});

  const std::vector<Rule>& rules() const { return m_rules; }

  // The rules whose applies_to.topics match `topic` (exactly, or by a "prefix.*"
  // pattern), in rule order.
  std::vector<const Rule*> for_topic(const std::string& topic) const;

  // The rules that select events of `kind`, in rule order.
  std::vector<const Rule*> for_event_kind(const std::string& kind) const;

  // Every topic (and "prefix.*" pattern) some rule applies to.
  std::vector<std::string> topics() const;

  // The rule with this id, or nullptr.
  const Rule* find(const std::string& id) const;

 private:
  std::vector<Rule> m_rules;
  std::map<std::string, std::vector<std::size_t>> m_by_topic;
  std::map<std::string, std::vector<std::size_t>> m_by_prefix;  // "a.b.*" stored as "a.b."
  std::map<std::string, std::vector<std::size_t>> m_by_kind;
};

}  // namespace hindsight::rules
