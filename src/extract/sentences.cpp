#include "extract/sentences.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <cctype>
#include <memory>

#include "core/failure.hpp"
#include "extract/tokens.hpp"

namespace hindsight::extract {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

core::Span trimmed(std::string_view text, std::size_t start, std::size_t end) {
  while (start < end && is_space(text[start])) ++start;
  while (end > start && is_space(text[end - 1])) --end;
  return {start, end};
}

// ICU's sentence boundaries as byte offsets (UText over UTF-8 keeps native offsets).
std::vector<core::Span> icu_sentences(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getUS(), status));
  if (U_FAILURE(status) || !it) {
    utext_close(ut);
    throw core::Failure(std::string("ICU sentence iterator: ") + u_errorName(status));
  }
  it->setText(ut, status);
  std::vector<core::Span> out;
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    auto span = trimmed(text, static_cast<std::size_t>(start), static_cast<std::size_t>(end));
    if (span.size() > 0) out.push_back(span);
  }
  utext_close(ut);
  return out;
}

// The last word of a sentence with its final dot ("U.S.", "Dr."), or empty.
std::string last_word_with_dot(std::string_view s) {
  if (s.empty() || s.back() != '.') return {};
  std::size_t i = s.size() - 1;
  while (i > 0 && !is_space(s[i - 1]) && s[i - 1] != '(' && s[i - 1] != '"') --i;
  return std::string(s.substr(i));
}

std::string first_word(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '\'' ||
                          (static_cast<unsigned char>(s[i]) & 0x80)))
    ++i;
  return std::string(s.substr(0, i));
}

// True when the split between `a` and `b` is one ICU made after an abbreviation.
bool joins(std::string_view a, std::string_view b, const Lexicon& lex) {
  auto word = last_word_with_dot(a);
  if (word.empty()) return false;
  if (in_list(word, lex.never_final)) return true;
  if (!in_list(word, lex.may_be_final)) return false;
  auto next = first_word(b);
  if (next.empty()) return false;
  return !in_list(next, lex.openers);
}

// Positions inside [span) where a sentence ends with no space after it: a word of two
// or more lowercase letters, a full stop, then a capital ("a year.A key demand").
std::vector<std::size_t> missing_space_splits(std::string_view text, core::Span span) {
  std::vector<std::size_t> cuts;
  for (std::size_t i = span.start + 2; i + 1 < span.end; ++i) {
    if (text[i] != '.' && text[i] != '!' && text[i] != '?') continue;
    auto before1 = static_cast<unsigned char>(text[i - 1]);
    auto before2 = static_cast<unsigned char>(text[i - 2]);
    auto after = static_cast<unsigned char>(text[i + 1]);
    if (std::islower(before1) && std::islower(before2) && std::isupper(after)) {
      // Not inside a web address or file name ("example.Com/x"): the capital must
      // start a word of letters followed by a space or a lowercase letter.
      std::size_t j = i + 2;
      if (j < span.end && !is_space(text[j]) && !std::islower(static_cast<unsigned char>(text[j])))
        continue;
      cuts.push_back(i + 1);
    }
  }
  return cuts;
}

}  // namespace

std::vector<core::Span> split_sentences(std::string_view text, const Lexicon& lexicon) {
  auto raw = icu_sentences(text);
  std::vector<core::Span> joined;
  for (const auto& s : raw) {
    if (!joined.empty()) {
      auto& prev = joined.back();
      bool same_paragraph =
          text.substr(prev.end, s.start - prev.end).find('\n') == std::string_view::npos;
      if (same_paragraph &&
          joins(text.substr(prev.start, prev.size()), text.substr(s.start, s.size()), lexicon)) {
        prev.end = s.end;
        continue;
      }
    }
    joined.push_back(s);
  }
  std::vector<core::Span> out;
  for (const auto& s : joined) {
    std::size_t start = s.start;
    for (auto cut : missing_space_splits(text, s)) {
      out.push_back(trimmed(text, start, cut));
      start = cut;
    }
    auto rest = trimmed(text, start, s.end);
    if (rest.size() > 0) out.push_back(rest);
  }
  return out;
}

}  // namespace hindsight::extract
