#include "descent/analysis/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace descent {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
// ⌊u·m / 2⁶⁴⌋ for m < 2³², the high word of the 128-bit product from 32-bit halves.
std::uint64_t scaled_draw(std::uint64_t u, std::uint64_t m) {
  return ((u >> 32) * m + (((u & 0xFFFFFFFFu) * m) >> 32)) >> 32;
}

}  // namespace

double quantile(std::vector<double> values, double q) {
  if (values.empty()) return kNaN;
  std::sort(values.begin(), values.end());
  const double h = static_cast<double>(values.size() - 1) * q;
  const auto low = static_cast<std::size_t>(std::floor(h));
  if (low + 1 >= values.size()) return values.back();
  return values[low] + (h - static_cast<double>(low)) * (values[low + 1] - values[low]);
}

double expected_running_time(const std::vector<RunCost>& runs) {
  double spent = 0.0;
  std::size_t successes = 0;
  for (const auto& run : runs) {
    spent += run.cost;
    successes += run.reached ? 1 : 0;
  }
  return successes == 0 ? kInf : spent / static_cast<double>(successes);
}

std::vector<Interval> bootstrap_ert_intervals(const std::vector<std::vector<RunCost>>& costs,
                                              int samples, std::uint64_t seed) {
  const std::size_t targets = costs.size();
  const std::size_t runs = targets == 0 ? 0 : costs.front().size();
  std::vector<Interval> intervals(targets, Interval{kNaN, kNaN});
  if (runs == 0 || samples < 1) return intervals;
  // Targets no run reaches: every resample's ERT is +∞, nothing to draw for them.
  std::vector<std::size_t> reached_by_some;
  for (std::size_t t = 0; t < targets; ++t) {
    if (std::any_of(costs[t].begin(), costs[t].end(), [](const RunCost& run) { return run.reached; }))
      reached_by_some.push_back(t);
    else
      intervals[t] = {kInf, kInf};
  }
  const auto resamples = static_cast<std::size_t>(samples);
  std::vector<std::vector<double>> erts(targets);
  for (const std::size_t t : reached_by_some) erts[t].reserve(resamples);
  // Resamples are drawn a batch at a time (kBatchBytes of indices), and each target's costs
  // stay in cache while the batch is summed over them.
  constexpr std::size_t kBatchBytes = std::size_t{8} << 20;
  const std::size_t batch = std::max<std::size_t>(1, kBatchBytes / (sizeof(std::uint32_t) * runs));
  std::mt19937_64 generator(seed);
  std::vector<std::uint32_t> drawn;
  for (std::size_t first = 0; first < resamples; first += batch) {
    const std::size_t count = std::min(batch, resamples - first);
    drawn.resize(count * runs);
    for (auto& index : drawn) index = static_cast<std::uint32_t>(scaled_draw(generator(), runs));
    for (const std::size_t t : reached_by_some)
      for (std::size_t b = 0; b < count; ++b) {
        // expected_running_time of the drawn runs, summed in draw order.
        double spent = 0.0;
        std::size_t successes = 0;
        for (std::size_t j = b * runs; j < (b + 1) * runs; ++j) {
          spent += costs[t][drawn[j]].cost;
          successes += costs[t][drawn[j]].reached ? 1 : 0;
        }
        erts[t].push_back(successes == 0 ? kInf : spent / static_cast<double>(successes));
      }
  }
  for (const std::size_t t : reached_by_some) {
    auto& values = erts[t];
    std::sort(values.begin(), values.end());
    // Value number ⌈per_mille · B / 1000⌉, in integers so that no rounding moves the rank.
    const auto rank = [&](std::size_t per_mille) {
      const std::size_t r = (per_mille * values.size() + 999) / 1000;
      return values[std::clamp<std::size_t>(r, 1, values.size()) - 1];
    };
    intervals[t] = {rank(25), rank(975)};
  }
  return intervals;
}

}  // namespace descent
