// Every figure below is worked out by hand in the comments beside it.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "score/calibration.hpp"
#include "score/metrics.hpp"

using namespace hindsight::score;
using doctest::Approx;

TEST_SUITE("score.metrics") {
  TEST_CASE("the Brier score is the squared distance from the outcome") {
    CHECK(brier({0.8, 1}) == Approx(0.04));       // (0.8 − 1)²
    CHECK(brier({0.3, 0}) == Approx(0.09));       // (0.3 − 0)²
    CHECK(brier({0.6, 0.75}) == Approx(0.0225));  // partial credit: (0.6 − 0.75)²
    CHECK(brier({1.0, 1}) == 0.0);
  }

  TEST_CASE("the mean Brier score averages over forecasts and is absent without any") {
    std::vector<Forecast> fs{{0.8, 1}, {0.3, 0}, {0.6, 0.75}};
    // (0.04 + 0.09 + 0.0225) / 3 = 0.1525 / 3
    CHECK(*mean_brier(fs) == Approx(0.0508333333));
    CHECK_FALSE(mean_brier({}).has_value());
  }

  TEST_CASE("the log loss uses natural logs and weighs partial credit") {
    CHECK(log_loss({0.8, 1}) == Approx(0.2231435513));  // −ln 0.8
    CHECK(log_loss({0.3, 0}) == Approx(0.3566749439));  // −ln 0.7
    // −(0.75 ln 0.6 + 0.25 ln 0.4) = 0.3831192 + 0.2290727
    CHECK(log_loss({0.6, 0.75}) == Approx(0.6121918839));
    CHECK(log_loss({0.5, 1}) == Approx(0.6931471806));  // ln 2 whatever happens
    std::vector<Forecast> fs{{0.8, 1}, {0.3, 0}};
    CHECK(*mean_log_loss(fs) == Approx((0.2231435513 + 0.3566749439) / 2));
  }

  TEST_CASE("a certain forecast that went wrong costs a finite log loss") {
    CHECK(log_loss({1.0, 0}) == Approx(6.907755279));  // −ln 0.001
    CHECK(log_loss({0.0, 1}) == Approx(6.907755279));
    CHECK(std::isfinite(log_loss({0.0, 1})));
  }

  TEST_CASE("Brier skill compares with always saying one half") {
    std::vector<Forecast> fs{{0.8, 1}, {0.3, 0}, {0.6, 0.75}};
    // reference: (0.25 + 0.25 + 0.0625) / 3 = 0.1875; 1 − 0.0508333 / 0.1875
    CHECK(*brier_skill(fs) == Approx(0.7288888889));
    std::vector<Forecast> coin{{0.5, 1}, {0.5, 0}};
    CHECK(*brier_skill(coin) == Approx(0.0));
    std::vector<Forecast> bad{{0.0, 1}};  // 1 − 1 / 0.25
    CHECK(*brier_skill(bad) == Approx(-3.0));
    std::vector<Forecast> undecidable{{0.7, 0.5}};  // every o is 0.5: no reference spread
    CHECK_FALSE(brier_skill(undecidable).has_value());
    CHECK_FALSE(brier_skill({}).has_value());
  }

  TEST_CASE("the Wilson interval matches values worked out by hand") {
    // 8/10: p̂ = 0.8, z² = 3.8415, centre = (0.8 + 0.19207) / 1.38415 = 0.71674,
    // half = 1.96 / 1.38415 · √(0.016 + 0.0096037) = 0.22658
    auto ci = wilson_interval(8, 10);
    REQUIRE(ci);
    CHECK(ci->low == Approx(0.4901625).epsilon(1e-5));
    CHECK(ci->high == Approx(0.9433178).epsilon(1e-5));
    // 0/5: the interval starts at 0 and ends at z²/(n + z²) = 3.8415 / 8.8415
    auto zero = wilson_interval(0, 5);
    CHECK(zero->low == 0.0);
    CHECK(zero->high == Approx(0.4344825).epsilon(1e-5));
    // 5/5 mirrors it
    auto all = wilson_interval(5, 5);
    CHECK(all->low == Approx(1 - 0.4344825).epsilon(1e-5));
    CHECK(all->high == 1.0);
    CHECK_FALSE(wilson_interval(0, 0).has_value());
  }

  TEST_CASE("a forecast below one half that did not happen is a hit") {
    std::vector<Forecast> fs{
        {0.8, 1},     // said yes, came true: hit
        {0.2, 0},     // said no, did not happen: hit
        {0.7, 0},     // said yes, did not happen: miss
        {0.5, 1},     // no side: no call
        {0.3, 0.5},   // half credit has no side: no call
        {0.6, 0.75},  // said yes, mostly came true: hit
    };
    auto r = hit_rate(fs);
    CHECK(r.hits == 3);
    CHECK(r.calls == 4);
    CHECK(r.no_call == 2);
    CHECK(*r.rate == Approx(0.75));
    // Wilson for 3/4: centre (0.75 + 0.48018) / 1.96037 = 0.62753,
    // half = 1.96 / 1.96037 · √(0.046875 + 0.060024) = 0.32682
    CHECK(r.ci->low == Approx(0.3006418).epsilon(1e-5));
    CHECK(r.ci->high == Approx(0.9544127).epsilon(1e-5));
  }

  TEST_CASE("no calls give no hit rate") {
    std::vector<Forecast> fs{{0.5, 1}};
    auto r = hit_rate(fs);
    CHECK(r.calls == 0);
    CHECK_FALSE(r.rate.has_value());
    CHECK_FALSE(r.ci.has_value());
  }
}

TEST_SUITE("score.calibration") {
  // Ten forecasts in three bins:
  //   0.15 ×4, one came true          → bin [0.1, 0.2): f̄ 0.15, ō 0.25
  //   0.75 ×4, three came true        → bin [0.7, 0.8): f̄ 0.75, ō 0.75
  //   0.95 ×2, both came true         → bin [0.9, 1.0]: f̄ 0.95, ō 1
  std::vector<Forecast> ten() {
    return {{0.15, 1}, {0.15, 0}, {0.15, 0}, {0.15, 0}, {0.75, 1},
            {0.75, 1}, {0.75, 1}, {0.75, 0}, {0.95, 1}, {0.95, 1}};
  }

  TEST_CASE("forecasts fall in the bin a reader expects, edges included") {
    CHECK(bin_index(0.0) == 0);
    CHECK(bin_index(0.1) == 1);
    CHECK(bin_index(0.3) == 3);
    CHECK(bin_index(0.7 - 0.4) == 3);  // 0.29999999999999993
    CHECK(bin_index(0.999) == 9);
    CHECK(bin_index(1.0) == 9);
    CHECK(bin_index(1.5) == 9);
    CHECK(bin_index(-0.2) == 0);
    CHECK(bin_index(0.5, 4) == 2);
  }

  TEST_CASE("calibration counts, means and observed frequencies per bin") {
    auto fs = ten();
    auto bins = calibration(fs);
    REQUIRE(bins.size() == 10);
    CHECK(bins[0].n == 0);
    CHECK_FALSE(bins[0].observed.has_value());
    CHECK(bins[1].low == Approx(0.1));
    CHECK(bins[1].high == Approx(0.2));
    CHECK(bins[1].n == 4);
    CHECK(*bins[1].mean_forecast == Approx(0.15));
    CHECK(*bins[1].observed == Approx(0.25));
    CHECK(bins[7].n == 4);
    CHECK(*bins[7].observed == Approx(0.75));
    CHECK(bins[9].n == 2);
    CHECK(*bins[9].mean_forecast == Approx(0.95));
    CHECK(*bins[9].observed == Approx(1.0));
    // 1/4: centre (0.25 + 0.48018) / 1.96037 = 0.37247, half 0.32682
    CHECK(bins[1].observed_ci->low == Approx(0.0455873).epsilon(1e-5));
    CHECK(bins[1].observed_ci->high == Approx(0.6993582).epsilon(1e-5));
  }

  TEST_CASE("the Murphy decomposition adds up to the Brier score on binary outcomes") {
    auto fs = ten();
    auto m = murphy(fs);
    REQUIRE(m);
    // ō = 6/10 = 0.6
    // REL = [4(0.15−0.25)² + 4·0 + 2(0.95−1)²]/10 = (0.04 + 0.005)/10
    CHECK(m->reliability == Approx(0.0045));
    // RES = [4(0.25−0.6)² + 4(0.75−0.6)² + 2(1−0.6)²]/10 = (0.49 + 0.09 + 0.32)/10
    CHECK(m->resolution == Approx(0.09));
    CHECK(m->uncertainty == Approx(0.24));  // 0.6 · 0.4
    // Brier by hand: (0.7225 + 3·0.0225 + 3·0.0625 + 0.5625 + 2·0.0025)/10 = 1.545/10
    CHECK(m->brier == Approx(0.1545));
    CHECK(m->reliability - m->resolution + m->uncertainty == Approx(m->brier));
  }

  TEST_CASE("the decomposition of no forecasts is absent") {
    CHECK_FALSE(murphy({}).has_value());
  }
}
