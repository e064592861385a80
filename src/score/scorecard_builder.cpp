#include "score/scorecard_builder.hpp"

#include <algorithm>
#include <limits>
#include <tuple>

#include "core/failure.hpp"
#include "score/scorecard_internal.hpp"

namespace hindsight::score {

namespace {

std::uint32_t narrow(std::size_t n) {
  // 4 G groups, ids or scored predictions do not fit in memory anyway.
  if (n > std::numeric_limits<std::uint32_t>::max())
    throw core::Failure("the scorecard is too large to build");
  return static_cast<std::uint32_t>(n);
}

bool in_outlet_voice(const PredictionRow& row) {
  return !row.speaker || row.basis == core::SpeakerBasis::Outlet;
}

}  // namespace

ScorecardBuilder::ScorecardBuilder(const ArticleIndex& articles, const ScorecardOptions& options)
    : m_articles(articles), m_options(options) {
  m_overall.key = "all";
}

std::uint32_t ScorecardBuilder::article_index(std::string_view id) {
  auto it = m_article_ids.find(id);
  if (it != m_article_ids.end()) return it->second;
  auto index = narrow(m_article_names.size());
  m_article_ids.emplace(std::string(id), index);
  m_article_names.emplace_back(id);
  if (m_options.by == GroupBy::Outlet) {
    auto a = m_articles.find(m_article_names.back());
    bool known = a != m_articles.end() && !a->second.outlet.empty();
    m_article_outlet.push_back(group_index(known ? a->second.outlet : kUnknownOutlet));
  }
  return index;
}

std::uint32_t ScorecardBuilder::group_index(std::string_view key) {
  auto it = m_group_ids.find(key);
  if (it != m_group_ids.end()) return it->second;
  auto index = narrow(m_groups.size());
  m_group_ids.emplace(std::string(key), index);
  m_groups.emplace_back().key = std::string(key);
  return index;
}

// The groups of the row into m_row_groups, without duplicates (group_keys' rules).
void ScorecardBuilder::collect_groups(const PredictionRow& row) {
  m_row_groups.clear();
  switch (m_options.by) {
    case GroupBy::Speaker:
      m_row_groups.push_back(group_index(row.speaker ? *row.speaker : kUnknownSpeaker));
      break;
    case GroupBy::Outlet:
      if (!m_options.include_quoted && !in_outlet_voice(row)) break;
      m_row_groups.push_back(m_article_outlet[article_index(row.article)]);
      for (auto a : row.appearances) m_row_groups.push_back(m_article_outlet[article_index(a)]);
      break;
    case GroupBy::Topic:
      if (row.topics.empty()) m_row_groups.push_back(group_index(kNoTopic));
      for (auto t : row.topics) m_row_groups.push_back(group_index(t));
      break;
    case GroupBy::Month: {
      auto ymd = core::format_date(row.stated_on);
      m_row_groups.push_back(group_index(std::string_view(ymd).substr(0, 7)));
      break;
    }
  }
  if (m_row_groups.size() > 1) {
    std::sort(m_row_groups.begin(), m_row_groups.end());
    m_row_groups.erase(std::unique(m_row_groups.begin(), m_row_groups.end()), m_row_groups.end());
  }
}

// The counts of build_scorecard's add_claim, for one row.
void ScorecardBuilder::tally(Tally& t, const PredictionRow& row) const {
  ++t.predictions;
  if (!row.outcome) {
    ++t.open;
    if (row.deadline_end && *row.deadline_end < m_options.as_of) ++t.overdue;
    return;
  }
  ++t.resolved;
  if (*row.outcome == core::Outcome::Void) {
    ++t.void_count;
  } else if (*row.outcome == core::Outcome::Ambiguous) {
    ++t.ambiguous;
  } else if (row.probability && core::observed_value(*row.outcome, row.credit)) {
    ++t.scored;
  } else {
    ++t.unscored;
  }
}

// Keeps the row when it is among the first open_limit open predictions so far.
void ScorecardBuilder::offer_open(const PredictionRow& row) {
  auto limit = static_cast<std::size_t>(std::max(m_options.open_limit, 0));
  if (limit > 0 && m_open.size() == limit) {
    // Compare before building anything: most rows are not near the front.
    const auto& last = m_open.front();
    auto key = [](const std::optional<core::Date>& d, const core::Date& stated,
                  std::string_view id) {
      return std::make_tuple(!d.has_value(), d.value_or(core::Date{}), stated, id);
    };
    if (key(row.deadline_end, row.stated_on, row.id) >=
        key(last.deadline_end, last.stated_on, last.claim))
      return;
  }
  OpenPrediction o;
  o.claim = std::string(row.id);
  o.speaker = std::string(row.speaker ? *row.speaker : kUnknownSpeaker);
  auto a = m_articles.find(std::string(row.article));
  o.outlet = a == m_articles.end() || a->second.outlet.empty() ? std::string(kUnknownOutlet)
                                                               : a->second.outlet;
  if (a != m_articles.end()) o.title = a->second.title;
  o.stated_on = row.stated_on;
  o.probability = row.probability;
  o.deadline_end = row.deadline_end;
  o.overdue = row.deadline_end && *row.deadline_end < m_options.as_of;
  m_open.push_back(std::move(o));
  if (limit == 0) return;
  std::push_heap(m_open.begin(), m_open.end(), detail::open_before);
  if (m_open.size() > limit) {
    std::pop_heap(m_open.begin(), m_open.end(), detail::open_before);
    m_open.pop_back();
  }
}

void ScorecardBuilder::add(const PredictionRow& row) {
  if (m_options.as_of < row.stated_on) return;
  collect_groups(row);
  if (m_row_groups.empty()) return;
  for (auto g : m_row_groups) tally(m_groups[g].tally, row);
  tally(m_overall.tally, row);
  if (!row.outcome) {
    offer_open(row);
    return;
  }
  auto o = core::observed_value(*row.outcome, row.credit);
  if (!row.probability || !o) return;
  Scored s;
  s.article = article_index(row.article);
  s.span_start = row.span_start;
  s.id_at = narrow(m_ids.size());
  s.id_size = narrow(row.id.size());
  m_ids.append(row.id);
  s.groups_at = narrow(m_scored_groups.size());
  s.groups_size = narrow(m_row_groups.size());
  m_scored_groups.insert(m_scored_groups.end(), m_row_groups.begin(), m_row_groups.end());
  s.forecast = Forecast{*row.probability, *o};
  m_scored.push_back(s);
}

Scorecard ScorecardBuilder::finish() {
  // The ledger's order: article id, span start, claim id (LedgerIo::claims).
  std::vector<std::uint32_t> rank(m_article_names.size());
  {
    std::vector<std::uint32_t> order(m_article_names.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      return m_article_names[a] < m_article_names[b];
    });
    for (std::uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  }
  // One integer compare for the usual case: 24 bits of article rank above 40 bits of
  // span start (byte offsets below 1 TiB); other ledgers take the long comparison.
  bool packed = rank.size() < (1u << 24) &&
                std::all_of(m_scored.begin(), m_scored.end(), [](const Scored& s) {
                  return s.span_start >= 0 && s.span_start < (std::int64_t{1} << 40);
                });
  for (auto& s : m_scored)
    if (packed)
      s.order = std::uint64_t{rank[s.article]} << 40 | static_cast<std::uint64_t>(s.span_start);
  auto id = [&](const Scored& s) { return std::string_view(m_ids).substr(s.id_at, s.id_size); };
  std::sort(m_scored.begin(), m_scored.end(), [&](const Scored& a, const Scored& b) {
    if (packed) {
      if (a.order != b.order) return a.order < b.order;
    } else {
      if (a.article != b.article) return rank[a.article] < rank[b.article];
      if (a.span_start != b.span_start) return a.span_start < b.span_start;
    }
    return id(a) < id(b);
  });
  std::vector<std::vector<Forecast>> per_group(m_groups.size());
  std::vector<Forecast> all;
  all.reserve(m_scored.size());
  for (const auto& s : m_scored) {
    for (std::uint32_t i = 0; i < s.groups_size; ++i)
      per_group[m_scored_groups[s.groups_at + i]].push_back(s.forecast);
    all.push_back(s.forecast);
  }
  Scorecard card;
  card.options = m_options;
  for (std::size_t g = 0; g < m_groups.size(); ++g) {
    // A group named only by an article that no counted claim reached stays out.
    if (m_groups[g].tally.predictions == 0) continue;
    detail::score_group(m_groups[g], per_group[g], m_options);
    card.groups.push_back(std::move(m_groups[g]));
  }
  detail::rank(card.groups);
  detail::score_group(m_overall, all, m_options);
  card.overall = std::move(m_overall);
  card.calibration = calibration(all, m_options.bins);
  card.murphy = murphy(all, m_options.bins);
  std::sort(m_open.begin(), m_open.end(), detail::open_before);
  card.open = std::move(m_open);
  return card;
}

}  // namespace hindsight::score
