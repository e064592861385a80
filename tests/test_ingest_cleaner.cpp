#include <doctest/doctest.h>

#include "ingest/cleaner.hpp"
#include "util/file.hpp"

using namespace hindsight;

namespace {

std::string seed(const char* name) {
  auto text = util::read_file(std::string(HINDSIGHT_SOURCE_DIR "/claims/articles/") + name);
  REQUIRE(text);
  return *text;
}

bool has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// Every repeat's raw spans hold the same paragraph as its kept span (for text
// whose raw form is its normalized form).
void check_repeats_point_at_copies(const std::string& raw, const ingest::Cleaned& c) {
  for (const auto& r : c.repeats) {
    auto kept = c.text.substr(r.kept.start, r.kept.size());
    for (const auto& s : r.raw) CHECK(raw.substr(s.start, s.size()) == kept);
  }
}

}  // namespace

TEST_SUITE("ingest.cleaner") {
  TEST_CASE("the repeated block of seed 000 is kept once with both raw copies recorded") {
    auto raw = seed("000_927ad39ea968246f.txt");
    auto c = ingest::clean(raw);
    REQUIRE(c.repeats.size() == 2);
    CHECK(c.repeats[0].kept == core::Span{0, 441});
    CHECK(c.repeats[0].raw == std::vector<core::Span>{{46, 487}, {748, 1189}});
    CHECK(c.repeats[1].raw.size() == 2);
    check_repeats_point_at_copies(raw, c);
    CHECK(c.text.starts_with("The two-day meeting that began Monday"));
    CHECK(c.text.find("The two-day meeting that began Monday", 1) == std::string::npos);
    CHECK(c.title == "Is This the Start of a U.S.-China Friendship?");
    CHECK(c.outlet == "Foreign Policy");
    CHECK_FALSE(has(c.text, "©"));
    CHECK(c.text.ends_with("it may genuinely surprise many members........"));
  }

  TEST_CASE("the six repeated paragraphs of seed 003 are kept once and its pounds repaired") {
    auto raw = seed("003_0ecb4c01643aa889.txt");
    auto c = ingest::clean(raw);
    CHECK(c.repeats.size() == 6);
    for (const auto& r : c.repeats) CHECK(r.raw.size() == 2);
    CHECK(has(c.text, "totalled $771bn (£580bn) last year, compared to $659bn (£496bn)"));
    CHECK_FALSE(has(c.text, "Β£"));
    CHECK(c.notes.front() == "repaired mojibake \"Β£\" to \"£\" (4 times)");
    // The raw spans point at the text as read, mojibake and all.
    CHECK(has(raw.substr(c.repeats[2].raw[1].start, c.repeats[2].raw[1].size()), "(Β£580bn)"));
    CHECK_FALSE(c.title.has_value());
    auto paragraphs = std::count(c.text.begin(), c.text.end(), '\n') / 2 + 1;
    CHECK(paragraphs == 7);
  }

  TEST_CASE("the captions, tag line and footer of seed 002 are dropped and its dateline read") {
    auto raw = seed("002_180d54fee269576a.txt");
    auto c = ingest::clean(raw);
    CHECK(c.title ==
          "China Heads to Stockholm Trade Talks with Renewed Confidence Amid U.S. Concessions");
    REQUIRE(c.published.has_value());
    CHECK(core::format_date(*c.published) == "2025-07-27");
    CHECK(c.text.starts_with("For the third time in as many months"));
    CHECK(
        c.text.ends_with("rebuild a degree of trust in an increasingly fractured global "
                         "trade environment."));
    for (const char* furniture : {"AP/ Xinhua", "prevous encounter", "U.S. China\n", "PUKMEDIA",
                                  "see more", "Most read", "pocket", "App Store", "Download"}) {
      CAPTURE(furniture);
      CHECK_FALSE(has(c.text, furniture));
    }
    CHECK(c.notes == std::vector<std::string>{
                         "the first line is the title: \"China Heads to Stockholm Trade Talks with "
                         "Renewed Confidence…\"",
                         "dropped a photo caption: \"Chinese Vice Premier He Lifeng & U.S. "
                         "Treasury Secretary Sco…\"",
                         "dropped a site line: \"see more\"",
                         "dropped a site line: \"Most read\"",
                         "dropped a site line: \"Download\"",
                         "dropped a site line: \"Logo Application\"",
                         "dropped a site line: \"Play Store App Store Logo\"",
                         "dropped a copy of a photo caption: \"Chinese Vice Premier He Lifeng & "
                         "U.S. Treasury Secretary Sco…\"",
                         "the dateline \"Economy 09:57 AM - 2025-07-27\" gives the published date "
                         "2025-07-27",
                         "dropped header furniture: \"U.S. China\"",
                         "dropped footer furniture: \"PUKMEDIA\"",
                         "dropped footer furniture: \"The News in your pocket\"",
                         "dropped footer furniture: \"The News In Your Pocket\"",
                     });
  }

  TEST_CASE("the missing space of seed 004 is kept for the sentence splitter") {
    auto c = ingest::clean(seed("004_e39aee64654b0808.txt"));
    CHECK(has(c.text, "delay its new export restrictions for a year.A key demand from Trump"));
    CHECK(has(c.text, "challenging US influence.Initial anxieties"));
    CHECK(c.repeats.empty());
  }

  TEST_CASE("seed 001 has no title line and loses nothing") {
    auto raw = seed("001_938b4ca250a01584.txt");
    auto c = ingest::clean(raw);
    CHECK_FALSE(c.title.has_value());
    CHECK(c.notes.empty());
    CHECK(c.text.starts_with("Amidst a global trade war"));
    CHECK(std::count(c.text.begin(), c.text.end(), '\n') == 2 * 11);
  }

  TEST_CASE("paragraphs are separated by one blank line and trailing spaces trimmed") {
    auto c =
        ingest::clean("First paragraph ends here.   \r\n\r\n\r\n  Second  one\tends here.  \n");
    CHECK(c.text == "First paragraph ends here.\n\nSecond one ends here.");
  }

  TEST_CASE("hard-wrapped lines are joined into paragraphs") {
    auto c = ingest::clean(
        "Officials from both sides said on Monday that the talks would\n"
        "resume in Geneva next week, with a deal expected by the end of\n"
        "the month.\n"
        "\n"
        "Analysts were less sure that the schedule would hold this time\n"
        "around.\n");
    CHECK(c.text ==
          "Officials from both sides said on Monday that the talks would resume in Geneva next "
          "week, with a deal expected by the end of the month.\n\nAnalysts were less sure that "
          "the schedule would hold this time around.");
  }

  TEST_CASE("text is composed to NFC and invisible characters removed") {
    auto c = ingest::clean("Cafe\xCC\x81 prices will ri\xC2\xADse next\xE2\x80\x8B year.");
    CHECK(c.text == "Café prices will rise next year.");
    CHECK(c.notes ==
          std::vector<std::string>{"removed 2 invisible characters (zero-width, soft hyphen)",
                                   "composed 1 lines to Unicode NFC"});
  }

  TEST_CASE("a known title drops its line even when it does not look like one") {
    ingest::CleanOptions options;
    options.known_title = "Talks end.";
    auto c = ingest::clean("Talks end.\nThe talks ended on Monday without a deal.", options);
    CHECK(c.text == "The talks ended on Monday without a deal.");
  }

  TEST_CASE("a byline among the header lines gives the author") {
    auto c = ingest::clean(
        "Talks Resume in Geneva\nBy Jane Doe and John Roe\nPublished July 27, 2025\n"
        "The talks will resume next week, officials said.");
    CHECK(c.author == "Jane Doe and John Roe");
    CHECK(core::format_date(c.published) == "2025-07-27");
    CHECK(c.text == "The talks will resume next week, officials said.");
  }

  TEST_CASE("a text of nothing but furniture cleans to nothing") {
    auto c = ingest::clean("© Foreign Policy\nsee more\nAdvertisement");
    CHECK(c.text.empty());
  }

  TEST_CASE("Markdown headings and links become plain text") {
    ingest::CleanOptions options;
    options.markdown = true;
    auto c = ingest::clean(
        "# Talks resume\n\nThe [Treasury](https://x.test) said **talks** would resume.\n"
        "![chart](c.png)\n",
        options);
    CHECK(c.title == "Talks resume");
    CHECK(c.text == "The Treasury said talks would resume.");
  }
}
