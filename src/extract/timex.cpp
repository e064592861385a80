// The public side of the time-expression normalizer: scanning a text for
// expressions, choosing the one a phrase is about, and guessing from its verbs
// whether a phrase speaks of the past.
#include "extract/timex.hpp"

#include <algorithm>

#include "extract/timex_internal.hpp"

namespace hindsight::extract {

namespace {

using timex::Found;
using timex::one_of;
using timex::Token;
using timex::TokKind;

// Token storage reused from call to call, so that a batch of phrases does not
// allocate for each one.
struct Scratch {
  std::vector<Token> tokens;
  std::string lower;
  std::vector<timex::CalendarMemo> memo;
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

TimeExpression to_expression(std::string_view text, const std::vector<Token>& toks,
                             const Found& f) {
  std::size_t last = f.next - 1;
  // "this week's": the possessive is not part of the phrase.
  while (last > f.first && (toks[last].lower == "'s" || toks[last].lower == "'")) --last;
  TimeExpression e;
  e.span = core::Span{toks[f.first].start, toks[last].end};
  e.phrase = std::string(text.substr(e.span.start, e.span.size()));
  e.start = f.start;
  e.end = f.end;
  e.role = f.role;
  e.basis = f.basis;
  return e;
}

// An "-ed" word that is a past-tense verb rather than a participle after "is" or
// an adjective after "the".
bool past_ed(const std::vector<Token>& toks, std::size_t i) {
  const std::string_view w = toks[i].lower;
  if (w.size() < 5 || w.substr(w.size() - 2) != "ed" || w.substr(w.size() - 3) == "eed")
    return false;
  if (one_of(w, {"proposed", "limited", "united", "advanced", "detailed", "based", "related",
                 "concerned", "interested", "required", "needed", "supposed", "used"}))
    return false;
  return i == 0 || !one_of(toks[i - 1].lower,
                           {"is",  "are",  "be",   "been",  "being", "to",   "will", "would",
                            "the", "a",    "an",   "its",   "their", "his",  "her",  "our",
                            "of",  "this", "that", "these", "those", "newly"});
}

bool past_tokens(const std::vector<Token>& toks) {
  bool past = false;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].kind != TokKind::Word) continue;
    const timex::WordInfo* info = toks[i].info;
    if (info && info->future_cue) return false;
    past = past || (info && info->past_form) || past_ed(toks, i);
  }
  return past;
}

}  // namespace

std::vector<TimeExpression> find_time_expressions(std::string_view text, core::Date anchor,
                                                  bool future) {
  Scratch& s = scratch();
  timex::tokenize(text, s.tokens, s.lower);
  const timex::Matcher m(s.tokens, anchor, future, s.memo);
  std::vector<TimeExpression> out;
  for (std::size_t i = 0; i < s.tokens.size();) {
    if (auto f = m.at(i)) {
      out.push_back(to_expression(text, s.tokens, *f));
      i = f->next;
    } else {
      ++i;
    }
  }
  return out;
}

bool speaks_of_past(std::string_view text) {
  Scratch& s = scratch();
  timex::tokenize(text, s.tokens, s.lower);
  return past_tokens(s.tokens);
}

std::optional<TimeExpression> normalize_time(std::string_view phrase, core::Date anchor) {
  Scratch& s = scratch();
  timex::tokenize(phrase, s.tokens, s.lower);
  const timex::Matcher m(s.tokens, anchor, !past_tokens(s.tokens), s.memo);
  // The strongest expression (a date over a named election over "soon"), the
  // longest among equals, the first among those.
  std::optional<Found> best;
  for (std::size_t i = 0; i < s.tokens.size();) {
    auto f = m.at(i);
    if (!f) {
      ++i;
      continue;
    }
    const auto len = [&](const Found& x) {
      return s.tokens[x.next - 1].end - s.tokens[x.first].start;
    };
    if (!best || f->strength > best->strength ||
        (f->strength == best->strength && len(*f) > len(*best)))
      best = f;
    i = f->next;
  }
  if (!best) return std::nullopt;
  return to_expression(phrase, s.tokens, *best);
}

core::Date default_horizon_end(core::Date stated_on) {
  return timex::add_amount(stated_on, timex::Amount{12, 0}, 1);
}

const char* to_string(TimeRole role) {
  switch (role) {
    case TimeRole::Deadline:
      return "deadline";
    case TimeRole::Point:
      return "point";
    case TimeRole::Start:
      return "start";
    case TimeRole::Past:
      return "past";
    case TimeRole::Duration:
      return "duration";
    case TimeRole::Open:
      return "open";
  }
  return "deadline";
}

}  // namespace hindsight::extract
