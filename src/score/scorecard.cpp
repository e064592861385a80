#include "score/scorecard.hpp"

#include <algorithm>
#include <set>

#include "score/scorecard_internal.hpp"

namespace hindsight::score {

namespace detail {

void rank(std::vector<GroupScore>& groups) {
  auto rankable = [](const GroupScore& g) { return !g.too_small && g.brier.has_value(); };
  std::sort(groups.begin(), groups.end(), [&](const GroupScore& a, const GroupScore& b) {
    if (rankable(a) != rankable(b)) return rankable(a);
    if (rankable(a) && *a.brier != *b.brier) return *a.brier < *b.brier;
    if (!rankable(a) && a.tally.scored != b.tally.scored) return a.tally.scored > b.tally.scored;
    return a.key < b.key;
  });
  int next = 1;
  for (auto& g : groups)
    if (rankable(g)) g.rank = next++;
}

bool open_before(const OpenPrediction& a, const OpenPrediction& b) {
  if (a.deadline_end.has_value() != b.deadline_end.has_value()) return a.deadline_end.has_value();
  if (a.deadline_end != b.deadline_end) return *a.deadline_end < *b.deadline_end;
  if (a.stated_on != b.stated_on) return a.stated_on < b.stated_on;
  return a.claim < b.claim;
}

void score_group(GroupScore& g, const std::vector<Forecast>& forecasts,
                 const ScorecardOptions& options) {
  g.brier = mean_brier(forecasts);
  g.log = mean_log_loss(forecasts);
  g.brier_skill = brier_skill(forecasts);
  g.hits = hit_rate(forecasts);
  g.too_small = g.tally.scored < options.min_n;
}

}  // namespace detail

const char* to_string(GroupBy by) {
  switch (by) {
    case GroupBy::Speaker:
      return "speaker";
    case GroupBy::Outlet:
      return "outlet";
    case GroupBy::Topic:
      return "topic";
    case GroupBy::Month:
      return "month";
  }
  return "?";
}

std::optional<GroupBy> group_by_from_string(std::string_view s) {
  for (auto by : {GroupBy::Speaker, GroupBy::Outlet, GroupBy::Topic, GroupBy::Month})
    if (s == to_string(by)) return by;
  return std::nullopt;
}

bool counts(const core::Claim& claim, const core::Date& as_of) {
  return claim.kind == core::ClaimKind::Prediction && claim.review != core::Review::Rejected &&
         claim.stated_on <= as_of;
}

std::optional<double> observed(const core::Claim& claim) {
  if (!claim.outcome) return std::nullopt;
  return core::observed_value(*claim.outcome, claim.credit);
}

namespace {

std::string outlet_of(const std::string& article, const ArticleIndex& articles) {
  auto it = articles.find(article);
  if (it == articles.end() || it->second.outlet.empty()) return std::string(kUnknownOutlet);
  return it->second.outlet;
}

// The outlet speaks in its own voice when the speaker basis says so, and when no
// speaker could be named at all (an unattributed "is expected to").
bool in_outlet_voice(const core::Claim& claim) {
  return !claim.speaker || claim.speaker->basis == core::SpeakerBasis::Outlet;
}

std::string month_of(const core::Date& d) {
  return core::format_date(d).substr(0, 7);
}

void add_claim(GroupScore& g, const core::Claim& c, const core::Date& as_of) {
  Tally& t = g.tally;
  ++t.predictions;
  if (!c.outcome) {
    ++t.open;
    if (c.deadline.end && *c.deadline.end < as_of) ++t.overdue;
    return;
  }
  ++t.resolved;
  if (*c.outcome == core::Outcome::Void) {
    ++t.void_count;
  } else if (*c.outcome == core::Outcome::Ambiguous) {
    ++t.ambiguous;
  } else if (c.probability && observed(c)) {
    ++t.scored;
  } else {
    ++t.unscored;
  }
}

// Fills the scores of `g` from the claims in it.
void finish(GroupScore& g, const std::vector<const core::Claim*>& members,
            const ScorecardOptions& options) {
  std::vector<Forecast> fs;
  for (const auto* c : members) {
    add_claim(g, *c, options.as_of);
    if (c->probability && observed(*c)) fs.push_back(Forecast{*c->probability, *observed(*c)});
  }
  detail::score_group(g, fs, options);
}

OpenPrediction open_item(const core::Claim& c, const ArticleIndex& articles,
                         const core::Date& as_of) {
  OpenPrediction o;
  o.claim = c.id;
  o.speaker = c.speaker ? c.speaker->name : std::string(kUnknownSpeaker);
  o.text = c.text;
  o.outlet = outlet_of(c.article, articles);
  auto it = articles.find(c.article);
  if (it != articles.end()) o.title = it->second.title;
  o.stated_on = c.stated_on;
  o.probability = c.probability;
  o.deadline_end = c.deadline.end;
  o.deadline_phrase = c.deadline.phrase;
  o.overdue = c.deadline.end && *c.deadline.end < as_of;
  return o;
}

}  // namespace

std::vector<std::string> group_keys(const core::Claim& claim, const ArticleIndex& articles,
                                    const ScorecardOptions& options) {
  std::set<std::string> keys;
  switch (options.by) {
    case GroupBy::Speaker:
      keys.insert(claim.speaker ? claim.speaker->name : std::string(kUnknownSpeaker));
      break;
    case GroupBy::Outlet:
      if (!options.include_quoted && !in_outlet_voice(claim)) break;
      keys.insert(outlet_of(claim.article, articles));
      for (const auto& a : claim.appearances) keys.insert(outlet_of(a.article, articles));
      break;
    case GroupBy::Topic:
      if (claim.topics.empty()) keys.insert(std::string(kNoTopic));
      keys.insert(claim.topics.begin(), claim.topics.end());
      break;
    case GroupBy::Month:
      keys.insert(month_of(claim.stated_on));
      break;
  }
  return {keys.begin(), keys.end()};
}

Scorecard build_scorecard(std::span<const core::Claim> claims, const ArticleIndex& articles,
                          const ScorecardOptions& options) {
  Scorecard card;
  card.options = options;
  std::map<std::string, std::vector<const core::Claim*>> members;
  std::vector<const core::Claim*> all;
  for (const auto& c : claims) {
    if (!counts(c, options.as_of)) continue;
    auto keys = group_keys(c, articles, options);
    if (keys.empty()) continue;
    for (const auto& k : keys) members[k].push_back(&c);
    all.push_back(&c);
  }
  for (const auto& [key, list] : members) {
    GroupScore g;
    g.key = key;
    finish(g, list, options);
    card.groups.push_back(std::move(g));
  }
  detail::rank(card.groups);
  card.overall.key = "all";
  finish(card.overall, all, options);

  std::vector<Forecast> fs;
  for (const auto* c : all) {
    if (c->probability && observed(*c)) fs.push_back(Forecast{*c->probability, *observed(*c)});
    if (!c->outcome) card.open.push_back(open_item(*c, articles, options.as_of));
  }
  card.calibration = calibration(fs, options.bins);
  card.murphy = murphy(fs, options.bins);
  std::sort(card.open.begin(), card.open.end(), detail::open_before);
  if (options.open_limit > 0 && card.open.size() > static_cast<std::size_t>(options.open_limit))
    card.open.resize(static_cast<std::size_t>(options.open_limit));
  return card;
}

}  // namespace hindsight::score
