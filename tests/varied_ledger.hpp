// A deterministic ledger of a few hundred varied claims for the tests of the lean
// scorecard path: unknown speakers, the outlet's own voice, quoted and reported
// speakers, claims printed by two outlets, articles without an outlet, topics or none,
// partial credit with and without a credit, void and ambiguous verdicts, several
// verdicts per claim with as_of out of order, proposals, factual and rejected claims,
// claims stated after the scorecard's date, ties of article and span.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/article.hpp"
#include "core/ledger.hpp"

namespace varied_ledger {

using namespace hindsight;

inline core::Date plus_days(const char* iso, unsigned n) {
  return core::Date{date::sys_days{*core::parse_date(iso)} + date::days{n}};
}

inline std::vector<core::Article> articles() {
  std::vector<core::Article> out;
  auto add = [&](const char* id, const char* outlet, const char* title) {
    core::Article a;
    a.id = id;
    a.outlet = outlet;
    a.title = title;
    a.raw_text = a.text = std::string("The text of ") + id + ".";
    out.push_back(a);
  };
  add("a1", "Daily", "Title one");
  add("a2", "Wire", "Title two");
  add("a3", "", "No outlet");
  add("a4", "Daily", "Title four");
  return out;
}

inline std::vector<core::LedgerClaim> claims(int n = 400) {
  std::uint32_t state = 20250727;
  auto next = [&] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  const char* speakers[] = {"Ana", "Ben", "Daily", "Chen", "<b>Zoe</b>"};
  const char* topics[] = {"economy", "trade.truce", "summit"};
  const char* article_ids[] = {"a1", "a2", "a3", "a4"};
  std::vector<core::LedgerClaim> out;
  for (int i = 0; i < n; ++i) {
    core::LedgerClaim lc;
    auto& c = lc.claim;
    c.id = "k" + std::to_string(next() % 100000) + "-" + std::to_string(i);
    if (i % 7 == 0) c.id += "-a-longer-identifier";  // past the 16 bytes kept inline
    c.text = "Claim number " + std::to_string(i) + " will come true.";
    c.article = article_ids[next() % 4];
    std::size_t start = next() % 4 * 10;
    c.span = {start, start + 5};
    c.appearances.push_back(core::Appearance{c.article, c.span, std::nullopt});
    if (next() % 3 == 0)
      c.appearances.push_back(core::Appearance{article_ids[next() % 4], {50, 60}, std::nullopt});
    if (next() % 6 != 0)
      c.speaker =
          core::Speaker{speakers[next() % 5], static_cast<core::SpeakerBasis>(next() % 4), ""};
    c.stated_on = plus_days("2025-01-01", next() % 520);
    if (next() % 13 == 0) c.kind = core::ClaimKind::Factual;
    auto review = next() % 11;
    c.review = review == 0  ? core::Review::Rejected
               : review < 4 ? core::Review::Accepted
                            : core::Review::Candidate;
    auto p = next() % 20;
    if (p == 0) {
    } else if (p == 1) {
      c.probability = 0.5;
    } else if (p == 2) {
      c.probability = 0.3;
    } else {
      c.probability = static_cast<double>(next() % 101) / 100.0;
    }
    if (next() % 5 != 0) {
      c.deadline.end = plus_days("2025-03-01", next() % 500);
      c.deadline.phrase = "by deadline " + std::to_string(i);
      c.deadline.basis = core::DeadlineBasis::Stated;
    }
    auto t = next() % 4;
    for (unsigned k = 0; k < t && k < 3; ++k) c.topics.push_back(topics[(i + k) % 3]);
    auto verdicts = next() % 4;
    for (unsigned k = 0; k < verdicts; ++k) {
      core::Resolution r;
      r.outcome = static_cast<core::Outcome>(next() % 5);
      if (r.outcome == core::Outcome::Partial && next() % 4 != 0)
        r.credit = static_cast<double>(next() % 5) / 4.0;
      r.as_of = plus_days("2025-06-01", next() % 400);
      r.by = k % 2 ? "alice" : "rule:r@1#0";
      r.note = "verdict " + std::to_string(k);
      r.trace = "{}";
      r.state =
          next() % 5 == 0 ? core::ResolutionState::Proposed : core::ResolutionState::Confirmed;
      r.recorded_at = "2026-01-01T00:00:00Z";
      lc.resolutions.push_back(r);
    }
    out.push_back(std::move(lc));
  }
  return out;
}

}  // namespace varied_ledger
