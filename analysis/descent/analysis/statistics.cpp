#include "descent/analysis/statistics.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "descent/analysis/mt19937_64_blocks.hpp"

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
// from one target to the next only the terms of the runs whose cost or success changes alter
// them — a run's cost changes at the few targets where its first hit moves to a later record,
// its success once. The first target's terms are the changes from zero.
//
// kLanes resamples are summed side by side, so that the changes are read once for all of
// them and the lanes' sums vectorize. The sums are doubles: each term c_i cost_t(i) is whole,
// and every partial sum — also midway through a target's changes, where each run counts with
// its cost at this target or the one before — lies in [0, m · largest cost] ⊆ [0, 2⁵³], so
// every product and sum is exact and equals the integer one.
class WholeCostSums {
 public:
  static constexpr std::size_t kLanes = 4;

  WholeCostSums(const std::vector<std::vector<RunCost>>& costs, const std::vector<std::size_t>& targets,
                std::size_t runs)
      : targets_(targets), runs_(runs), counts_(runs * kLanes) {
    const RunCost none{};
    for (std::size_t k = 0; k < targets.size(); ++k) {
      for (std::size_t i = 0; i < runs; ++i) {
        const RunCost& before = k == 0 ? none : costs[targets[k - 1]][i];
        const RunCost& now = costs[targets[k]][i];
        cost_changes_.add(i, now.cost - before.cost);
        success_changes_.add(i, (now.reached ? 1.0 : 0.0) - (before.reached ? 1.0 : 0.0));
      }
      cost_changes_.end.push_back(cost_changes_.run.size());
      success_changes_.end.push_back(success_changes_.run.size());
    }
  }

  // Draws the next `count` (at most kLanes) resamples from `generator`, one after the other
  // (as bootstrap_ert_intervals documents), and adds their ERTs to each target's.
  void add_resamples(Mt19937_64Blocks& generator, std::size_t count, std::vector<std::vector<double>>& erts) {
    std::fill(counts_.begin(), counts_.end(), 0.0);
    for (std::size_t lane = 0; lane < count; ++lane)
      for (std::size_t j = 0; j < runs_; ++j) counts_[scaled_draw(generator(), runs_) * kLanes + lane] += 1.0;
    Lanes spent{}, successes{};
    std::size_t next_cost = 0, next_success = 0;
    for (std::size_t k = 0; k < targets_.size(); ++k) {
      apply(cost_changes_, k, next_cost, spent);
      apply(success_changes_, k, next_success, successes);
      // Over all kLanes, each lane a constant once unrolled: the sums then stay in registers.
      for (std::size_t lane = 0; lane < kLanes; ++lane)
        if (lane < count) erts[targets_[k]].push_back(successes[lane] == 0.0 ? kInf : spent[lane] / successes[lane]);
    }
  }

 private:
  using Lanes = std::array<double, kLanes>;
  // The nonzero changes of one term, target after target.
  struct Changes {
    std::vector<std::uint32_t> run;
    std::vector<double> delta;     // whole
    std::vector<std::size_t> end;  // per target, where its changes end
    void add(std::size_t i, double by) {
      if (by == 0.0) return;
      run.push_back(static_cast<std::uint32_t>(i));
      delta.push_back(by);
    }
  };
  // Adds target k's changes, from `next` on, to the lanes' sums.
  void apply(const Changes& changes, std::size_t k, std::size_t& next, Lanes& sums) const {
    for (; next < changes.end[k]; ++next) {
      const double* drawn = &counts_[changes.run[next] * kLanes];
      for (std::size_t lane = 0; lane < kLanes; ++lane) sums[lane] += drawn[lane] * changes.delta[next];
    }
  }

  const std::vector<std::size_t>& targets_;
  std::size_t runs_;
  std::vector<double> counts_;  // draws of run i in lane l of a batch: [i · kLanes + l]
  Changes cost_changes_, success_changes_;
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
  Mt19937_64Blocks generator(seed);
  if (whole_costs(costs, runs)) {
    WholeCostSums sums(costs, reached_by_some, runs);
    for (std::size_t b = 0; b < resamples; b += WholeCostSums::kLanes)
      sums.add_resamples(generator, std::min(WholeCostSums::kLanes, resamples - b), erts);
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
    auto& values = erts[t];  // never NaN: the order statistics are those of the sorted values
    // Value number ⌈per_mille · B / 1000⌉, in integers so that no rounding moves the rank.
    const auto rank = [&](std::size_t per_mille) {
      const std::size_t r = (per_mille * values.size() + 999) / 1000;
      const auto nth = values.begin() + static_cast<std::ptrdiff_t>(std::clamp<std::size_t>(r, 1, values.size()) - 1);
      std::nth_element(values.begin(), nth, values.end());
      return *nth;
    };
    intervals[t] = {rank(25), rank(975)};
  }
  return intervals;
}

}  // namespace descent
