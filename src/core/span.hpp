// A half-open byte range [start, end) in a UTF-8 text.
#pragma once

#include <cstddef>

namespace hindsight::core {

struct Span {
  std::size_t start = 0;
  std::size_t end = 0;

  std::size_t size() const { return end - start; }
  bool contains(const Span& other) const { return start <= other.start && other.end <= end; }
  bool operator==(const Span&) const = default;
};

}  // namespace hindsight::core
