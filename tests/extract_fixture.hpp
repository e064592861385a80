// The shipped lexicon and taxonomy, loaded once for the extraction tests.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>

#include "extract/lexicon.hpp"
#include "extract/topics.hpp"

namespace fixture {

inline const hindsight::extract::Lexicon& lexicon() {
  static const auto lex = [] {
    auto r = hindsight::extract::load_lexicon(std::filesystem::path(HINDSIGHT_SOURCE_DIR) /
                                              "rules/lexicon");
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().to_string()));
    return *r;
  }();
  return lex;
}

inline const hindsight::extract::Taxonomy& taxonomy() {
  static const auto tax = [] {
    auto r = hindsight::extract::load_topics(std::filesystem::path(HINDSIGHT_SOURCE_DIR) /
                                             "rules/topics.yaml");
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().to_string()));
    return *r;
  }();
  return tax;
}

}  // namespace fixture
