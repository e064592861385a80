#include "rules/expr_literals.hpp"

#include <cctype>
#include <charconv>

#include "rules/expr_ast.hpp"

namespace hindsight::rules::detail {

namespace {

[[noreturn]] void fail(std::uint32_t offset, std::string message) {
  throw CompileError{offset, std::move(message)};
}

// Appends the UTF-8 encoding of code point `cp`.
void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

// The text of a quoted string literal with its escapes decoded.
std::string unescape(std::string_view quoted, std::uint32_t offset) {
  std::string out;
  std::string_view body = quoted.substr(1, quoted.size() - 2);
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\') {
      out += body[i];
      continue;
    }
    auto at = static_cast<std::uint32_t>(offset + 1 + i);
    char c = body[++i];
    switch (c) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case '\\':
      case '"':
      case '\'':
      case '/':
        out += c;
        break;
      case 'u': {
        unsigned cp = 0;
        std::string_view hex = body.substr(i + 1, 4);
        auto [ptr, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), cp, 16);
        if (hex.size() != 4 || ec != std::errc() || ptr != hex.data() + 4 ||
            (cp >= 0xD800 && cp <= 0xDFFF))
          fail(at, "'\\u' needs four hex digits of a character that is not a surrogate");
        append_utf8(out, cp);
        i += 4;
        break;
      }
      default:
        fail(at, "unknown escape '\\" + std::string(1, c) + "' in a string");
    }
  }
  return out;
}

Duration parse_duration(std::string_view text, std::uint32_t offset) {
  Duration d;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = i;
    while (std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
    long n = 0;
    auto [ptr, ec] = std::from_chars(text.data() + i, text.data() + j, n);
    if (ec != std::errc() || n > 100000)
      fail(offset, "duration '" + std::string(text) + "' is out of range");
    switch (text[j]) {
      case 'd':
        d.days += n;
        break;
      case 'w':
        d.days += 7 * n;
        break;
      case 'm':
        d.months += n;
        break;
      default:
        d.months += 12 * n;
        break;  // 'y'
    }
    i = j + 1;
  }
  return d;
}

}  // namespace hindsight::rules::detail
