// The extractor's field builders: deadline, appearances, merging within an article.
#include <fmt/format.h>

#include "extract/extractor_internal.hpp"
#include "extract/matching.hpp"
#include "extract/timex.hpp"
#include "extract/tokens.hpp"

namespace hindsight::extract::detail {

namespace {

// "this week's meeting": a time expression that names an event, not a deadline.
bool possessive_after(std::string_view text, std::size_t end) {
  auto rest = text.substr(end);
  return rest.starts_with("'s") || rest.starts_with("\xE2\x80\x99s") || rest.starts_with("'") ||
         rest.starts_with("\xE2\x80\x99 ");
}

// The last word of `tokens`, skipping one preposition ("began on Monday").
std::string word_before(const std::vector<Token>& tokens) {
  std::size_t i = tokens.size();
  if (i > 0 &&
      (tokens[i - 1].lower == "on" || tokens[i - 1].lower == "in" || tokens[i - 1].lower == "last"))
    --i;
  return i > 0 ? tokens[i - 1].lower : std::string();
}

// "began Monday", "introduced in April": a time that dates a past event.
bool after_past_verb(std::string_view text, std::size_t at) {
  static const char* kPast[] = {"began", "met", "came", "went", "said",  "took", "held", "was",
                                "were",  "had", "did",  "made", "began", "won",  "lost"};
  // The text before the time, tokenized once for both questions.
  auto tokens = tokenize(text.substr(0, at));
  auto w = word_before(tokens);
  // "due to be held on November 5", "will be signed in May": a future passive.
  for (std::size_t i = tokens.size(); i-- > 0;) {
    if (tokens[i].lower != w) continue;
    if (i > 0 && (tokens[i - 1].lower == "be" || tokens[i - 1].lower == "to")) return false;
    break;
  }
  if (w.size() > 4 && w.ends_with("ed")) return true;
  for (auto* p : kPast)
    if (w == p) return true;
  return false;
}

// Nouns of scheduled events that a possessive time can date ("this week's summit").
bool names_event(std::string_view rest) {
  static const char* kEvents[] = {"summit",  "meeting", "talks",      "visit",   "negotiations",
                                  "session", "vote",    "conference", "election"};
  auto tokens = tokenize(rest.substr(0, std::min<std::size_t>(rest.size(), 40)));
  // tokens: ["'s" or "’s" pieces..., noun]; the noun is the first word token.
  for (const auto& t : tokens) {
    if (t.lower == "s" || t.lower == "'" || t.lower == "\xE2\x80\x99" || t.lower == "'s" ||
        t.lower == "\xE2\x80\x99s")
      continue;
    for (auto* e : kEvents)
      if (t.lower == e) return true;
    return false;
  }
  return false;
}

}  // namespace

std::optional<TimeExpression> event_time(std::string_view sentence, core::Date stated_on) {
  for (const auto& e : find_time_expressions(sentence, stated_on, true)) {
    if (e.role != TimeRole::Deadline && e.role != TimeRole::Point) continue;
    if (!e.end || *e.end < stated_on || !possessive_after(sentence, e.span.end)) continue;
    if (names_event(sentence.substr(e.span.end))) return e;
  }
  return std::nullopt;
}

void fill_deadline(core::Claim& claim, std::string_view text, std::size_t offset,
                   const std::vector<std::pair<std::size_t, std::size_t>>& skip,
                   std::vector<std::string>& notes) {
  core::Deadline deadline;
  deadline.start = claim.stated_on;
  deadline.end = default_horizon_end(claim.stated_on);
  deadline.basis = core::DeadlineBasis::Default;
  bool found = false;
  for (const auto& e : find_time_expressions(text, claim.stated_on, true)) {
    bool skipped = false;
    for (const auto& [first, last] : skip)
      skipped = skipped || (e.span.start >= first && e.span.end <= last);
    if (skipped || possessive_after(text, e.span.end)) continue;
    if (e.role != TimeRole::Duration && after_past_verb(text, e.span.start)) continue;
    switch (e.role) {
      case TimeRole::Past:
        break;
      case TimeRole::Duration:
        if (!claim.duration) claim.duration = e.phrase;
        break;
      case TimeRole::Open:
        if (!found && deadline.phrase.empty()) deadline.phrase = e.phrase;
        break;
      case TimeRole::Deadline:
      case TimeRole::Point:
      case TimeRole::Start: {
        if (found) break;
        auto end = e.end ? e.end : std::optional<core::Date>{};
        if (!end && e.start) {
          // An open-ended start ("from November 10"): the default horizon closes it.
          end = default_horizon_end(std::max(claim.stated_on, *e.start));
        }
        if (!end) break;
        if (*end < claim.stated_on) {
          notes.push_back(
              fmt::format("{}: deadline \"{}\" ({}) lies before the statement date {}; the default "
                          "horizon is used instead",
                          offset + e.span.start, e.phrase, core::format_date(*end),
                          core::format_date(claim.stated_on)));
          break;
        }
        deadline.start = e.start ? e.start : claim.stated_on;
        deadline.end = end;
        deadline.phrase = e.phrase;
        deadline.basis = e.basis == core::DeadlineBasis::Inferred ? core::DeadlineBasis::Inferred
                                                                  : core::DeadlineBasis::Stated;
        found = true;
        break;
      }
    }
  }
  claim.deadline = deadline;
}

std::vector<core::Appearance> appearances_of(const core::Article& article, core::Span span) {
  for (const auto& rp : article.repeats) {
    if (!rp.kept.contains(span) || rp.raw.empty()) continue;
    std::vector<core::Appearance> out;
    for (const auto& raw : rp.raw) {
      core::Span r{raw.start + (span.start - rp.kept.start),
                   raw.start + (span.end - rp.kept.start)};
      out.push_back({article.id, span, r});
    }
    return out;
  }
  return {core::Appearance{article.id, span, std::nullopt}};
}

std::vector<core::Claim> merge_in_article(std::vector<core::Claim> claims) {
  std::vector<core::Claim> out;
  std::vector<TextKey> keys;  // of out's texts: each text folded and split once
  for (auto& c : claims) {
    auto key = text_key(c.text);
    bool merged = false;
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (same_in_article(out[i], keys[i], c, key)) {
        add_appearances(out[i], c);
        merged = true;
        break;
      }
    }
    if (!merged) {
      out.push_back(std::move(c));
      keys.push_back(std::move(key));
    }
  }
  return out;
}

core::Span span_of(const std::vector<Token>& tokens, TokenRange range, std::size_t offset) {
  std::size_t last = range.last;
  // A clause does not end with its separating comma.
  while (last > range.first + 1 && (tokens[last - 1].text == "," || tokens[last - 1].text == ";"))
    --last;
  return {offset + tokens[range.first].start, offset + tokens[last - 1].end};
}

}  // namespace hindsight::extract::detail
