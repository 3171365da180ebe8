#include "descent/analysis/profiles.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace descent {

namespace {

// The steps of the empirical distribution of `values` (+∞ never counted) over `problems`.
void append_steps(std::size_t solver, std::vector<double> values, std::size_t problems,
                  std::vector<ProfilePoint>& out) {
  std::erase_if(values, [](double v) { return !std::isfinite(v); });
  std::sort(values.begin(), values.end());
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i + 1 < values.size() && values[i + 1] == values[i]) continue;
    out.push_back({solver, values[i], static_cast<double>(i + 1) / static_cast<double>(problems)});
  }
}

}  // namespace

std::vector<ProfilePoint> performance_profile(const ProfileInput& input) {
  std::vector<ProfilePoint> points;
  const std::size_t problems = input.cost.size();
  for (std::size_t s = 0; s < input.solvers.size(); ++s) {
    std::vector<double> ratios;
    for (const auto& costs : input.cost) {
      const double best = *std::min_element(costs.begin(), costs.end());
      // Equal to the best is ratio 1 (also when the best cost is 0).
      if (!std::isfinite(costs[s]))
        ratios.push_back(std::numeric_limits<double>::infinity());
      else
        ratios.push_back(costs[s] == best ? 1.0 : costs[s] / best);
    }
    append_steps(s, std::move(ratios), problems, points);
  }
  return points;
}

std::vector<ProfilePoint> data_profile(const ProfileInput& input) {
  std::vector<ProfilePoint> points;
  const std::size_t problems = input.cost.size();
  for (std::size_t s = 0; s < input.solvers.size(); ++s) {
    std::vector<double> costs;
    for (const auto& row : input.cost) costs.push_back(row[s]);
    append_steps(s, std::move(costs), problems, points);
  }
  return points;
}

}  // namespace descent
