#include "util/hash.hpp"

#include <fmt/format.h>

namespace hindsight::util {

std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::string hex_hash(std::string_view bytes) {
  return fmt::format("{:016x}", fnv1a64(bytes));
}

}  // namespace hindsight::util
