// Statistics of a group of runs: quantiles, expected running time and its bootstrap interval.
//
// quantile(v, q): linear interpolation between order statistics (Hyndman & Fan 1996, type 7,
// numpy's default): h = (m − 1) q, v₍⌊h⌋₎ + (h − ⌊h⌋)(v₍⌊h⌋+1₎ − v₍⌊h⌋₎), 0-based, m values.
//
// Expected running time (Auger & Hansen 2005; COCO): over m runs of which s reach the target,
//   ERT = (Σ over all runs of the cost spent until the target or the run's end) / s,
// +∞ when s = 0.
//
// Bootstrap interval: B resamples of the m runs, each m draws with replacement; draw j of
// resample b takes run ⌊u·m / 2⁶⁴⌋ for the next 64-bit output u of one std::mt19937_64 seeded
// with `seed` (resample after resample, draw after draw; the same resamples for every target
// of a group, so intervals of one group are consistent). The interval is the nearest-rank
// percentiles of the B resampled ERTs sorted ascending (+∞ last): lower = value number
// ⌈0.025 B⌉, upper = value number ⌈0.975 B⌉ (1-based).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace descent {

// NaN for an empty vector. `values` need not be sorted.
double quantile(std::vector<double> values, double q);
// The same for values sorted ascending (no copy, no sort: for several quantiles of one set).
double sorted_quantile(const std::vector<double>& sorted, double q);

struct RunCost {
  double cost = 0.0;  // until the target when reached, else until the run's end
  bool reached = false;
};

double expected_running_time(const std::vector<RunCost>& runs);

struct Interval {
  double lower = 0.0;
  double upper = 0.0;
};

// The 95% interval of the ERT to each target over B = `samples` resamples of the m runs, drawn
// as above; costs[t][i] is run i's cost to target t (every costs[t] of size m). Memory is
// bounded by B·T values and O(m + changes), not B·m. (NaN, NaN) for each target without runs;
// (+∞, +∞) for a target no run reaches. Two ways to the same values:
// - whole costs (the default cost model's are: weighted counts) with m times the largest
//   below 2⁵³: every sum is exact in any order, so a resample is summed from its draw counts
//   c_i, Σ c_i cost_t(i), and from one target to the next only the runs whose cost or success
//   changes (whose first hit moves to a later record) alter the sums;
// - otherwise each resample is summed in draw order, resamples drawn in batches of at most
//   8 MiB of indices shared by all targets.
std::vector<Interval> bootstrap_ert_intervals(const std::vector<std::vector<RunCost>>& costs,
                                              int samples, std::uint64_t seed);

}  // namespace descent
