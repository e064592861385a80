// Scores extracted claims against the hand annotation tests/data/gold/seed-claims.yaml
// (the measurement of issue 3). Shared by tests/test_extract_gold.cpp (in-process) and
// tests/test_cli_extract_gold.cpp (through the real binary and a temporary ledger);
// tools/eval-extract prints its report.
//
// A gold item is matched by a claim when the item's quote, folded for case, quotes,
// dashes and white space, lies inside the text of one of the claim's appearances in
// the item's article (so a claim merged across outlets matches the items of both).
#pragma once

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/claim.hpp"
#include "core/date.hpp"
#include "util/text.hpp"

namespace gold {

struct Item {
  std::string id, file, label, kind, quote, speaker;
  std::optional<std::pair<double, double>> probability;
  std::string deadline;  // "none", "any", "" or "A..B"
  std::optional<std::pair<std::string, std::string>> deadline_band;
  std::string same_as;
};

inline std::vector<Item> load(const std::string& path) {
  std::vector<Item> items;
  auto root = YAML::LoadFile(path);
  for (const auto& n : root["claims"]) {
    Item it;
    it.id = n["id"].as<std::string>();
    it.file = n["file"].as<std::string>();
    it.label = n["label"].as<std::string>();
    it.kind = n["kind"] ? n["kind"].as<std::string>() : "prediction";
    it.quote = n["quote"].as<std::string>();
    it.speaker = n["speaker"] ? n["speaker"].as<std::string>() : "";
    if (auto p = n["probability"]) it.probability = std::pair{p[0].as<double>(), p[1].as<double>()};
    if (auto d = n["deadline_end"]) {
      if (d.IsSequence())
        it.deadline_band = std::pair{d[0].as<std::string>(), d[1].as<std::string>()};
      else
        it.deadline = d.as<std::string>();
    }
    it.same_as = n["same_as"] ? n["same_as"].as<std::string>() : "";
    items.push_back(it);
  }
  return items;
}

struct Report {
  int required = 0, required_found = 0;
  int claims = 0, claims_good = 0;
  int duplicates = 0;
  int speaker_right = 0, probability_right = 0, deadline_right = 0;
  int factual_required = 0, factual_found = 0;
  int same_as_pairs = 0, same_as_merged = 0;
  std::vector<std::string> misses;

  double recall() const { return required ? double(required_found) / required : 1.0; }
  double precision() const { return claims ? double(claims_good) / claims : 1.0; }
  double share(int n) const { return required_found ? double(n) / required_found : 1.0; }

  std::string summary() const {
    std::ostringstream o;
    o << "required predictions found: " << required_found << "/" << required << " (recall "
      << recall() << ")\n"
      << "claims matching a positive item: " << claims_good << "/" << claims << " (precision "
      << precision() << ")\n"
      << "gold items emitted twice: " << duplicates << "\n"
      << "speaker right: " << speaker_right << "/" << required_found << " (" << share(speaker_right)
      << ")\n"
      << "probability in band: " << probability_right << "/" << required_found << " ("
      << share(probability_right) << ")\n"
      << "deadline end in band: " << deadline_right << "/" << required_found << " ("
      << share(deadline_right) << ")\n"
      << "required factual claims found: " << factual_found << "/" << factual_required << "\n"
      << "same claim across articles merged: " << same_as_merged << "/" << same_as_pairs << "\n";
    for (const auto& m : misses) o << "  miss: " << m << "\n";
    return o.str();
  }
};

// `claims` with their appearances; `texts` maps article id → normalized text and
// `files` article id → seed file name.
inline Report score(const std::vector<Item>& items,
                    const std::vector<hindsight::core::Claim>& claims,
                    const std::map<std::string, std::string>& texts,
                    const std::map<std::string, std::string>& files) {
  using namespace hindsight;
  Report r;
  auto matches = [&](const core::Claim& c, const Item& it) {
    auto q = util::fold_for_match(it.quote);
    for (const auto& a : c.appearances) {
      auto f = files.find(a.article);
      if (f == files.end() || f->second != it.file) continue;
      const auto& text = texts.at(a.article);
      if (a.span.end > text.size()) continue;
      if (util::fold_for_match(text.substr(a.span.start, a.span.size())).find(q) !=
          std::string::npos)
        return true;
    }
    return false;
  };
  std::map<std::string, std::vector<std::size_t>> matched_by;  // item id → claim indexes
  for (std::size_t i = 0; i < claims.size(); ++i) {
    bool positive = false, negative = false;
    for (const auto& it : items) {
      if (!matches(claims[i], it)) continue;
      matched_by[it.id].push_back(i);
      (it.label == "negative" ? negative : positive) = true;
    }
    ++r.claims;
    if (positive && !negative) {
      ++r.claims_good;
    } else {
      r.misses.push_back(std::string(negative ? "negative item matched" : "matches no item") +
                         ": [" + core::to_string(claims[i].kind) + "] " + claims[i].text);
    }
  }
  for (const auto& it : items) {
    auto& hits = matched_by[it.id];
    if (it.label != "negative" && hits.size() > 1) {
      ++r.duplicates;
      r.misses.push_back(it.id + " emitted " + std::to_string(hits.size()) + " times");
    }
    if (it.label != "required") continue;
    if (it.kind == "factual") {
      ++r.factual_required;
      if (!hits.empty())
        ++r.factual_found;
      else
        r.misses.push_back(it.id + " (factual) not found: " + it.quote);
      continue;
    }
    ++r.required;
    if (hits.empty()) {
      r.misses.push_back(it.id + " not found: " + it.quote);
      continue;
    }
    ++r.required_found;
    const auto& c = claims[hits.front()];
    bool speaker_ok = it.speaker == "outlet"
                          ? c.speaker && c.speaker->basis == core::SpeakerBasis::Outlet
                          : c.speaker && util::fold_for_match(c.speaker->name) ==
                                             util::fold_for_match(it.speaker);
    if (speaker_ok)
      ++r.speaker_right;
    else
      r.misses.push_back(it.id + " speaker: want " + it.speaker + ", got " +
                         (c.speaker
                              ? c.speaker->name + " (" + core::to_string(c.speaker->basis) + ")"
                              : std::string("null")));
    bool p_ok =
        !it.probability || (c.probability && *c.probability >= it.probability->first - 1e-9 &&
                            *c.probability <= it.probability->second + 1e-9);
    if (p_ok)
      ++r.probability_right;
    else
      r.misses.push_back(it.id + " probability: want [" + std::to_string(it.probability->first) +
                         ", " + std::to_string(it.probability->second) + "], got " +
                         (c.probability ? std::to_string(*c.probability) : "null") + " (cue '" +
                         c.cue + "')");
    bool d_ok = true;
    if (it.deadline == "none") {
      d_ok = c.deadline.basis == core::DeadlineBasis::Default ||
             c.deadline.basis == core::DeadlineBasis::None;
    } else if (it.deadline_band) {
      auto end = c.deadline.end ? core::format_date(*c.deadline.end) : std::string();
      d_ok = !end.empty() && end >= it.deadline_band->first && end <= it.deadline_band->second;
    }
    if (d_ok)
      ++r.deadline_right;
    else
      r.misses.push_back(it.id + " deadline: want " +
                         (it.deadline_band
                              ? it.deadline_band->first + ".." + it.deadline_band->second
                              : it.deadline) +
                         ", got " + core::format_date(c.deadline.end) + " (" +
                         core::to_string(c.deadline.basis) + ", '" + c.deadline.phrase + "')");
    if (!it.same_as.empty() && it.id < it.same_as) {
      ++r.same_as_pairs;
      auto& other = matched_by[it.same_as];
      if (!other.empty() && other.front() == hits.front())
        ++r.same_as_merged;
      else
        r.misses.push_back(it.id + " and " + it.same_as + " are not one claim");
    }
  }
  return r;
}

}  // namespace gold
