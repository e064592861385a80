#include "report/ledger_yaml.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

namespace hindsight::report {

namespace {

using nlohmann::json;

// The shortest text that reads back as the same double (fmt's round-trip format).
std::string number(double x) {
  return fmt::format("{}", x);
}

void span(YAML::Emitter& e, const core::Span& s) {
  e << YAML::Flow << YAML::BeginSeq << s.start << s.end << YAML::EndSeq;
}

void strings(YAML::Emitter& e, const std::vector<std::string>& items) {
  e << YAML::Flow << YAML::BeginSeq;
  for (const auto& s : items) e << s;
  e << YAML::EndSeq;
}

// JSON as YAML: objects and arrays as maps and sequences, string values always
// quoted (so a string that looks like a number stays a string), numbers, booleans
// and null plain, exactly as JSON writes them. Keys need no quotes: the reader takes
// every key as a string.
void json_value(YAML::Emitter& e, const json& j) {
  if (j.is_object()) {
    if (j.empty()) {
      e << YAML::Flow << YAML::BeginMap << YAML::EndMap;
      return;
    }
    e << YAML::BeginMap;
    for (const auto& [k, v] : j.items()) {
      e << YAML::Key << k << YAML::Value;  // keys are strings whatever they look like
      json_value(e, v);
    }
    e << YAML::EndMap;
  } else if (j.is_array()) {
    if (j.empty()) {
      e << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
      return;
    }
    e << YAML::BeginSeq;
    for (const auto& v : j) json_value(e, v);
    e << YAML::EndSeq;
  } else if (j.is_string()) {
    e << YAML::DoubleQuoted << j.get<std::string>();
  } else if (j.is_null()) {
    e << YAML::Null;  // "~": the emitter would quote the word null as a string
  } else if (j.is_boolean()) {
    e << YAML::TrueFalseBool << j.get<bool>();
  } else {
    e << j.dump();  // a number, in JSON's own spelling
  }
}

// JSON text stored in the database, written as YAML. Text that is not JSON (it
// should not happen) is kept as a quoted string under the key "text".
void json_text(YAML::Emitter& e, const std::string& text) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) j = json{{"text", text}};
  json_value(e, j);
}

void article_block(YAML::Emitter& e, const core::Article& a) {
  e << YAML::Key << "article" << YAML::Value << YAML::BeginMap;
  e << YAML::Key << "id" << YAML::Value << a.id;
  e << YAML::Key << "outlet" << YAML::Value << a.outlet;
  e << YAML::Key << "title" << YAML::Value << a.title;
  e << YAML::Key << "url" << YAML::Value << a.url;
  if (a.published) e << YAML::Key << "published" << YAML::Value << core::format_date(*a.published);
  e << YAML::Key << "source" << YAML::Value << a.source;
  e << YAML::EndMap;
}

void speaker(YAML::Emitter& e, const core::Speaker& s) {
  e << YAML::Key << "speaker" << YAML::Value << YAML::BeginMap;
  e << YAML::Key << "name" << YAML::Value << s.name;
  e << YAML::Key << "basis" << YAML::Value << core::to_string(s.basis);
  if (!s.role.empty()) e << YAML::Key << "role" << YAML::Value << s.role;
  e << YAML::EndMap;
}

void deadline(YAML::Emitter& e, const core::Deadline& d) {
  e << YAML::Key << "deadline" << YAML::Value << YAML::BeginMap;
  if (d.start) e << YAML::Key << "start" << YAML::Value << core::format_date(*d.start);
  if (d.end) e << YAML::Key << "end" << YAML::Value << core::format_date(*d.end);
  if (!d.phrase.empty()) e << YAML::Key << "phrase" << YAML::Value << d.phrase;
  e << YAML::Key << "basis" << YAML::Value << core::to_string(d.basis);
  e << YAML::EndMap;
}

void appearances(YAML::Emitter& e, const std::vector<core::Appearance>& list) {
  e << YAML::Key << "appearances" << YAML::Value << YAML::BeginSeq;
  for (const auto& a : list) {
    e << YAML::Flow << YAML::BeginMap << YAML::Key << "article" << YAML::Value << a.article;
    e << YAML::Key << "span" << YAML::Value;
    span(e, a.span);
    if (a.raw) {
      e << YAML::Key << "raw_span" << YAML::Value;
      span(e, *a.raw);
    }
    e << YAML::EndMap;
  }
  e << YAML::EndSeq;
}

void parts(YAML::Emitter& e, const std::vector<core::ClaimPart>& list) {
  e << YAML::Key << "parts" << YAML::Value << YAML::BeginSeq;
  for (const auto& p : list) {
    e << YAML::BeginMap << YAML::Key << "text" << YAML::Value << p.text;
    if (p.probability) e << YAML::Key << "probability" << YAML::Value << number(*p.probability);
    e << YAML::Key << "topics" << YAML::Value;
    strings(e, p.topics);
    e << YAML::EndMap;
  }
  e << YAML::EndSeq;
}

void claim_fields(YAML::Emitter& e, const core::Claim& c) {
  e << YAML::Key << "id" << YAML::Value << c.id;
  e << YAML::Key << "kind" << YAML::Value << core::to_string(c.kind);
  e << YAML::Key << "review" << YAML::Value << core::to_string(c.review);
  e << YAML::Key << "text" << YAML::Value << c.text;
  e << YAML::Key << "span" << YAML::Value;
  span(e, c.span);
  appearances(e, c.appearances);
  if (c.speaker) speaker(e, *c.speaker);
  e << YAML::Key << "stated_on" << YAML::Value << core::format_date(c.stated_on);
  if (!c.cue.empty()) e << YAML::Key << "cue" << YAML::Value << c.cue;
  if (c.probability) e << YAML::Key << "probability" << YAML::Value << number(*c.probability);
  e << YAML::Key << "probability_basis" << YAML::Value << core::to_string(c.probability_basis);
  deadline(e, c.deadline);
  if (c.condition) e << YAML::Key << "condition" << YAML::Value << *c.condition;
  if (c.duration) e << YAML::Key << "duration" << YAML::Value << *c.duration;
  if (!c.proposition.empty()) e << YAML::Key << "proposition" << YAML::Value << c.proposition;
  e << YAML::Key << "topics" << YAML::Value;
  strings(e, c.topics);
  if (!c.parts.empty()) parts(e, c.parts);
}

void reviews(YAML::Emitter& e, const std::vector<core::ReviewEntry>& list) {
  e << YAML::Key << "reviews" << YAML::Value << YAML::BeginSeq;
  for (const auto& r : list) {
    e << YAML::BeginMap;
    e << YAML::Key << "action" << YAML::Value << r.action;
    e << YAML::Key << "by" << YAML::Value << r.by;
    e << YAML::Key << "at" << YAML::Value << r.at;
    e << YAML::Key << "changes" << YAML::Value;
    json_text(e, r.changes);
    e << YAML::EndMap;
  }
  e << YAML::EndSeq;
}

void resolutions(YAML::Emitter& e, const std::vector<core::Resolution>& list) {
  e << YAML::Key << "resolutions" << YAML::Value << YAML::BeginSeq;
  for (const auto& r : list) {
    e << YAML::BeginMap;
    e << YAML::Key << "outcome" << YAML::Value << core::to_string(r.outcome);
    if (r.credit) e << YAML::Key << "credit" << YAML::Value << number(*r.credit);
    // Superseded is computed on read, never stored: a superseded verdict was confirmed.
    auto state =
        r.state == core::ResolutionState::Superseded ? core::ResolutionState::Confirmed : r.state;
    e << YAML::Key << "state" << YAML::Value << core::to_string(state);
    e << YAML::Key << "as_of" << YAML::Value << core::format_date(r.as_of);
    e << YAML::Key << "by" << YAML::Value << r.by;
    e << YAML::Key << "recorded_at" << YAML::Value << r.recorded_at;
    e << YAML::Key << "evidence" << YAML::Value;
    strings(e, r.evidence);
    if (!r.note.empty()) e << YAML::Key << "note" << YAML::Value << r.note;
    e << YAML::Key << "trace" << YAML::Value;
    json_text(e, r.trace.empty() ? "{}" : r.trace);
    e << YAML::EndMap;
  }
  e << YAML::EndSeq;
}

}  // namespace

std::string ledger_marker_yaml() {
  return "# A hindsight ledger: one file per article with its reviewed claims, their\n"
         "# reviews and verdicts. Written by `hindsight export yaml`, read back by\n"
         "# `hindsight import` (after the articles themselves).\n"
         "format: 1\n";
}

std::string ledger_file_name(const core::LedgerArticle& article) {
  return article.article.id + ".yaml";
}

std::string ledger_yaml(const core::LedgerArticle& la) {
  YAML::Emitter e;
  e.SetIndent(2);
  e << YAML::BeginMap;
  e << YAML::Key << "format" << YAML::Value << 1;
  article_block(e, la.article);
  e << YAML::Key << "claims" << YAML::Value << YAML::BeginSeq;
  for (const auto& lc : la.claims) {
    e << YAML::BeginMap;
    claim_fields(e, lc.claim);
    reviews(e, lc.reviews);
    resolutions(e, lc.resolutions);
    e << YAML::EndMap;
  }
  e << YAML::EndSeq << YAML::EndMap;
  return "# hindsight ledger: the reviewed claims of one article (export yaml).\n" +
         std::string(e.c_str()) + "\n";
}

}  // namespace hindsight::report
