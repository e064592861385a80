#include "extract/tokens.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <cctype>

#include "util/text.hpp"

namespace hindsight::extract {

namespace {

// Decodes the code point at byte i of s and advances i; -1 for a bad byte.
UChar32 next_cp(std::string_view s, std::size_t& i) {
  // ASCII (most of the text) needs no decoding.
  if (static_cast<unsigned char>(s[i]) < 0x80) return static_cast<UChar32>(s[i++]);
  auto* p = reinterpret_cast<const uint8_t*>(s.data());
  auto len = static_cast<int32_t>(s.size());
  auto at = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(p, at, len, c);
  i = static_cast<std::size_t>(at);
  return c;
}

bool is_apostrophe(UChar32 c) {
  return c == '\'' || c == 0x2019 || c == 0x2018;
}

bool is_ascii_alnum(UChar32 c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_word_cp(UChar32 c) {
  if (c >= 0 && c < 0x80) return is_ascii_alnum(c);  // what ICU says of ASCII
  return c >= 0 && (u_isalnum(c) != 0 || u_charType(c) == U_NON_SPACING_MARK);
}

// ICU's White_Space, with ASCII answered without the lookup.
bool is_space_cp(UChar32 c) {
  if (c >= 0 && c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return u_isUWhiteSpace(c) != 0;
}

// ICU's uppercase property, with ASCII answered without the lookup.
bool is_upper_cp(UChar32 c) {
  if (c >= 0 && c < 0x80) return c >= 'A' && c <= 'Z';
  return c >= 0 && u_isupper(c) != 0;
}

std::string lower_of(std::string_view text) {
  bool ascii = true;
  for (char ch : text) ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
  if (ascii) {
    // Lowercasing ASCII is what ICU does to it, without the UTF-16 round trip; there
    // are no curly apostrophes to straighten.
    std::string out(text);
    for (auto& ch : out)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return out;
  }
  std::string out = util::to_lower(text);
  // Straighten curly apostrophes so "Trump’s" and "Trump's" fold alike.
  std::string folded;
  for (std::size_t i = 0; i < out.size();) {
    if (out.compare(i, 3, "\xE2\x80\x99") == 0 || out.compare(i, 3, "\xE2\x80\x98") == 0) {
      folded += '\'';
      i += 3;
    } else {
      folded += out[i++];
    }
  }
  return folded;
}

constexpr std::array<std::string_view, 6> kClitics{"'s", "'ll", "'re", "'ve", "'d", "'m"};

constexpr std::array<std::string_view, 11> kSoftAdverbs{
    "also",    "now",          "still",     "widely",  "generally", "even",
    "already", "increasingly", "currently", "broadly", "then"};

bool is_soft_adverb(std::string_view word) {
  for (auto a : kSoftAdverbs)
    if (a == word) return true;
  return false;
}

// Splits a word token at a clitic ending ("they'll" → "they" + "'ll").
void push_word(std::vector<Token>& out, std::string_view text, std::size_t start, std::size_t end) {
  Token t;
  t.start = start;
  t.end = end;
  t.text = std::string(text.substr(start, end - start));
  t.lower = lower_of(t.text);
  t.word = true;
  std::size_t j = 0;
  UChar32 first = next_cp(t.text, j);
  t.capitalized = is_upper_cp(first);
  for (auto clitic : kClitics) {
    auto& low = t.lower;
    if (low.size() > clitic.size() + 0 && low.ends_with(clitic)) {
      // The clitic's apostrophe may be 3 bytes (’) in the original text.
      std::size_t raw_len = t.text.ends_with("\xE2\x80\x99" + std::string(clitic.substr(1)))
                                ? clitic.size() + 2
                                : clitic.size();
      Token c = t;
      c.start = end - raw_len;
      c.text = t.text.substr(t.text.size() - raw_len);
      c.lower = std::string(clitic);
      c.capitalized = false;
      t.end = c.start;
      t.text.resize(t.text.size() - raw_len);
      t.lower.resize(t.lower.size() - clitic.size());
      out.push_back(std::move(t));
      out.push_back(std::move(c));
      return;
    }
  }
  out.push_back(std::move(t));
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t start = i;
    UChar32 c = next_cp(text, i);
    if (c < 0 || is_space_cp(c)) continue;
    if (!is_word_cp(c)) {
      Token t;
      t.start = start;
      t.end = i;
      t.text = std::string(text.substr(start, i - start));
      t.lower = is_apostrophe(c) ? "'" : t.text;
      out.push_back(std::move(t));
      continue;
    }
    // A word: letters/digits, with inner apostrophes, and dots between single letters
    // or before a letter (U.S., e.g.) and decimal points between digits.
    std::size_t end = i;
    while (end < text.size()) {
      std::size_t k = end;
      UChar32 d = next_cp(text, k);
      if (is_word_cp(d)) {
        end = k;
        continue;
      }
      if ((is_apostrophe(d) || d == '.') && k < text.size()) {
        std::size_t m = k;
        UChar32 e = next_cp(text, m);
        if (is_word_cp(e)) {
          end = m;
          continue;
        }
        // "U.S." keeps its final dot when the part before it is a single letter.
        if (d == '.' && end >= start + 1) {
          std::size_t seg = end;
          while (seg > start && text[seg - 1] != '.') --seg;
          if (end - seg == 1 && seg > start) end = k;
        }
      }
      break;
    }
    i = end;
    push_word(out, text, start, end);
  }
  return out;
}

std::vector<std::string> phrase_words(std::string_view phrase) {
  std::vector<std::string> words;
  for (auto& t : tokenize(phrase)) words.push_back(t.lower);
  return words;
}

std::optional<std::size_t> match_at(const std::vector<Token>& tokens, std::size_t at,
                                    const std::vector<std::string>& phrase) {
  if (phrase.empty()) return std::nullopt;
  std::size_t i = at;
  for (std::size_t w = 0; w < phrase.size(); ++w) {
    if (w > 0) {
      // Softening adverbs may stand between the words of a phrase.
      while (i < tokens.size() && tokens[i].word && tokens[i].lower != phrase[w] &&
             is_soft_adverb(tokens[i].lower))
        ++i;
    }
    if (i >= tokens.size()) return std::nullopt;
    const auto& t = tokens[i];
    if (phrase[w] == "*") {
      if (!t.word) return std::nullopt;
    } else if (t.lower != phrase[w]) {
      return std::nullopt;
    }
    ++i;
  }
  return i;
}

std::optional<std::pair<std::size_t, std::size_t>> find_phrase(
    const std::vector<Token>& tokens, const std::vector<std::string>& phrase, std::size_t from) {
  for (std::size_t i = from; i < tokens.size(); ++i)
    if (auto end = match_at(tokens, i, phrase)) return std::pair{i, *end};
  return std::nullopt;
}

bool same_ascii_folded(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
    if (std::tolower(x) != std::tolower(y)) return false;
  }
  return true;
}

bool in_list(std::string_view word, const std::vector<std::string>& list) {
  for (const auto& w : list)
    if (same_ascii_folded(w, word)) return true;
  return false;
}

}  // namespace hindsight::extract
