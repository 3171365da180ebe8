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

std::vector<std::vector<std::uint32_t>> bootstrap_resamples(std::size_t runs, int samples,
                                                            std::uint64_t seed) {
  std::mt19937_64 generator(seed);
  std::vector<std::vector<std::uint32_t>> resamples(static_cast<std::size_t>(std::max(samples, 0)),
                                                    std::vector<std::uint32_t>(runs));
  for (auto& resample : resamples)
    for (auto& index : resample)
      index = static_cast<std::uint32_t>(scaled_draw(generator(), runs));
  return resamples;
}

Interval bootstrap_ert_interval(const std::vector<RunCost>& runs,
                                const std::vector<std::vector<std::uint32_t>>& resamples) {
  if (runs.empty() || resamples.empty()) return {kNaN, kNaN};
  // Without a run that reaches the target, every resample's ERT is +∞.
  if (std::none_of(runs.begin(), runs.end(), [](const RunCost& run) { return run.reached; }))
    return {kInf, kInf};
  std::vector<double> erts;
  erts.reserve(resamples.size());
  for (const auto& resample : resamples) {
    // expected_running_time of the drawn runs, summed in the same order.
    double spent = 0.0;
    std::size_t successes = 0;
    for (const std::uint32_t drawn : resample) {
      spent += runs[drawn].cost;
      successes += runs[drawn].reached ? 1 : 0;
    }
    erts.push_back(successes == 0 ? kInf : spent / static_cast<double>(successes));
  }
  std::sort(erts.begin(), erts.end());
  // Value number ⌈per_mille · B / 1000⌉, in integers so that no rounding moves the rank.
  const auto rank = [&](std::size_t per_mille) {
    const std::size_t r = (per_mille * erts.size() + 999) / 1000;
    return erts[std::clamp<std::size_t>(r, 1, erts.size()) - 1];
  };
  return {rank(25), rank(975)};
}

}  // namespace descent
