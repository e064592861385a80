// Hostile text: article text, outlet, title, speaker, notes and names that hold SQL,
// HTML, script tags, spreadsheet formulas, terminal control sequences and a
// bidirectional override. Stored exactly as given; shown as text in every output —
// escaped in HTML and Markdown, neutralised in CSV, visible escapes on the terminal;
// never executed or interpreted.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "cli/safe_output.hpp"
#include "test_reliability_fixture.hpp"
#include "util/controls.hpp"

using namespace reliability;

namespace {

const std::string kSql = "Robert'); DROP TABLE claims; --";
const std::string kScript = "<script>alert(1)</script>";
const std::string kImg = "<img src=x onerror=alert(2)>";
const std::string kEsc = "\x1b[2J\x1b]0;pwned\x07";  // clear screen, window title, bell
const std::string kRlo = "\xe2\x80\xae";             // U+202E RIGHT-TO-LEFT OVERRIDE
const std::string kFormula = "=HYPERLINK(\"http://evil.example\",\"x\")";

// The article: every kind of hostile text in its text and metadata.
std::string hostile_article() {
  nlohmann::json a{
      {"text", "Officials said the truce would likely be extended by March 2026, " + kSql +
                   " said. " + kScript + " " + kImg + " " + kEsc +
                   " Analysts expect tariffs to fall next year" + kRlo +
                   "txt.exe.\n\n"
                   "Trade negotiator Kwame Tanaka said Washington is expected to drop the "
                   "tariff within 90 days."},
      {"outlet", kScript + kEsc},
      {"title", kFormula + kRlo},
      {"author", "@SUM(1+1)*cmd|' /C calc'!A0"},
      {"url", "javascript:alert(3)"},
      {"published", "2025-07-29"}};
  return a.dump() + "\n";
}

// True when `text` holds a byte that a terminal would act on, or a bidi override.
bool has_raw_controls(const std::string& text) {
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\n' && c != '\t' && c != '\r') || u == 0x7f) return true;
  }
  return text.find(kRlo) != std::string::npos || text.find("\xc2\x9b") != std::string::npos;
}

struct Ledger {
  fs::path dir = temp_dir("hostile");
  std::string db;
  std::string claim;  // the hostile claim (the one whose text holds the script tag)

  Ledger() {
    db = full_ledger(dir);
    auto file = write(dir / "hostile.jsonl", hostile_article());
    REQUIRE(run({"--db", db, "import", file.string()}).rc == 0);
    REQUIRE(run({"--db", db, "extract"}).rc == 0);
    SQLite::Database sql(db, SQLite::OPEN_READONLY);
    claim = sql.execAndGet("SELECT id FROM claims WHERE text LIKE '%truce would likely%" +
                           std::string("2026%'") + " ORDER BY id LIMIT 1")
                .getString();
    // A speaker, a note and a reviewer's name that are hostile too.
    auto edit = run({"--db", db, "review", claim, "edit", "--set", "speaker=" + kFormula + kScript,
                     "--by", kEsc + "mallory"});
    REQUIRE_MESSAGE(edit.rc == 0, edit.err);
    auto mark = run({"--db", db, "mark", claim, "true", "--by", kSql, "--note",
                     kScript + kEsc + kRlo, "--as-of", "2026-11-22"});
    REQUIRE_MESSAGE(mark.rc == 0, mark.err);
  }
};

const Ledger& ledger() {
  static const Ledger instance;
  return instance;
}

}  // namespace

TEST_SUITE("reliability.hostile") {
  TEST_CASE("hostile text is stored exactly as given and no SQL in it runs") {
    const auto& l = ledger();
    SQLite::Database sql(l.db, SQLite::OPEN_READONLY);
    auto article = nlohmann::json::parse(hostile_article());
    SQLite::Statement q(sql,
                        "SELECT outlet, title, author, url, text FROM articles WHERE "
                        "source LIKE '%hostile.jsonl%'");
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(0).getString() == article["outlet"]);
    CHECK(q.getColumn(1).getString() == article["title"]);
    CHECK(q.getColumn(2).getString() == article["author"]);
    CHECK(q.getColumn(3).getString() == article["url"]);
    auto text = q.getColumn(4).getString();
    for (const auto& s : {kSql, kScript, kImg, kEsc, kRlo})
      CHECK(text.find(s) != std::string::npos);
    CHECK(sql.tableExists("claims"));
    CHECK(sql.execAndGet("SELECT speaker_name FROM claims WHERE id = '" + l.claim + "'")
              .getString() == kFormula + kScript);
    SQLite::Statement note(sql, "SELECT note FROM resolutions WHERE by = ?");
    note.bind(1, kSql);
    REQUIRE(note.executeStep());
    CHECK(note.getColumn(0).getString() == kScript + kEsc + kRlo);
  }

  TEST_CASE("JSON outputs carry the text exactly, as valid JSON") {
    const auto& l = ledger();
    auto claims = run({"--db", l.db, "claims", "--json"});
    bool found = false;
    std::istringstream lines(claims.out);
    for (std::string line; std::getline(lines, line);) {
      auto j = nlohmann::json::parse(line);  // throws on invalid JSON
      if (j["id"] == l.claim) {
        found = true;
        CHECK(j["speaker"]["name"] == kFormula + kScript);
      }
    }
    CHECK(found);
    auto history = run({"--db", l.db, "history", l.claim, "--json"});
    CHECK(history.out.find("\"by\":\"" + kSql + "\"") != std::string::npos);
    bool note_found = false;
    std::istringstream entries(history.out);
    for (std::string line; std::getline(entries, line);) {
      auto j = nlohmann::json::parse(line);
      if (j["type"] == "resolution" && j["by"] == kSql)
        note_found = j["note"] == kScript + kEsc + kRlo;
    }
    CHECK(note_found);
    CHECK_FALSE(has_raw_controls(claims.out + history.out));
  }

  TEST_CASE("terminal outputs show control sequences and overrides as visible escapes") {
    const auto& l = ledger();
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"articles"},
             {"claims"},
             {"history", l.claim},
             {"explain", l.claim, "--as-of", "2026-11-22"},
             {"scorecard", "--as-of", "2026-11-22"},
             {"scorecard", "--by", "outlet", "--as-of", "2026-11-22"},
             {"mark", l.claim, "void", "--by", kEsc, "--as-of", "2026-11-22"}}) {
      std::vector<std::string> all{"--db", l.db};
      all.insert(all.end(), args.begin(), args.end());
      auto r = run(all);
      INFO(args[0] << ": " << r.out << r.err);
      CHECK(r.rc == 0);
      CHECK_FALSE(has_raw_controls(r.out));
      CHECK_FALSE(has_raw_controls(r.err));
    }
    auto list = run({"--db", l.db, "articles"});
    CHECK(list.out.find(kScript + "\\u001b[2J\\u001b]0;pwned\\u0007") != std::string::npos);
    // Errors that quote hostile input are guarded too.
    auto bad = run({"--db", l.db, "review", l.claim, "edit", "--set", kEsc + "=1", "--by", "x"});
    CHECK(bad.rc == 1);
    CHECK_FALSE(has_raw_controls(bad.err));
  }

  TEST_CASE("the escapes are JSON's own, so a JSON line keeps its meaning") {
    CHECK(hindsight::util::escape_controls("a\x1b[2Jb\tc\r\n") == "a\\u001b[2Jb\tc\r\n");
    CHECK(hindsight::util::escape_controls("x" + kRlo + "y\xc2\x9bz\xe2\x80\x99") ==
          "x\\u202ey\\u009bz\xe2\x80\x99");
    auto line = nlohmann::json{{"note", "rtl" + kRlo + "\xc2\x85"}}.dump();
    auto shown = hindsight::util::escape_controls(line);
    CHECK(shown != line);
    CHECK(nlohmann::json::parse(shown) == nlohmann::json::parse(line));
    // A sequence split across writes is still recognised.
    std::ostringstream out;
    {
      hindsight::cli::SafeOutput guard(out);
      out << "a\xe2" << std::flush << "\x80"
          << "\xae"
          << "b\xe2\x80"
          << "\x99" << '\x1b';
    }
    CHECK(out.str() == "a\\u202eb\xe2\x80\x99\\u001b");
  }

  TEST_CASE("HTML and Markdown scorecards show markup as text") {
    const auto& l = ledger();
    for (const auto* format : {"html", "md"}) {
      for (const auto* by : {"speaker", "outlet"}) {
        auto file = l.dir / (std::string("card-") + by + "." + format);
        auto r = run({"--db", l.db, "scorecard", "--by", by, "--format", format, "--as-of",
                      "2026-11-22", "--include-quoted", "-o", file.string()});
        REQUIRE_MESSAGE(r.rc == 0, r.err);
        auto page = read(file);
        INFO(std::string(format) << " by " << by);
        CHECK(page.find(kScript) == std::string::npos);
        // Markup from the article is never live: in HTML every '<' of it is &lt;, in
        // Markdown it is backslash-escaped.
        for (auto at = page.find("<img"); at != std::string::npos; at = page.find("<img", at + 1))
          CHECK((std::string(format) == "md" && at > 0 && page[at - 1] == '\\'));
        for (auto at = page.find("<script"); at != std::string::npos;
             at = page.find("<script", at + 1))
          CHECK((std::string(format) == "md" && at > 0 && page[at - 1] == '\\'));
        CHECK(page.find("script") != std::string::npos);  // shown, as text
        CHECK_FALSE(has_raw_controls(page));
      }
    }
  }

  TEST_CASE("CSV outputs neutralise formulas and keep the text") {
    const auto& l = ledger();
    auto csv_file = l.dir / "claims.csv";
    auto exported =
        run({"--db", l.db, "export", "csv", "--as-of", "2026-11-22", "-o", csv_file.string()});
    REQUIRE_MESSAGE(exported.rc == 0, exported.err);
    auto card = run({"--db", l.db, "scorecard", "--format", "csv", "--as-of", "2026-11-22"});
    REQUIRE(card.rc == 0);
    for (const auto& csv : {read(csv_file), card.out}) {
      // No cell starts with = + - @: after a separator or a line start comes the quote.
      CHECK(csv.find(",=") == std::string::npos);
      CHECK(csv.find(",\"=") == std::string::npos);
      CHECK(csv.find("\n=") == std::string::npos);
      CHECK(csv.find(",@") == std::string::npos);
      CHECK_FALSE(has_raw_controls(csv));
    }
    CHECK(read(csv_file).find("\"'=HYPERLINK(\"\"http://evil.example\"\"") != std::string::npos);
  }

  TEST_CASE("a ClaimReview export cannot close the script element it is embedded in") {
    const auto& l = ledger();
    auto r = run({"--db", l.db, "export", "claimreview", "--as-of", "2026-11-22"});
    REQUIRE(r.rc == 0);
    auto reviews = nlohmann::json::parse(r.out);
    CHECK(reviews.dump().find("script") != std::string::npos);
    // JSON-LD is pasted into <script type="application/ld+json">: "</script" must not occur.
    CHECK(r.out.find("</script") == std::string::npos);
    CHECK(r.out.find("<script") == std::string::npos);
  }
}
