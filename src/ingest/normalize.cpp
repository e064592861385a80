#include "ingest/normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "core/failure.hpp"

namespace hindsight::ingest {

namespace {

bool is_invisible(UChar32 c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD;
}

}  // namespace

namespace {

bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// normalize_line for ASCII text (most lines): it has no invisible characters and is
// already NFC, so only the spaces change; no UTF-16 round trip.
std::string normalize_ascii(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  bool space = false;
  for (char c : line) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

std::string normalize_line(std::string_view line, NormalizeCounts& counts) {
  if (is_ascii(line)) return normalize_ascii(line);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw core::Failure("ICU has no NFC normalizer (broken ICU data?)");
  auto u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
  icu::UnicodeString cleaned;
  bool space = false;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (is_invisible(c)) {
      ++counts.invisible;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      continue;
    }
    if (space && !cleaned.isEmpty()) cleaned.append(static_cast<UChar>(' '));
    space = false;
    cleaned.append(c);
  }
  if (!nfc->isNormalized(cleaned, status)) {
    status = U_ZERO_ERROR;
    cleaned = nfc->normalize(cleaned, status);
    if (U_FAILURE(status)) throw core::Failure("ICU could not normalize a line to NFC");
    ++counts.composed;
  }
  std::string out;
  cleaned.toUTF8String(out);
  return out;
}

}  // namespace hindsight::ingest
