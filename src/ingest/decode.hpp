// The first step of reading an article file: from bytes to UTF-8 text. Refuses what
// is not text (empty, binary, too large, undecodable) with an error naming the file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace hindsight::ingest {

// Files larger than this are refused before they are read (64 MiB by default).
inline constexpr std::uintmax_t kDefaultMaxFileBytes = 64ULL * 1024 * 1024;

// Text decoded from a file's bytes, with what the decoding changed.
struct Decoded {
  std::string text;                // UTF-8, byte order mark removed
  std::vector<std::string> notes;  // e.g. "decoded from Windows-1252 (not UTF-8)"
};

// Reads the bytes of `path`, refusing files over `max_bytes`. The error names the file;
// an unreadable file is an error too (the user named it), not a Failure.
core::Result<std::string> read_bytes(const std::filesystem::path& path, std::uintmax_t max_bytes);

// Decodes `bytes` read from `file` (the name used in errors). UTF-8 (with or without a
// byte order mark) is kept as is; UTF-16 with a byte order mark is converted; text
// that is clearly Windows-1252 (no UTF-8 sequence at all, every byte defined) is
// converted with a note. Errors: an empty or blank file, a binary one (a NUL byte or
// mostly control bytes), and invalid UTF-8, whose error gives line, column and the
// byte offset of the first bad byte.
core::Result<Decoded> decode(std::string_view bytes, const std::string& file);

}  // namespace hindsight::ingest
