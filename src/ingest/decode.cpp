#include "ingest/decode.hpp"

#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <system_error>

#include "util/text.hpp"

namespace hindsight::ingest {

namespace {

std::string from_codepage(std::string_view bytes, const char* codepage) {
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), codepage);
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool is_control(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F;
}

// The offset of the first byte that does not start a well-formed UTF-8 sequence, and
// whether any well-formed multi-byte sequence came before or after it.
struct Utf8Scan {
  std::size_t first_bad = std::string_view::npos;
  bool has_multibyte = false;
};

Utf8Scan scan_utf8(std::string_view bytes) {
  Utf8Scan scan;
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  auto length = static_cast<int32_t>(bytes.size());
  for (int32_t i = 0; i < length;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      if (scan.first_bad == std::string_view::npos)
        scan.first_bad = static_cast<std::size_t>(start);
    } else if (i - start > 1) {
      scan.has_multibyte = true;
    }
  }
  return scan;
}

// Windows-1252 leaves five bytes undefined; a file using them is not that either.
bool all_defined_in_cp1252(std::string_view bytes) {
  for (unsigned char c : bytes)
    if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D) return false;
  return true;
}

core::Error at_offset(const std::string& file, std::string_view bytes, std::size_t offset,
                      std::string message) {
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (bytes[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) {
      ++column;  // count characters, not continuation bytes
    }
  }
  return core::make_error(std::move(message), file, line, column);
}

}  // namespace

core::Result<std::string> read_bytes(const std::filesystem::path& path, std::uintmax_t max_bytes) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return core::make_error("cannot read the file: " + ec.message(), path.string());
  if (size > max_bytes) {
    return core::make_error(fmt::format("the file is too large ({} bytes; the limit is {} bytes, "
                                        "see --max-file-size)",
                                        size, max_bytes),
                            path.string());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::make_error("cannot open the file", path.string());
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return core::make_error("cannot read the file", path.string());
  return std::move(buf).str();
}

core::Result<Decoded> decode(std::string_view bytes, const std::string& file) {
  Decoded d;
  if (util::trim(bytes).empty()) return core::make_error("the file is empty", file);
  if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    bool le = bytes[0] == '\xFF';
    d.text = from_codepage(bytes.substr(2), le ? "UTF-16LE" : "UTF-16BE");
    d.notes.push_back(le ? "decoded from UTF-16LE" : "decoded from UTF-16BE");
    if (util::trim(d.text).empty()) return core::make_error("the file is empty", file);
    return d;
  }
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  auto nul = bytes.find('\0');
  if (nul != std::string_view::npos) {
    return core::make_error(fmt::format("a binary file, not text (a NUL byte at offset {})", nul),
                            file);
  }
  std::size_t controls = 0;
  for (unsigned char c : bytes) controls += is_control(c) ? 1 : 0;
  if (controls * 10 > bytes.size()) {
    return core::make_error(
        fmt::format("a binary file, not text ({} of {} bytes are control bytes)", controls,
                    bytes.size()),
        file);
  }
  auto scan = scan_utf8(bytes);
  if (scan.first_bad == std::string_view::npos) {
    d.text = std::string(bytes);
    return d;
  }
  if (!scan.has_multibyte && all_defined_in_cp1252(bytes)) {
    d.text = from_codepage(bytes, "windows-1252");
    d.notes.push_back("decoded from Windows-1252: the file is not UTF-8");
    return d;
  }
  return at_offset(file, bytes, scan.first_bad,
                   fmt::format("invalid UTF-8 (byte 0x{:02X} at offset {})",
                               static_cast<unsigned char>(bytes[scan.first_bad]), scan.first_bad));
}

}  // namespace hindsight::ingest
