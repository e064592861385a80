#include <doctest/doctest.h>

#include "ingest/furniture.hpp"

using namespace hindsight;

TEST_SUITE("ingest.furniture") {
  TEST_CASE("photo captions are recognised by their credit") {
    struct Case {
      const char* line;
      std::optional<std::string> caption;
    };
    const Case cases[] = {
        {"Chinese Vice Premier He Lifeng & U.S. Treasury Secretary Scott Bessent in a prevous "
         "encounter. AP/ Xinhua",
         "Chinese Vice Premier He Lifeng & U.S. Treasury Secretary Scott Bessent in a prevous "
         "encounter."},
        {"Traders at the exchange on Monday. (Reuters)", "Traders at the exchange on Monday."},
        {"Xi Jinping in Beijing. REUTERS/Florence Lo", "Xi Jinping in Beijing."},
        {"The port of Shanghai. Andy Wong/AP", "The port of Shanghai."},
        {"A container ship. AFP via Getty Images", "A container ship."},
        {"Photo: Jane Doe for The Times", ""},
        {"BEIJING (Reuters) - China said on Monday it would cut tariffs.", std::nullopt},
        {"Bessent said the talks would go on.", std::nullopt},
        {"The report was first published by AP.", std::nullopt},
    };
    for (const auto& c : cases) {
      std::string line = c.line;
      auto found = ingest::photo_caption(line);
      CAPTURE(line);
      CHECK(found.value_or("(none)") == c.caption.value_or("(none)"));
    }
  }

  TEST_CASE("site lines are boilerplate and only short ones") {
    for (std::string line : {"see more", "Most read", "Advertisement", "Play Store App Store Logo",
                             "Download on the App Store", "Get it on Google Play",
                             "We use cookies to improve your experience. Accept all",
                             "Sign up for our daily newsletter", "Logo Application"}) {
      CAPTURE(line);
      CHECK(ingest::is_boilerplate(line));
    }
    for (std::string line : {"The News in your pocket",
                             "Apple said its App Store revenue will grow "
                             "next year, according to analysts who "
                             "follow the company closely and expect "
                             "a rebound in China and India by 2026."}) {
      CAPTURE(line);
      CHECK_FALSE(ingest::is_boilerplate(line));
    }
  }

  TEST_CASE("copyright lines name the outlet") {
    CHECK(ingest::copyright_outlet("© Foreign Policy") == "Foreign Policy");
    CHECK(ingest::copyright_outlet("Copyright © 2025 Reuters. All rights reserved.") == "Reuters");
    CHECK(ingest::copyright_outlet("(c) 2019-2025 The Guardian") == "The Guardian");
    CHECK(ingest::copyright_outlet("Foreign Policy") == std::nullopt);
    CHECK(ingest::copyright_outlet("©") == std::nullopt);
  }

  TEST_CASE("datelines give a date and sentences do not") {
    auto date = [](const char* s) { return core::format_date(ingest::dateline_date(s)); };
    CHECK(date("Economy 09:57 AM - 2025-07-27") == "2025-07-27");
    CHECK(date("Published July 27, 2025 9:57 AM ET") == "2025-07-27");
    CHECK(date("Updated: Mon 27 Jul. 2025, 10:02") == "2025-07-27");
    CHECK(date("2025-02-30") == "");
    CHECK(date("The truce is due to expire on 2025-08-12 unless both sides agree.") == "");
    CHECK(date("U.S. China") == "");
  }

  TEST_CASE("a byline names the author") {
    CHECK(ingest::byline_author("By Jane Doe") == "Jane Doe");
    CHECK(ingest::byline_author("By Jane Doe, Reuters") == "Jane Doe, Reuters");
    CHECK(ingest::byline_author("By the end of the year, prices will rise.") == std::nullopt);
    CHECK(ingest::byline_author("Bystanders") == std::nullopt);
  }

  TEST_CASE("a title line is short and does not end like a sentence") {
    CHECK(ingest::looks_like_title("Is This the Start of a U.S.-China Friendship?"));
    CHECK(ingest::looks_like_title(
        "Xi jinping Signals a Shift in US-China Relations, Asserting ChinaS Growing Power"));
    CHECK_FALSE(ingest::looks_like_title(
        "Amidst a global trade war, China arrives at the Stockholm trade talks bolstered by "
        "economic resilience."));
    CHECK_FALSE(ingest::looks_like_title("Hello"));
    CHECK_FALSE(ingest::looks_like_title("lower case start of a line"));
  }

  TEST_CASE("sentences end like sentences or are long") {
    CHECK(ingest::is_sentence_like("“This is a fragile ceasefire,” Bessent said."));
    CHECK(ingest::is_sentence_like("It may genuinely surprise many members........"));
    CHECK(ingest::is_sentence_like("“But right now, trade is in a very good place.”"));
    CHECK_FALSE(ingest::is_sentence_like("PUKMEDIA"));
    CHECK_FALSE(ingest::is_sentence_like("The News In Your Pocket"));
  }
}
