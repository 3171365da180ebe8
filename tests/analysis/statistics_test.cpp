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

TEST_CASE("the bootstrap intervals are reproducible and follow their documented construction",
          "[analysis][statistics][bootstrap]") {
  const std::vector<RunCost> runs{{10.0, true}, {20.0, true}, {50.0, false}};
  const std::vector<RunCost> later{{30.0, false}, {60.0, true}, {50.0, false}};
  const std::vector<RunCost> none{{10.0, false}, {20.0, false}, {50.0, false}};
  const int samples = 200;
  const std::uint64_t seed = 7;
  const auto intervals = bootstrap_ert_intervals({runs, later, none}, samples, seed);
  REQUIRE(intervals.size() == 3);

  // The documented construction, by hand: resample after resample of ⌊u·m / 2⁶⁴⌋ for
  // successive mt19937_64 outputs u, the same resamples for every target.
  std::mt19937_64 generator(seed);
  std::vector<std::vector<std::size_t>> resamples(samples);
  for (auto& resample : resamples)
    for (int j = 0; j < 3; ++j) {
      const long double u = static_cast<long double>(generator());
      resample.push_back(static_cast<std::size_t>(std::floor(u * 3.0L / 18446744073709551616.0L)));
    }
  const auto by_hand = [&](const std::vector<RunCost>& costs) {
    std::vector<double> erts;
    for (const auto& resample : resamples) {
      double spent = 0.0;
      int successes = 0;
      for (const auto i : resample) {
        spent += costs[i].cost;
        successes += costs[i].reached ? 1 : 0;
      }
      erts.push_back(successes ? spent / successes : std::numeric_limits<double>::infinity());
    }
    std::sort(erts.begin(), erts.end());
    return Interval{erts[4], erts[194]};  // ⌈0.025 · 200⌉ = 5th and ⌈0.975 · 200⌉ = 195th value
  };
  SECTION("interval: nearest-rank 2.5% and 97.5% of the resampled ERTs, for each target") {
    for (std::size_t t = 0; t < 2; ++t) {
      const Interval expected = by_hand(t == 0 ? runs : later);
      REQUIRE(intervals[t].lower == expected.lower);
      REQUIRE(intervals[t].upper == expected.upper);
    }
    REQUIRE(intervals[0].lower <= 40.0);
    REQUIRE(intervals[0].upper >= 40.0);
  }
  SECTION("no run reaches the target: every resampled ERT, so the interval, is +inf") {
    REQUIRE(std::isinf(intervals[2].lower));
    REQUIRE(std::isinf(intervals[2].upper));
  }
  SECTION("same seed, same intervals; one target alone, the same interval; identical runs, a point") {
    const auto again = bootstrap_ert_intervals({runs, later, none}, samples, seed);
    const auto alone = bootstrap_ert_intervals({later}, samples, seed);
    REQUIRE(again[1].lower == intervals[1].lower);
    REQUIRE(again[1].upper == intervals[1].upper);
    REQUIRE(alone[0].lower == intervals[1].lower);
    REQUIRE(alone[0].upper == intervals[1].upper);
    const auto point = bootstrap_ert_intervals({{{5.0, true}, {5.0, true}, {5.0, true}}}, samples, seed);
    REQUIRE(point[0].lower == 5.0);
    REQUIRE(point[0].upper == 5.0);
  }
  SECTION("without runs, NaN") {
    const auto empty = bootstrap_ert_intervals({std::vector<RunCost>{}}, samples, seed);
    REQUIRE(std::isnan(empty[0].lower));
  }
}

TEST_CASE("whole and fractional costs give the intervals of resamples summed in draw order",
          "[analysis][statistics][bootstrap]") {
  // 40 runs, 12 targets: run i reaches the first reach[i] targets, each at a cost that grows
  // with the target, and is charged its end cost for the others, as the report builds them.
  const std::size_t runs = 40, targets = 12;
  const int samples = 300;
  const std::uint64_t seed = Catch::rngSeed();
  std::mt19937_64 rng(seed);
  std::vector<std::size_t> reach(runs);
  std::vector<double> end(runs);
  for (std::size_t i = 0; i < runs; ++i) {
    reach[i] = rng() % (targets + 1);
    end[i] = static_cast<double>(100 + rng() % 900);
  }
  const auto costs_for = [&](double unit) {
    std::vector<std::vector<RunCost>> costs(targets, std::vector<RunCost>(runs));
    for (std::size_t t = 0; t < targets; ++t)
      for (std::size_t i = 0; i < runs; ++i)
        costs[t][i] = t < reach[i] ? RunCost{unit * static_cast<double>(3 * (t / 2) + i % 5 + 1), true}
                                   : RunCost{unit * end[i], false};
    return costs;
  };
  // The documented construction: resample after resample, costs summed in draw order.
  const auto in_draw_order = [&](const std::vector<std::vector<RunCost>>& costs) {
    std::mt19937_64 generator(seed);
    std::vector<std::vector<double>> erts(targets);
    for (int b = 0; b < samples; ++b) {
      std::vector<std::size_t> drawn;
      for (std::size_t j = 0; j < runs; ++j) {
        const long double u = static_cast<long double>(generator());
        drawn.push_back(static_cast<std::size_t>(std::floor(u * runs / 18446744073709551616.0L)));
      }
      for (std::size_t t = 0; t < targets; ++t) {
        double spent = 0.0;
        int successes = 0;
        for (const auto i : drawn) {
          spent += costs[t][i].cost;
          successes += costs[t][i].reached ? 1 : 0;
        }
        erts[t].push_back(successes ? spent / successes : std::numeric_limits<double>::infinity());
      }
    }
    return erts;
  };
  // 0.1 makes the sums depend on their order: only the draw-order sums give these bits.
  for (const double unit : {1.0, 0.1}) {
    INFO("cost unit " << unit << ", seed " << seed);
    const auto costs = costs_for(unit);
    const auto intervals = bootstrap_ert_intervals(costs, samples, seed);
    auto erts = in_draw_order(costs);
    for (std::size_t t = 0; t < targets; ++t) {
      INFO("target " << t);
      const bool reached = std::any_of(costs[t].begin(), costs[t].end(), [](const RunCost& c) { return c.reached; });
      if (!reached) {
        REQUIRE(std::isinf(intervals[t].lower));
        continue;
      }
      std::sort(erts[t].begin(), erts[t].end());
      REQUIRE(intervals[t].lower == erts[t][7]);    // ⌈0.025 · 300⌉ = 8th value
      REQUIRE(intervals[t].upper == erts[t][292]);  // ⌈0.975 · 300⌉ = 293rd value
    }
  }
}
