// Quantiles, ERT and its bootstrap interval against values computed by hand.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "descent/analysis/statistics.hpp"

using namespace descent;
using Catch::Matchers::WithinULP;

TEST_CASE("quantiles interpolate linearly between order statistics (numpy's default)",
          "[analysis][statistics]") {
  // Sorted 1, 2, 4, 8, h = 3q: q = 0.25 → h = 0.75 → 1 + 0.75·(2 − 1) = 1.75;
  // q = 0.5 → 2 + 0.5·(4 − 2) = 3; q = 0.75 → 4 + 0.25·(8 − 4) = 5.
  const std::vector<double> values{8.0, 1.0, 4.0, 2.0};
  REQUIRE_THAT(quantile(values, 0.25), WithinULP(1.75, 0));
  REQUIRE_THAT(quantile(values, 0.5), WithinULP(3.0, 0));
  REQUIRE_THAT(quantile(values, 0.75), WithinULP(5.0, 0));
  REQUIRE(quantile(values, 1.0) == 8.0);
  REQUIRE(quantile({7.0}, 0.25) == 7.0);
  REQUIRE(std::isnan(quantile({}, 0.5)));
}

TEST_CASE("ERT divides the cost of all runs by the successes", "[analysis][statistics]") {
  // Three runs: two reach the target after 10 and 20, one ends unsuccessful after 50.
  const std::vector<RunCost> runs{{10.0, true}, {20.0, true}, {50.0, false}};
  REQUIRE_THAT(expected_running_time(runs), WithinULP(40.0, 0));
  REQUIRE(expected_running_time({{50.0, false}, {60.0, false}}) ==
          std::numeric_limits<double>::infinity());
}

TEST_CASE("the bootstrap interval is reproducible and follows its documented construction",
          "[analysis][statistics][bootstrap]") {
  const std::vector<RunCost> runs{{10.0, true}, {20.0, true}, {50.0, false}};
  const int samples = 200;
  const std::uint64_t seed = 7;
  const auto resamples = bootstrap_resamples(runs.size(), samples, seed);

  SECTION("draws: ⌊u·m / 2⁶⁴⌋ of successive mt19937_64 outputs") {
    std::mt19937_64 generator(seed);
    for (const auto& resample : resamples)
      for (const auto index : resample) {
        const long double u = static_cast<long double>(generator());
        REQUIRE(index == static_cast<std::uint32_t>(std::floor(u * 3.0L / 18446744073709551616.0L)));
      }
  }
  SECTION("interval: nearest-rank 2.5% and 97.5% of the resampled ERTs") {
    std::vector<double> erts;
    for (const auto& resample : resamples) {
      double spent = 0.0;
      int successes = 0;
      for (const auto i : resample) {
        spent += runs[i].cost;
        successes += runs[i].reached ? 1 : 0;
      }
      erts.push_back(successes ? spent / successes : std::numeric_limits<double>::infinity());
    }
    std::sort(erts.begin(), erts.end());
    const Interval interval = bootstrap_ert_interval(runs, resamples);
    REQUIRE(interval.lower == erts[4]);     // ⌈0.025 · 200⌉ = 5th value
    REQUIRE(interval.upper == erts[194]);   // ⌈0.975 · 200⌉ = 195th value
    REQUIRE(interval.lower <= 40.0);
    REQUIRE(interval.upper >= 40.0);
  }
  SECTION("same seed, same interval; identical runs, a point interval") {
    const Interval a = bootstrap_ert_interval(runs, bootstrap_resamples(3, samples, seed));
    const Interval b = bootstrap_ert_interval(runs, resamples);
    REQUIRE(a.lower == b.lower);
    REQUIRE(a.upper == b.upper);
    const std::vector<RunCost> same{{5.0, true}, {5.0, true}, {5.0, true}};
    const Interval point = bootstrap_ert_interval(same, resamples);
    REQUIRE(point.lower == 5.0);
    REQUIRE(point.upper == 5.0);
  }
  SECTION("no run reaches the target: every resampled ERT, so the interval, is +inf") {
    const std::vector<RunCost> none{{10.0, false}, {20.0, false}, {50.0, false}};
    const Interval interval = bootstrap_ert_interval(none, resamples);
    REQUIRE(std::isinf(interval.lower));
    REQUIRE(std::isinf(interval.upper));
  }
}
