#include <doctest/doctest.h>

#include "ingest/mojibake.hpp"
#include "util/file.hpp"

using namespace hindsight;

namespace {

std::string repair(std::string_view text, ingest::MojibakeReport& report) {
  return ingest::repair_mojibake(text, report);
}

}  // namespace

TEST_SUITE("ingest.mojibake") {
  TEST_CASE("the Greek-read pound sign of seed 003 becomes £") {
    auto raw = util::read_file(HINDSIGHT_SOURCE_DIR "/claims/articles/003_0ecb4c01643aa889.txt");
    REQUIRE(raw);
    ingest::MojibakeReport report;
    auto text = repair(*raw, report);
    CHECK(text.find("Β£") == std::string::npos);
    CHECK(text.find("totalled $771bn (£580bn) last year, compared to $659bn (£496bn)") !=
          std::string::npos);
    CHECK(report.notes() == std::vector<std::string>{"repaired mojibake \"Β£\" to \"£\" (4 times)"});
  }

  TEST_CASE("UTF-8 read as Windows-1252 is reversed") {
    ingest::MojibakeReport report;
    CHECK(repair("Beijingâ€™s â€œgreatâ€\xC2\x9D deal costs Â£5bn", report) ==
          "Beijing’s “great” deal costs £5bn");
    CHECK(report.notes() == std::vector<std::string>{
                                "repaired mojibake \"Â£\" to \"£\" (1 time)",
                                "repaired mojibake \"â€\\u009D\" to \"”\" (1 time)",
                                "repaired mojibake \"â€œ\" to \"“\" (1 time)",
                                "repaired mojibake \"â€™\" to \"’\" (1 time)",
                            });
  }

  TEST_CASE("text encoded twice is repaired in two layers") {
    ingest::MojibakeReport report;
    CHECK(repair("itÃ¢â‚¬â„¢s", report) == "it’s");
  }

  TEST_CASE("correct text is left alone") {
    ingest::MojibakeReport report;
    for (const char* s : {"Beijing’s “great rebalancing” — £580bn", "Café Müller in Zürich",
                          "Ελληνικά: Β΄ Παγκόσμιος Πόλεμος", "naïve façade", "ÉCOLE «UNE»"}) {
      CHECK(repair(s, report) == s);
    }
    CHECK(report.notes().empty());
  }

  TEST_CASE("a sequence that starts like mojibake but does not complete is reported, not changed") {
    ingest::MojibakeReport report;
    CHECK(repair("the â€ sign", report) == "the â€ sign");
    CHECK(report.notes() == std::vector<std::string>{
                                "possible mojibake \"â€\" left as it is (no certain repair)"});
  }

  TEST_CASE("Greek letters next to Greek text are never taken for mojibake") {
    ingest::MojibakeReport report;
    CHECK(repair("ΑΒ£Γ", report) == "ΑΒ£Γ");
    CHECK(repair("(Β£5)", report) == "(£5)");
  }
}
