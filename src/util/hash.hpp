// Stable content hashes (not cryptographic): ids of articles, claims and rule texts.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hindsight::util {

// 64-bit FNV-1a of the bytes.
std::uint64_t fnv1a64(std::string_view bytes);

// fnv1a64 as 16 lowercase hex digits.
std::string hex_hash(std::string_view bytes);

}  // namespace hindsight::util
