#include "util/controls.hpp"

#include <cstdio>

namespace hindsight::util {

namespace {

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

void append_escape(std::string& out, char32_t cp) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
  out += buf;
}

}  // namespace

bool is_hidden_control(char32_t cp) {
  if (cp == U'\t' || cp == U'\n' || cp == U'\r') return false;
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

std::string escape_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto u = static_cast<unsigned char>(text[i]);
    // Only these three encodings hold controls: one byte, C2 80–9F, E2 80/81 xx.
    char32_t cp = u;
    std::size_t length = 1;
    if (u == 0xC2 && i + 1 < text.size() && is_continuation(text[i + 1])) {
      cp = static_cast<unsigned char>(text[i + 1]);
      length = 2;
    } else if (u == 0xE2 && i + 2 < text.size() && is_continuation(text[i + 1]) &&
               is_continuation(text[i + 2])) {
      cp = 0x2000u | ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
      length = 3;
    } else if (u >= 0x80) {
      out += text[i];
      continue;
    }
    if (is_hidden_control(cp)) {
      append_escape(out, cp);
    } else {
      out.append(text.substr(i, length));
    }
    i += length - 1;
  }
  return out;
}

}  // namespace hindsight::util
