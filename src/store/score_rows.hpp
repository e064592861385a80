// What a scorecard reads from the ledger: per prediction only the fields scoring needs
// and its verdict as of a date, streamed in a few sequential scans (no claim text, no
// whole claims), so that a scorecard over a million claims takes well under a second.
// The texts of the few open predictions a scorecard lists are read by id afterwards.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/claim.hpp"
#include "core/date.hpp"
#include "core/outcome.hpp"
#include "store/database.hpp"

namespace hindsight::store {

// The list ScoreRows::scan attaches to each row, besides the claim's own columns.
enum class ScoreList { None, Topics, Appearances };

// One prediction as a scorecard sees it. The views live until `each` returns.
struct ScoreRow {
  std::string_view id;
  std::string_view article;
  std::int64_t span_start = 0;
  std::optional<std::string_view> speaker;  // nullopt: no speaker named
  core::SpeakerBasis basis = core::SpeakerBasis::Outlet;
  core::Date stated_on;
  std::optional<double> probability;
  std::optional<core::Date> deadline_end;
  std::optional<core::Outcome> outcome;  // its latest confirmed verdict as of the date
  std::optional<double> credit;
  std::span<const std::string_view> list;  // its topics, or its appearances' article ids
};

// What the open-predictions list shows of a claim besides what the scan gave.
struct OpenText {
  std::string text;
  std::string deadline_phrase;
};

class ScoreRows {
 public:
  // Works on `db`, which must outlive it. Methods throw core::Failure on SQL errors
  // or a corrupt row.
  explicit ScoreRows(Database& db);

  // Calls `each` for every claim that counts in a scorecard as of `as_of` — a
  // prediction, not rejected, stated on or before as_of — in no particular order,
  // with the verdict of its latest confirmed resolution (highest id) whose as_of is
  // on or before `as_of` (none: open), and the list asked for, sorted.
  void scan(const core::Date& as_of, ScoreList list,
            const std::function<void(const ScoreRow&)>& each);

  // The text and deadline phrase of the claims `ids`, by id (unknown ids are absent).
  std::map<std::string, OpenText> open_texts(const std::vector<std::string>& ids);

 private:
  Database& m_db;
};

}  // namespace hindsight::store
