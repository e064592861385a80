#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "extract/lexicon.hpp"
#include "extract_fixture.hpp"

using namespace hindsight;

TEST_SUITE("extract.lexicon") {
  TEST_CASE("the shipped lexicon loads and keeps every row of cues.tsv with its source") {
    const auto& lex = fixture::lexicon();
    std::ifstream tsv(std::string(HINDSIGHT_SOURCE_DIR) + "/tests/data/reference/cues.tsv");
    std::string line;
    std::getline(tsv, line);  // header
    int rows = 0;
    while (std::getline(tsv, line)) {
      if (line.empty()) continue;
      ++rows;
      std::istringstream cols(line);
      std::string label, point, low, high;
      std::getline(cols, label, '\t');
      std::getline(cols, point, '\t');
      std::getline(cols, low, '\t');
      std::getline(cols, high, '\t');
      const extract::Cue* found = nullptr;
      for (const auto& c : lex.cues)
        if (c.label == label) found = &c;
      REQUIRE_MESSAGE(found, "cues.tsv row '" << label << "' is not in cues.yaml");
      CHECK(found->point == doctest::Approx(std::stod(point)));
      CHECK(found->low == doctest::Approx(std::stod(low)));
      CHECK(found->high == doctest::Approx(std::stod(high)));
      CHECK_FALSE(found->source.empty());
    }
    CHECK(rows == 26);
    CHECK_FALSE(lex.reported_verbs.empty());
    CHECK_FALSE(lex.never_final.empty());
    CHECK_FALSE(lex.titles.empty());
  }

  TEST_CASE("an unknown key in a cue is an error at its file:line:col") {
    extract::Lexicon lex;
    auto st = extract::parse_cues(
        "format: 1\ncues:\n  - label: x\n    phrases: [x]\n    pont: 0.5\n", "cues.yaml", lex);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().to_string() ==
          "cues.yaml:5:5: unknown key 'pont' in cue (known: label, phrases, point, band, role, "
          "negative, source, note)");
  }

  TEST_CASE("a band that does not hold its point is an error") {
    extract::Lexicon lex;
    auto st = extract::parse_cues(
        "format: 1\ncues:\n  - label: x\n    phrases: [x]\n    point: 0.9\n    band: [0.1, 0.2]\n"
        "    role: hedge\n    source: s\n",
        "cues.yaml", lex);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().to_string() ==
          "cues.yaml:6:11: cue 'x': the band must lie in [0, 1] and hold the point");
  }

  TEST_CASE("an unknown role is an error naming the known ones") {
    extract::Lexicon lex;
    auto st = extract::parse_cues(
        "format: 1\ncues:\n  - label: x\n    phrases: [x]\n    point: 0.5\n    band: [0.1, 0.9]\n"
        "    role: guess\n    source: s\n",
        "cues.yaml", lex);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().to_string() ==
          "cues.yaml:7:11: unknown role 'guess' (known: modal, expectation, intention, hedge, "
          "adverb, frame)");
  }

  TEST_CASE("an unknown top-level key of the abbreviations is an error") {
    extract::Lexicon lex;
    auto st =
        extract::parse_abbreviations("format: 1\nnever_finale: [Dr.]\n", "abbreviations.yaml", lex);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().to_string() ==
          "abbreviations.yaml:2:1: unknown key 'never_finale' in the abbreviations (known: format, "
          "never_final, may_be_final, openers)");
  }

  TEST_CASE("a file without format 1 is refused") {
    extract::Lexicon lex;
    auto st = extract::parse_speakers("titles: [President]\n", "speakers.yaml", lex);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().to_string() == "speakers.yaml:1:1: missing 'format: 1'");
  }
}
