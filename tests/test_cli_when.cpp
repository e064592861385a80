// `hindsight when`: one phrase as text or JSON, and the --batch loop with its
// per-line errors (docs/time.md).
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "cli/run.hpp"
#include "cli/when.hpp"

using namespace hindsight;

namespace {

struct Ran {
  int code;
  std::string out, err;
};

Ran run(std::vector<std::string> args) {
  std::ostringstream out, err;
  const int code = cli::run(args, out, err);
  return {code, out.str(), err.str()};
}

Ran batch(const std::string& input, std::optional<core::Date> on = std::nullopt) {
  std::istringstream in(input);
  std::ostringstream out, err;
  const auto bad = cli::run_when_batch(in, out, err, on);
  return {static_cast<int>(bad), out.str(), err.str()};
}

}  // namespace

TEST_SUITE("cli.when") {
  TEST_CASE("when prints the interval, its role and basis, and the words it came from") {
    auto r = run({"when", "by the end of the year", "--on", "2025-09-15"});
    CHECK(r.code == 0);
    CHECK(r.out == "2025-09-15 .. 2025-12-31  deadline, stated  (by the end of the year)\n");
    CHECK(r.err == "");
  }

  TEST_CASE("when says so when there is no time, or no interval") {
    CHECK(run({"when", "a second round of talks", "--on", "2025-09-15"}).out ==
          "no time expression in \"a second round of talks\"\n");
    CHECK(run({"when", "they will eventually agree", "--on", "2025-09-15"}).out ==
          "no interval: \"eventually\" speaks of the future without a date (open)\n");
    CHECK(run({"when", "from November 10", "--on", "2025-11-04"}).out ==
          "2025-11-10 .. (open end)  start, stated  (from November 10)\n");
  }

  TEST_CASE("when --json prints one object with role and match") {
    auto r =
        run({"when", "the truce may be extended beyond Aug. 12", "--on", "2025-07-29", "--json"});
    CHECK(r.code == 0);
    CHECK(r.out ==
          "{\"phrase\":\"the truce may be extended beyond Aug. 12\",\"start\":\"2025-08-13\","
          "\"end\":null,\"basis\":\"stated\",\"role\":\"start\",\"match\":\"beyond Aug. 12\"}\n");
  }

  TEST_CASE("when refuses a bad --on date and a missing phrase as usage errors") {
    auto r = run({"when", "next month", "--on", "2025-02-30"});
    CHECK(r.code == 2);
    CHECK(r.err == "hindsight: usage error: --on: '2025-02-30' is not a date in the calendar\n");
    r = run({"when"});
    CHECK(r.code == 2);
    CHECK(r.err == "hindsight: usage error: 'when' needs a PHRASE (or --batch)\n");
  }

  TEST_CASE("a batch writes one JSON line per phrase, with nulls where there is no time") {
    auto r = batch("next month\t2025-07-29\nsoon\t2025-07-29\nno time here\t2025-07-29\n");
    CHECK(r.code == 0);
    CHECK(r.out ==
          "{\"phrase\":\"next month\",\"start\":\"2025-08-01\",\"end\":\"2025-08-31\","
          "\"basis\":\"stated\",\"role\":\"deadline\",\"match\":\"next month\"}\n"
          "{\"phrase\":\"soon\",\"start\":null,\"end\":null,\"basis\":\"none\",\"role\":\"open\","
          "\"match\":\"soon\"}\n"
          "{\"phrase\":\"no time here\",\"start\":null,\"end\":null,\"basis\":\"none\","
          "\"role\":null,\"match\":null}\n");
    CHECK(r.err == "");
  }

  TEST_CASE("a malformed batch line gives an error object naming the line, and the batch goes on") {
    auto r = batch("no tab\nin two weeks\t2025-02-30\n\nin two weeks\t2025-06-16\r\n");
    CHECK(r.code == 2);
    CHECK(r.out ==
          "{\"line\":1,\"phrase\":\"no tab\",\"error\":\"line 1: expected "
          "'phrase<TAB>YYYY-MM-DD'\"}\n"
          "{\"line\":2,\"phrase\":\"in two weeks\\u00092025-02-30\",\"error\":\"line 2: "
          "'2025-02-30' is not a date in the calendar\"}\n"
          "{\"phrase\":\"in two weeks\",\"start\":\"2025-06-30\",\"end\":\"2025-06-30\","
          "\"basis\":\"stated\",\"role\":\"point\",\"match\":\"in two weeks\"}\n");
    CHECK(r.err ==
          "hindsight: <stdin>:1: expected 'phrase<TAB>YYYY-MM-DD'\n"
          "hindsight: <stdin>:2: '2025-02-30' is not a date in the calendar\n");
  }

  TEST_CASE("a batch line that is not UTF-8 is an error, and JSON stays valid") {
    auto r = batch("by March \xC3\x28\t2025-11-20\n");
    CHECK(r.code == 1);
    CHECK(r.out ==
          "{\"line\":1,\"phrase\":\"\",\"error\":\"line 1: the line is not valid UTF-8\"}\n");
  }

  TEST_CASE("a batch line without a date takes --on when it is given") {
    auto r = batch("next month\n", *core::parse_date("2025-12-10"));
    CHECK(r.code == 0);
    CHECK(r.out ==
          "{\"phrase\":\"next month\",\"start\":\"2026-01-01\",\"end\":\"2026-01-31\","
          "\"basis\":\"stated\",\"role\":\"deadline\",\"match\":\"next month\"}\n");
  }

  TEST_CASE("quotes and control characters in a phrase are escaped") {
    auto r = batch("\"by March\" \\ they say\t2025-11-20\n");
    CHECK(r.out ==
          "{\"phrase\":\"\\\"by March\\\" \\\\ they say\",\"start\":\"2025-11-20\","
          "\"end\":\"2026-03-31\",\"basis\":\"stated\",\"role\":\"deadline\","
          "\"match\":\"by March\"}\n");
  }
}
