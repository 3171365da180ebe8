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
  std::sort(values.begin(), values.end());
  return sorted_quantile(values, q);
}

double sorted_quantile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return kNaN;
  const double h = static_cast<double>(sorted.size() - 1) * q;
  const auto low = static_cast<std::size_t>(std::floor(h));
  if (low + 1 >= sorted.size()) return sorted.back();
  return sorted[low] + (h - static_cast<double>(low)) * (sorted[low + 1] - sorted[low]);
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

namespace {

// Whether every cost is a whole number and any sum of `runs` of them stays below 2⁵³: then
// every partial sum is exact, so the sums do not depend on the order of the terms.
bool whole_costs(const std::vector<std::vector<RunCost>>& costs, std::size_t runs) {
  constexpr double kExact = 9007199254740992.0;  // 2⁵³
  double largest = 0.0;
  for (const auto& target : costs)
    for (const RunCost& run : target) {
      if (!(run.cost >= 0.0 && run.cost == std::floor(run.cost))) return false;
      largest = std::max(largest, run.cost);
    }
  return largest <= kExact / static_cast<double>(runs);
}

// The resampled ERTs of a batch, each summed in draw order (expected_running_time).
void resampled_erts_in_draw_order(const std::vector<std::vector<RunCost>>& costs,
                                  const std::vector<std::size_t>& targets,
                                  const std::vector<std::uint32_t>& drawn, std::size_t runs,
                                  std::vector<std::vector<double>>& erts) {
  const std::size_t count = drawn.size() / runs;
  for (const std::size_t t : targets)
    for (std::size_t b = 0; b < count; ++b) {
      double spent = 0.0;
      std::size_t successes = 0;
      for (std::size_t j = b * runs; j < (b + 1) * runs; ++j) {
        spent += costs[t][drawn[j]].cost;
        successes += costs[t][drawn[j]].reached ? 1 : 0;
      }
      erts[t].push_back(successes == 0 ? kInf : spent / static_cast<double>(successes));
    }
}

// The same ERTs for whole costs (whole_costs), whose sums are exact in any order: a resample
// is its draw counts c_i, its sums over target t are Σ c_i cost_t(i) and Σ c_i reached_t(i), and
// from one target to the next only the runs whose cost or success changes alter them — a run
// changes at the few targets where its first hit moves to a later record.
class WholeCostSums {
 public:
  WholeCostSums(const std::vector<std::vector<RunCost>>& costs, const std::vector<std::size_t>& targets,
                std::size_t runs)
      : targets_(targets), runs_(runs), counts_(runs), change_end_(targets.size()) {
    for (const RunCost& run : costs[targets.front()]) {
      first_cost_.push_back(static_cast<std::int64_t>(run.cost));
      first_reached_.push_back(run.reached ? 1 : 0);
    }
    const auto changed = [&](std::size_t k, std::size_t i) {
      const RunCost& before = costs[targets[k - 1]][i];
      const RunCost& now = costs[targets[k]][i];
      return now.cost != before.cost || now.reached != before.reached;
    };
    std::size_t changes = 0;
    for (std::size_t k = 1; k < targets.size(); ++k)
      for (std::size_t i = 0; i < runs; ++i) changes += changed(k, i) ? 1 : 0;
    changes_.reserve(changes);
    for (std::size_t k = 1; k < targets.size(); ++k) {
      const auto& before = costs[targets[k - 1]];
      const auto& now = costs[targets[k]];
      for (std::size_t i = 0; i < runs; ++i)
        if (changed(k, i))
          changes_.push_back({static_cast<std::uint32_t>(i), (now[i].reached ? 1 : 0) - (before[i].reached ? 1 : 0),
                              static_cast<std::int64_t>(now[i].cost) - static_cast<std::int64_t>(before[i].cost)});
      change_end_[k] = changes_.size();
    }
  }

  // Draws the next resample from `generator` (as bootstrap_ert_intervals documents) and adds
  // its ERT to each target's.
  void add_resample(std::mt19937_64& generator, std::vector<std::vector<double>>& erts) {
    std::fill(counts_.begin(), counts_.end(), 0);
    for (std::size_t j = 0; j < runs_; ++j) ++counts_[scaled_draw(generator(), runs_)];
    std::int64_t spent = 0, successes = 0;
    for (std::size_t i = 0; i < runs_; ++i) {
      spent += counts_[i] * first_cost_[i];
      successes += counts_[i] * first_reached_[i];
    }
    std::size_t change = 0;
    for (std::size_t k = 0; k < targets_.size(); ++k) {
      for (; change < change_end_[k]; ++change) {
        const Change& c = changes_[change];
        spent += counts_[c.run] * c.cost;
        successes += counts_[c.run] * c.reached;
      }
      erts[targets_[k]].push_back(successes == 0 ? kInf
                                                 : static_cast<double>(spent) / static_cast<double>(successes));
    }
  }

 private:
  struct Change {
    std::uint32_t run;
    std::int32_t reached;
    std::int64_t cost;
  };
  const std::vector<std::size_t>& targets_;
  std::size_t runs_;
  std::vector<std::int64_t> counts_;  // draws of each run in one resample
  std::vector<std::int64_t> first_cost_, first_reached_;  // per run, at the first target
  std::vector<Change> changes_;                            // target after target
  std::vector<std::size_t> change_end_;                    // per target, where its changes end
};

}  // namespace

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
  if (reached_by_some.empty()) return intervals;
  const auto resamples = static_cast<std::size_t>(samples);
  std::vector<std::vector<double>> erts(targets);
  for (const std::size_t t : reached_by_some) erts[t].reserve(resamples);
  std::mt19937_64 generator(seed);
  if (whole_costs(costs, runs)) {
    WholeCostSums sums(costs, reached_by_some, runs);
    for (std::size_t b = 0; b < resamples; ++b) sums.add_resample(generator, erts);
  } else {
    // Resamples are drawn a batch at a time (kBatchBytes of indices).
    constexpr std::size_t kBatchBytes = std::size_t{8} << 20;
    const std::size_t batch = std::max<std::size_t>(1, kBatchBytes / (sizeof(std::uint32_t) * runs));
    std::vector<std::uint32_t> drawn;
    for (std::size_t first = 0; first < resamples; first += batch) {
      const std::size_t count = std::min(batch, resamples - first);
      drawn.resize(count * runs);
      for (auto& index : drawn) index = static_cast<std::uint32_t>(scaled_draw(generator(), runs));
      resampled_erts_in_draw_order(costs, reached_by_some, drawn, runs, erts);
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
