#include "report/claims_csv.hpp"

#include "report/escape.hpp"
#include "score/metrics.hpp"

namespace hindsight::report {

namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ";") + s;
  return out;
}

std::string date_cell(const std::optional<core::Date>& d) {
  return d ? core::format_date(*d) : "";
}

}  // namespace

std::string claims_csv(std::span<const core::Claim> claims, const score::ArticleIndex& articles) {
  std::string out = csv_row({"id",
                             "kind",
                             "review",
                             "speaker",
                             "speaker_basis",
                             "outlet",
                             "article",
                             "title",
                             "stated_on",
                             "text",
                             "cue",
                             "probability",
                             "probability_basis",
                             "deadline_start",
                             "deadline_end",
                             "deadline_phrase",
                             "deadline_basis",
                             "condition",
                             "topics",
                             "outcome",
                             "credit",
                             "resolved_by",
                             "evidence",
                             "brier"});
  for (const auto& c : claims) {
    auto it = articles.find(c.article);
    const score::ArticleInfo* a = it == articles.end() ? nullptr : &it->second;
    auto o = score::observed(c);
    std::optional<double> brier;
    if (c.probability && o) brier = score::brier({*c.probability, *o});
    out += csv_row({csv_text(c.id),
                    core::to_string(c.kind),
                    core::to_string(c.review),
                    csv_text(c.speaker ? c.speaker->name : ""),
                    c.speaker ? core::to_string(c.speaker->basis) : "",
                    csv_text(a ? a->outlet : ""),
                    csv_text(c.article),
                    csv_text(a ? a->title : ""),
                    core::format_date(c.stated_on),
                    csv_text(c.text),
                    csv_text(c.cue),
                    csv_number(c.probability),
                    core::to_string(c.probability_basis),
                    date_cell(c.deadline.start),
                    date_cell(c.deadline.end),
                    csv_text(c.deadline.phrase),
                    core::to_string(c.deadline.basis),
                    csv_text(c.condition.value_or("")),
                    csv_text(joined(c.topics)),
                    c.outcome ? core::to_string(*c.outcome) : "",
                    csv_number(c.credit),
                    csv_text(c.resolved_by),
                    csv_text(joined(c.evidence)),
                    csv_number(brier)});
  }
  return out;
}

}  // namespace hindsight::report
