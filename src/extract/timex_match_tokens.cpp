// The matcher's view of its tokens: single words, punctuation, and whole phrases
// compared against the text, where a hyphen and a space are the same.
#include <algorithm>

#include "extract/timex_internal.hpp"

namespace hindsight::extract::timex {

Matcher::Matcher(const std::vector<Token>& toks, Date anchor, bool future,
                 std::vector<CalendarMemo>& memo)
    : m_t(toks), m_anchor(anchor), m_future(future), m_memo(memo) {
  m_memo.assign(toks.size() + 1, CalendarMemo{});
  m_cased = std::any_of(toks.begin(), toks.end(), [](const Token& t) { return t.capitalized; });
}

bool Matcher::word(std::size_t i, std::string_view w) const {
  // The first letter first: most comparisons fail there, without a call to memcmp.
  return i < m_t.size() && m_t[i].kind == TokKind::Word && m_t[i].lower.size() == w.size() &&
         m_t[i].lower[0] == w[0] && m_t[i].lower == w;
}

bool Matcher::punct(std::size_t i, std::string_view p) const {
  return i < m_t.size() && m_t[i].kind == TokKind::Punct && m_t[i].lower == p;
}

bool Matcher::number(std::size_t i) const {
  return i < m_t.size() && m_t[i].kind == TokKind::Number && !m_t[i].grouped && !m_t[i].half;
}

std::size_t Matcher::skip_possessive(std::size_t i) const {
  return (word(i, "'s") || punct(i, "'")) ? i + 1 : i;
}

std::size_t Matcher::words(std::size_t i, std::string_view phrase) const {
  // Most calls fail on the first word: reject them before splitting the phrase.
  if (i >= m_t.size()) return 0;
  const std::string_view first = m_t[i].lower;
  if (first.empty() || phrase.size() < first.size() || phrase[0] != first[0] ||
      phrase.compare(0, first.size(), first) != 0 ||
      (phrase.size() > first.size() && phrase[first.size()] != ' ' && phrase[first.size()] != '-'))
    return 0;
  std::size_t j = i;
  while (!phrase.empty()) {
    const std::size_t sp = phrase.find(' ');
    std::string_view w = phrase.substr(0, sp);
    phrase = sp == std::string_view::npos ? std::string_view() : phrase.substr(sp + 1);
    // "not-too-distant", "run-up": a written hyphen may stand for a space.
    if (j > i && punct(j, "-") && !m_t[j].space_before) ++j;
    // A hyphen inside the phrase may be written as a space too ("run up").
    while (!w.empty()) {
      const std::size_t dash = w.find('-');
      const std::string_view part = w.substr(0, dash);
      if (j >= m_t.size() || m_t[j].lower != part) return 0;
      ++j;
      if (dash == std::string_view::npos) break;
      w = w.substr(dash + 1);
      if (punct(j, "-")) ++j;
    }
  }
  return j;
}

}  // namespace hindsight::extract::timex
