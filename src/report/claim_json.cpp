#include "report/claim_json.hpp"

namespace hindsight::report {

namespace {

using nlohmann::json;

json optional_date(const std::optional<core::Date>& d) {
  return d ? json(core::format_date(*d)) : json(nullptr);
}

json span_json(const core::Span& s) {
  return json::array({s.start, s.end});
}

}  // namespace

json claim_to_json(const core::Claim& c) {
  json appearances = json::array();
  for (const auto& a : c.appearances) {
    json item{{"article", a.article}, {"span", span_json(a.span)}};
    if (a.raw) item["raw_span"] = span_json(*a.raw);
    appearances.push_back(std::move(item));
  }
  json speaker = nullptr;
  if (c.speaker) {
    speaker = json{{"name", c.speaker->name}, {"basis", core::to_string(c.speaker->basis)}};
    speaker["role"] = c.speaker->role.empty() ? json(nullptr) : json(c.speaker->role);
  }
  json parts = json::array();
  for (const auto& p : c.parts) {
    parts.push_back(json{{"text", p.text},
                         {"probability", p.probability ? json(*p.probability) : json(nullptr)},
                         {"topics", p.topics}});
  }
  json deadline{{"start", optional_date(c.deadline.start)},
                {"end", optional_date(c.deadline.end)},
                {"phrase", c.deadline.phrase.empty() ? json(nullptr) : json(c.deadline.phrase)},
                {"basis", core::to_string(c.deadline.basis)}};
  return json{
      {"id", c.id},
      {"kind", core::to_string(c.kind)},
      {"text", c.text},
      {"article", c.article},
      {"span", span_json(c.span)},
      {"appearances", appearances},
      {"speaker", speaker},
      {"stated_on", core::format_date(c.stated_on)},
      {"cue", c.cue.empty() ? json(nullptr) : json(c.cue)},
      {"probability", c.probability ? json(*c.probability) : json(nullptr)},
      {"probability_basis", core::to_string(c.probability_basis)},
      {"deadline", deadline},
      {"condition", c.condition ? json(*c.condition) : json(nullptr)},
      {"parts", parts},
      {"topics", c.topics},
      {"proposition", c.proposition.empty() ? json(nullptr) : json(c.proposition)},
      {"duration", c.duration ? json(*c.duration) : json(nullptr)},
      {"review", core::to_string(c.review)},
      {"outcome", c.outcome ? json(core::to_string(*c.outcome)) : json(nullptr)},
      {"credit", c.credit ? json(*c.credit) : json(nullptr)},
      {"resolved_by", c.resolved_by.empty() ? json(nullptr) : json(c.resolved_by)},
      {"evidence", c.evidence},
  };
}

}  // namespace hindsight::report
