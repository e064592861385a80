// hindsight review CLAIM accept|reject|edit [--set FIELD=VALUE…] --by NAME: the
// fact-checker's review of a claim, recorded in `reviews` with who and when.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <ostream>

#include "cli/extract.hpp"
#include "store/claim_store.hpp"
#include "store/resolution_store.hpp"

namespace hindsight::cli {

namespace {

using nlohmann::json;

struct ReviewFlags {
  std::string claim, action, by;
  std::vector<std::string> sets;
};

json speaker_json(const core::Claim& c) {
  if (!c.speaker) return nullptr;
  return json{{"name", c.speaker->name},
              {"basis", core::to_string(c.speaker->basis)},
              {"role", c.speaker->role}};
}

std::optional<double> parse_probability(const std::string& v) {
  char* end = nullptr;
  double p = std::strtod(v.c_str(), &end);
  if (v.empty() || end != v.c_str() + v.size() || p < 0 || p > 1) return std::nullopt;
  return p;
}

std::vector<std::string> split_list(const std::string& v) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= v.size()) {
    auto comma = v.find(',', start);
    auto item = v.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    while (!item.empty() && item.front() == ' ') item.erase(0, 1);
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty()) out.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

// Applies one FIELD=VALUE to the claim; returns an error message or "".
std::string apply_set(core::Claim& c, const std::string& field, const std::string& v,
                      json& changes) {
  json before;
  json after;
  if (field == "speaker" || field == "speaker.name") {
    before = speaker_json(c);
    if (v.empty())
      c.speaker.reset();
    else if (c.speaker)
      c.speaker->name = v;
    else
      c.speaker = core::Speaker{v, core::SpeakerBasis::Attributed, {}};
    after = speaker_json(c);
  } else if (field == "speaker.role" || field == "speaker.basis") {
    if (!c.speaker) return "the claim has no speaker: set speaker first";
    before = speaker_json(c);
    if (field == "speaker.role") {
      c.speaker->role = v;
    } else {
      auto b = core::speaker_basis_from_string(v);
      if (!b) return "speaker.basis is quoted, reported, attributed or outlet";
      c.speaker->basis = *b;
    }
    after = speaker_json(c);
  } else if (field == "probability") {
    before = c.probability ? json(*c.probability) : json(nullptr);
    auto p = parse_probability(v);
    if (!p) return "a probability is a number in [0, 1], not '" + v + "'";
    c.probability = *p;
    c.probability_basis = core::ProbabilityBasis::Explicit;
    after = *p;
  } else if (field == "deadline.end" || field == "deadline.start") {
    auto& slot = field == "deadline.end" ? c.deadline.end : c.deadline.start;
    before = slot ? json(core::format_date(*slot)) : json(nullptr);
    auto d = core::parse_date(v);
    if (!d) return d.error().message;
    slot = *d;
    if (c.deadline.end && *c.deadline.end < c.stated_on)
      return "deadline.end lies before the statement date " + core::format_date(c.stated_on);
    if (c.deadline.start && c.deadline.end && *c.deadline.end < *c.deadline.start)
      return "deadline.end lies before deadline.start";
    c.deadline.basis = core::DeadlineBasis::Stated;
    after = core::format_date(*d);
  } else if (field == "topics") {
    before = c.topics;
    c.topics = split_list(v);
    after = c.topics;
  } else if (field == "condition") {
    before = c.condition ? json(*c.condition) : json(nullptr);
    if (v.empty())
      c.condition.reset();
    else
      c.condition = v;
    after = c.condition ? json(*c.condition) : json(nullptr);
  } else if (field == "kind") {
    auto k = core::claim_kind_from_string(v);
    if (!k) return "kind is prediction or factual";
    before = core::to_string(c.kind);
    c.kind = *k;
    after = v;
  } else {
    return "unknown field '" + field +
           "' (speaker, speaker.role, speaker.basis, probability, deadline.start, "
           "deadline.end, topics, condition, kind)";
  }
  changes[field] = json{{"from", before}, {"to", after}};
  return {};
}

int run_review(Context& ctx, const ReviewFlags& f) {
  static const std::pair<const char*, core::Review> kActions[] = {
      {"accept", core::Review::Accepted},
      {"reject", core::Review::Rejected},
      {"edit", core::Review::Edited}};
  std::optional<core::Review> status;
  for (const auto& [name, r] : kActions)
    if (f.action == name) status = r;
  if (!status) {
    ctx.err << "hindsight: usage error: the action is accept, reject or edit, not '" << f.action
            << "'\n";
    return kExitUsage;
  }
  if (*status != core::Review::Edited && !f.sets.empty()) {
    ctx.err << "hindsight: usage error: --set goes with edit\n";
    return kExitUsage;
  }
  if (*status == core::Review::Edited && f.sets.empty()) {
    ctx.err << "hindsight: usage error: edit needs at least one --set FIELD=VALUE\n";
    return kExitUsage;
  }
  store::Database db(ctx.db_path);
  store::ResolutionStore lookup(db);
  auto ids = lookup.claims_with_prefix(f.claim, 2);
  if (ids.size() != 1) {
    ctx.err << "hindsight: error: "
            << (ids.empty() ? "no claim " + f.claim + " in the ledger"
                            : "claim id " + f.claim + " is ambiguous (give more digits)")
            << "\n";
    return kExitError;
  }
  store::ClaimStore claims(db);
  auto claim = claims.get(ids[0]);
  if (!claim) {
    ctx.err << "hindsight: error: no claim " << f.claim << " in the ledger\n";
    return kExitError;
  }
  json changes = json::object();
  for (const auto& set : f.sets) {
    auto eq = set.find('=');
    if (eq == std::string::npos || eq == 0) {
      ctx.err << "hindsight: usage error: --set " << set << ": write FIELD=VALUE\n";
      return kExitUsage;
    }
    auto message = apply_set(*claim, set.substr(0, eq), set.substr(eq + 1), changes);
    if (!message.empty()) {
      ctx.err << "hindsight: error: --set " << set << ": " << message << "\n";
      return kExitError;
    }
  }
  changes["review"] =
      json{{"from", core::to_string(claim->review)}, {"to", core::to_string(*status)}};
  claim->review = *status;
  claims.review(*claim, store::ReviewChange{f.action, f.by, ctx.now, changes.dump()});
  ctx.err << fmt::format("{} {} by {}\n", claim->id, core::to_string(*status), f.by);
  return kExitOk;
}

}  // namespace

void add_review_command(CLI::App& app, Action& action) {
  auto f = std::make_shared<ReviewFlags>();
  auto* cmd =
      app.add_subcommand("review", "Accept, reject or edit a claim (recorded with who and when)");
  cmd->add_option("claim", f->claim, "The claim id (or a unique prefix)")->required();
  cmd->add_option("action", f->action, "accept, reject or edit")->required();
  cmd->add_option(
      "--set", f->sets,
      "FIELD=VALUE to change (edit): speaker, speaker.role, speaker.basis, "
      "probability, deadline.start, deadline.end, topics (comma list), condition, kind");
  cmd->add_option("--by", f->by, "Who reviews")->required();
  cmd->callback([&action, f] { action = [f](Context& ctx) { return run_review(ctx, *f); }; });
}

}  // namespace hindsight::cli
