// A scorecard built while a ledger is read, one prediction at a time, from the few
// fields scoring needs: it never holds whole claims, only the scored forecasts (to
// sum them in the ledger's order) and the nearest open predictions. It gives exactly
// the figures of build_scorecard over the same claims (tests/test_score_builder.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/claim.hpp"
#include "core/date.hpp"
#include "core/outcome.hpp"
#include "score/scorecard.hpp"

namespace hindsight::score {

// What scoring needs of one claim, with its verdict as of the scorecard's date. The
// views need to live only during ScorecardBuilder::add.
struct PredictionRow {
  std::string_view id;
  std::string_view article;  // the article of its first appearance
  std::int64_t span_start = 0;
  std::optional<std::string_view> speaker;  // the speaker's name; nullopt: none named
  core::SpeakerBasis basis = core::SpeakerBasis::Outlet;
  core::Date stated_on;
  std::optional<double> probability;
  std::optional<core::Date> deadline_end;
  std::optional<core::Outcome> outcome;  // the current verdict; nullopt: open
  std::optional<double> credit;
  std::span<const std::string_view> topics;       // needed for GroupBy::Topic only
  std::span<const std::string_view> appearances;  // article ids; GroupBy::Outlet only
};

// Hash of strings that also finds by string_view, so a row's key needs no copy.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// A string → index map looked up by string_view.
using StringIndex = std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>>;

class ScorecardBuilder {
 public:
  // Builds the scorecard of `options`; `articles` (outlets, titles) must outlive it.
  ScorecardBuilder(const ArticleIndex& articles, const ScorecardOptions& options);

  // Adds one prediction that counts (kind prediction, not rejected: the caller's
  // filter); one stated after options.as_of is left out here.
  void add(const PredictionRow& row);

  // The scorecard. Its open predictions (options.open_limit of them, nearest deadline
  // first) have every field but `text` and `deadline_phrase`, which the caller reads
  // by id for those few claims.
  Scorecard finish();

 private:
  // A scored prediction, kept to sum in the ledger's order (article, span, id) as
  // build_scorecard does, so that every sum is the same to the last bit.
  struct Scored {
    std::uint32_t article = 0;  // index into m_article_names
    std::int64_t span_start = 0;
    std::uint64_t order = 0;  // article rank and span start in one number, set by finish
    std::uint32_t id_at = 0;  // the id in m_ids
    std::uint32_t id_size = 0;
    std::uint32_t groups_at = 0;  // its groups in m_scored_groups
    std::uint32_t groups_size = 0;
    Forecast forecast;
  };

  std::uint32_t article_index(std::string_view id);
  std::uint32_t group_index(std::string_view key);
  void collect_groups(const PredictionRow& row);
  void tally(Tally& t, const PredictionRow& row) const;
  void offer_open(const PredictionRow& row);

  const ArticleIndex& m_articles;
  ScorecardOptions m_options;
  StringIndex m_article_ids;
  std::vector<std::string> m_article_names;
  std::vector<std::uint32_t> m_article_outlet;  // article index → its outlet's group
  StringIndex m_group_ids;
  std::vector<GroupScore> m_groups;
  GroupScore m_overall;
  std::vector<std::uint32_t> m_row_groups;  // the groups of the row being added
  std::vector<Scored> m_scored;
  std::string m_ids;
  std::vector<std::uint32_t> m_scored_groups;
  std::vector<OpenPrediction> m_open;  // a max-heap by open_before while limited
};

}  // namespace hindsight::score
