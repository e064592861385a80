#include <doctest/doctest.h>

#include <vector>

#include "report/escape.hpp"
#include "report/scorecard.hpp"

using namespace hindsight;
using doctest::Approx;

namespace {

core::Date day(const char* iso) {
  return *core::parse_date(iso);
}

core::Claim claim(const char* id, const char* speaker, double p, core::Outcome outcome) {
  core::Claim c;
  c.id = id;
  c.text = std::string("Text of ") + id;
  c.article = "a1";
  c.appearances.push_back(core::Appearance{"a1", {0, 4}, std::nullopt});
  c.speaker = core::Speaker{speaker, core::SpeakerBasis::Quoted, ""};
  c.stated_on = day("2025-07-28");
  c.probability = p;
  c.outcome = outcome;
  return c;
}

// Hostile text from articles: HTML, a formula, Markdown, terminal escapes.
std::vector<core::Claim> hostile() {
  using core::Outcome;
  std::vector<core::Claim> cs;
  cs.push_back(claim("h1", "<script>alert(1)</script>", 0.8, Outcome::True));
  cs.push_back(claim("h2", "=HYPERLINK(\"http://evil\")", 0.3, Outcome::True));
  cs.push_back(claim("h3", "Ms *Bold* | pipe", 0.6, Outcome::False));
  cs.push_back(claim("h4", "Esc\x1b[31mRed", 0.6, Outcome::False));
  core::Claim open = claim("h5", "<script>alert(1)</script>", 0.7, Outcome::True);
  open.outcome.reset();
  open.text = "They will <img src=x onerror=alert(2)> & more";
  open.deadline.end = day("2025-09-01");
  open.deadline.phrase = "by <b>September</b>";
  cs.push_back(open);
  return cs;
}

score::Scorecard card_of(const std::vector<core::Claim>& cs, score::GroupBy by) {
  score::ScorecardOptions o;
  o.by = by;
  o.as_of = day("2025-12-31");
  score::ArticleIndex articles{{"a1", {"Daily <Times>", "T", "https://x", std::nullopt}}};
  return score::build_scorecard(cs, articles, o);
}

}  // namespace

TEST_SUITE("report.escape") {
  TEST_CASE("HTML escaping turns markup into text") {
    CHECK(report::html_escape("<script>alert('x') & \"y\"</script>") ==
          "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  }

  TEST_CASE("Markdown escaping neutralises emphasis, links, HTML and table pipes") {
    CHECK(report::markdown_escape("*a* _b_ [c](d) <e> | #f\nnext") ==
          "\\*a\\* \\_b\\_ \\[c\\](d) \\<e\\> \\| \\#f next");
  }

  TEST_CASE("a CSV cell that starts like a formula gets a leading quote") {
    CHECK(report::csv_text("=1+2") == "'=1+2");
    CHECK(report::csv_text("+1") == "'+1");
    CHECK(report::csv_text("-1") == "'-1");
    CHECK(report::csv_text("@SUM(A1)") == "'@SUM(A1)");
    CHECK(report::csv_text("a, b") == "\"a, b\"");
    CHECK(report::csv_text("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(report::csv_text("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(report::csv_text("plain") == "plain");
  }

  TEST_CASE("terminal text loses control characters and keeps UTF-8") {
    CHECK(report::terminal_safe("a\x1b[31mb\nc — é") == "a [31mb c — é");
    CHECK(report::display_width("Zoë — ok") == 8);
    CHECK(report::truncate("abcdef", 4) == "abc…");
    CHECK(report::truncate("abc", 4) == "abc");
    CHECK(report::pad("é", 3) == "é  ");
    CHECK(report::pad("7", 3, true) == "  7");
  }
}

TEST_SUITE("report.scorecard") {
  TEST_CASE("format names parse") {
    CHECK(report::format_from_string("md") == report::Format::Markdown);
    CHECK(report::format_from_string("html") == report::Format::Html);
    CHECK_FALSE(report::format_from_string("pdf").has_value());
  }

  TEST_CASE("the JSON scorecard has the documented shape and the computed figures") {
    auto cs = hostile();
    auto j = report::scorecard_to_json(card_of(cs, score::GroupBy::Month));
    CHECK(j["as_of"] == "2025-12-31");
    CHECK(j["by"] == "month");
    CHECK(j["min_n"] == 5);
    REQUIRE(j["groups"].size() == 1);
    const auto& g = j["groups"][0];
    CHECK(g["key"] == "2025-07");
    CHECK(g["n"] == 4);
    CHECK(g["predictions"] == 5);
    // (0.04 + 0.49 + 0.36 + 0.36) / 4
    CHECK(g["brier"].get<double>() == Approx(0.3125));
    CHECK(g["hits"] == 1);
    CHECK(g["calls"] == 4);
    CHECK(g["hit_rate"].get<double>() == Approx(0.25));
    CHECK(g["hit_rate_ci"].size() == 2);
    CHECK(g["open"] == 1);
    CHECK(g["overdue"] == 1);
    CHECK(g["void"] == 0);
    CHECK(g["too_small"] == true);
    CHECK(g["rank"].is_null());
    CHECK(j["calibration"].size() == 10);
    CHECK(j["calibration"][6]["n"] == 2);
    CHECK(j["calibration"][0]["observed"].is_null());
    CHECK(j["murphy"]["brier"].get<double>() == Approx(0.3125));
    REQUIRE(j["open"].size() == 1);
    CHECK(j["open"][0]["deadline_end"] == "2025-09-01");
    CHECK(j["open"][0]["overdue"] == true);
  }

  TEST_CASE("the HTML scorecard shows a script from an article as text") {
    auto cs = hostile();
    auto html = report::scorecard_html(card_of(cs, score::GroupBy::Speaker));
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("<b>September") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("They will &lt;img src=x onerror=alert(2)&gt; &amp; more") !=
          std::string::npos);
    CHECK(html.find("Daily &lt;Times&gt;") != std::string::npos);
  }

  TEST_CASE("the HTML scorecard is self-contained, with its charts inline") {
    auto cs = hostile();
    auto html = report::scorecard_html(card_of(cs, score::GroupBy::Speaker));
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("default-src 'none'") != std::string::npos);
    // Every text is escaped, so each '<' opens a real tag: none may fetch anything.
    std::string::size_type at = 0;
    int tags = 0;
    while ((at = html.find('<', at)) != std::string::npos) {
      auto end = html.find('>', at);
      REQUIRE(end != std::string::npos);
      std::string tag = html.substr(at, end - at + 1);
      CAPTURE(tag);
      for (const char* fetch : {" src=", " href=", "xlink:href", "<link", "<script", "<img",
                                "<iframe", "<object", "<embed", "url("})
        CHECK(tag.find(fetch) == std::string::npos);
      ++tags;
      at = end;
    }
    CHECK(tags > 100);
    CHECK(html.find("@import") == std::string::npos);
    CHECK(html.find("aria-label=\"calibration curve\"") != std::string::npos);
    CHECK(html.find("stroke-dasharray=\"5 4\"><title>perfect calibration") != std::string::npos);
    CHECK(html.find("aria-label=\"hit rate by group\"") != std::string::npos);
    CHECK(html.find(">n=2</text>") != std::string::npos);  // the 0.6 bin's count
    CHECK(html.find("badge overdue") != std::string::npos);
  }

  TEST_CASE("Markdown and CSV scorecards escape article text") {
    auto cs = hostile();
    auto card = card_of(cs, score::GroupBy::Speaker);
    auto md = report::scorecard_markdown(card);
    CHECK(md.find("| Ms \\*Bold\\* \\| pipe |") != std::string::npos);
    CHECK(md.find("\\<script\\>alert(1)\\</script\\>") != std::string::npos);
    auto csv = report::scorecard_csv(card);
    CHECK(csv.rfind("speaker,n,predictions,resolved,brier,log,brier_skill,hit_rate,", 0) == 0);
    CHECK(csv.find("\r\n\"'=HYPERLINK(\"\"http://evil\"\")\",1,1,1,0.49,") != std::string::npos);
    CHECK(csv.find("\r\nall,4,5,4,0.3125,") != std::string::npos);
  }

  TEST_CASE("the text scorecard aligns its columns and strips terminal escapes") {
    auto cs = hostile();
    auto text = report::scorecard_text(card_of(cs, score::GroupBy::Speaker));
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK(text.rfind("Scorecard by speaker as of 2025-12-31\n", 0) == 0);
    CHECK(text.find("Open predictions: 1 (1 overdue)") != std::string::npos);
    CHECK(text.find("2025-09-01  yes") != std::string::npos);
  }

  TEST_CASE("a capped open list says how many it lists, in text, JSON and HTML") {
    auto cs = hostile();
    for (const char* id : {"h6", "h7"}) {
      core::Claim more = claim(id, "Ana", 0.6, core::Outcome::True);
      more.outcome.reset();
      more.deadline.end = day("2026-03-01");
      cs.push_back(more);
    }
    score::ScorecardOptions o;
    o.as_of = day("2025-12-31");
    o.open_limit = 2;
    score::ArticleIndex articles{{"a1", {"Daily", "T", "https://x", std::nullopt}}};
    auto card = score::build_scorecard(cs, articles, o);
    REQUIRE(card.open.size() == 2);
    CHECK(card.open[0].claim == "h5");
    CHECK(card.open[1].claim == "h6");
    auto text = report::scorecard_text(card);
    CHECK(text.find("Open predictions: 3 (1 overdue), the 2 nearest deadlines listed\n") !=
          std::string::npos);
    auto j = report::scorecard_to_json(card);
    CHECK(j["open_limit"] == 2);
    CHECK(j["open"].size() == 2);
    CHECK(j["overall"]["open"] == 3);
    auto html = report::scorecard_html(card);
    CHECK(html.find("<p class=\"note\">The 2 with the nearest deadlines.</p>") !=
          std::string::npos);
    o.open_limit = 3;
    auto full = report::scorecard_text(score::build_scorecard(cs, articles, o));
    CHECK(full.find("Open predictions: 3 (1 overdue)\n") != std::string::npos);
  }

  TEST_CASE("the demo's summary has a row per speaker and a total") {
    auto cs = hostile();
    auto text = report::speaker_summary(card_of(cs, score::GroupBy::Speaker));
    CHECK(text ==
          "speaker                    found  resolved  Brier  open\n"
          "-------------------------  -----  --------  -----  -------------\n"
          "<script>alert(1)</script>      2         1  0.040  1 (1 overdue)\n"
          "=HYPERLINK(\"http://evil\")      1         1  0.490  0\n"
          "Esc [31mRed                    1         1  0.360  0\n"
          "Ms *Bold* | pipe               1         1  0.360  0\n"
          "all                            5         4  0.312  1 (1 overdue)\n");
  }
}
