// Helpers shared by the libFuzzer targets: a check that aborts (so that libFuzzer
// records the input as a crash) when an invariant of the code under test breaks,
// and the location of the shipped rules for targets that need the lexicon.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/span.hpp"
#include "util/text.hpp"

namespace hindsight::fuzz {

// Aborts with `what` when `ok` is false: an invariant broke, and libFuzzer keeps
// the input that broke it.
inline void require(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
  }
}

// A span must lie inside `text`, start before it ends, and cut it only between
// UTF-8 characters: every claim offset of the product is such a span.
inline void require_span(const core::Span& span, std::string_view text, const char* what) {
  require(span.start <= span.end && span.end <= text.size(), what);
  auto boundary = [&](std::size_t at) {
    return at == text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
  };
  require(boundary(span.start) && boundary(span.end), what);
}

// The shipped rules folder (lexicon, topics), from HINDSIGHT_SOURCE_DIR at build time.
inline std::string rules_dir() {
  return std::string(HINDSIGHT_SOURCE_DIR) + "/rules";
}

}  // namespace hindsight::fuzz
