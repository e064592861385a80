// The whole of tests/data/reference/temporal-cases.tsv, read from the file: each
// fragment is normalized against its anchor (dct) and compared as issue 3 measures
// `hindsight when --batch`: the interval end must match, the start too for START
// cases, and OPEN cases must give no interval. At least 95% must be right; the
// misses are printed.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "extract/timex.hpp"

using namespace hindsight;

namespace {

struct Case {
  std::string id, fragment, dct, start, end, kind;
};

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> cols;
  std::size_t from = 0;
  for (;;) {
    const std::size_t tab = line.find('\t', from);
    cols.push_back(line.substr(from, tab == std::string::npos ? std::string::npos : tab - from));
    if (tab == std::string::npos) return cols;
    from = tab + 1;
  }
}

std::vector<Case> read_cases() {
  std::ifstream in(std::string(HINDSIGHT_SOURCE_DIR) + "/tests/data/reference/temporal-cases.tsv");
  REQUIRE(in);
  std::vector<Case> cases;
  std::string line;
  std::getline(in, line);  // header
  REQUIRE(line.rfind("id\tfragment\tdct\tstart\tend\tkind", 0) == 0);
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto c = split_tabs(line);
    REQUIRE(c.size() >= 6);
    cases.push_back({c[0], c[1], c[2], c[3], c[4], c[5]});
  }
  return cases;
}

// Empty when the case is right, else what went wrong.
std::string check(const Case& c) {
  auto anchor = core::parse_date(c.dct);
  if (!anchor) return "bad dct";
  auto e = extract::normalize_time(c.fragment, *anchor);
  const std::string start = e ? core::format_date(e->start) : "";
  const std::string end = e ? core::format_date(e->end) : "";
  const std::string got =
      "[" + start + ", " + end + "] " +
      (e ? std::string(extract::to_string(e->role)) + " '" + e->phrase + "'" : std::string("none"));
  if (c.kind == "OPEN") return start.empty() && end.empty() ? "" : got;
  if (end != c.end) return got;
  if (c.kind == "START" && start != c.start) return got;
  return "";
}

}  // namespace

TEST_SUITE("extract.timex.reference") {
  TEST_CASE("temporal-cases.tsv: at least 95% of the intervals are right") {
    const auto cases = read_cases();
    REQUIRE(cases.size() >= 40);
    std::size_t right = 0;
    std::ostringstream misses;
    for (const auto& c : cases) {
      const std::string miss = check(c);
      if (miss.empty()) {
        ++right;
      } else {
        misses << "  " << c.id << " \"" << c.fragment << "\" @" << c.dct << ": expected ["
               << c.start << ", " << c.end << "] " << c.kind << ", got " << miss << "\n";
      }
    }
    const double accuracy = static_cast<double>(right) / static_cast<double>(cases.size());
    MESSAGE("temporal-cases.tsv: " << right << "/" << cases.size() << " right\n" << misses.str());
    CHECK(accuracy >= 0.95);
  }

  TEST_CASE("the roles follow the kind column") {
    // DURATION cases are content (role Duration), OPEN ones have no interval, PAST
    // ones are past, START ones are open-ended.
    for (const auto& c : read_cases()) {
      auto e = extract::normalize_time(c.fragment, *core::parse_date(c.dct));
      CAPTURE(c.id);
      CAPTURE(c.fragment);
      if (c.kind == "OPEN") {
        REQUIRE(e);
        CHECK(e->role == extract::TimeRole::Open);
      } else if (c.kind == "PAST") {
        REQUIRE(e);
        CHECK(e->role == extract::TimeRole::Past);
      } else if (c.kind == "START") {
        REQUIRE(e);
        CHECK(e->role == extract::TimeRole::Start);
        CHECK_FALSE(e->end);
      } else if (c.kind == "DURATION") {
        REQUIRE(e);
        CHECK(e->role == extract::TimeRole::Duration);
      } else {
        REQUIRE(e);
        CHECK(e->role != extract::TimeRole::Duration);
        CHECK(e->role != extract::TimeRole::Open);
      }
    }
  }
}
