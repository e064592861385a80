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

std::string normalize_line(std::string_view line, NormalizeCounts& counts) {
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
