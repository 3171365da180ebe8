// Performance and data profiles over a set of problems P and solvers S, from the cost
// t(p, s) that solver s spent to pass the convergence test on problem p (+∞ when it never
// did, or has no run on p).
//
// Performance profile (Dolan & Moré 2002): with r(p, s) = t(p, s) / min over s' of t(p, s'),
//   ρ_s(τ) = |{p ∈ P : r(p, s) ≤ τ}| / |P|,  τ ≥ 1.
// Data profile (Moré & Wild 2009): d_s(α) = |{p ∈ P : t(p, s) ≤ α}| / |P|, α in cost units
// (not divided by n + 1: the methods here use gradients, not simplex gradients).
// Each curve is written as its steps: one point (x, fraction) per distinct finite value, the
// fraction of problems at or below it.
#pragma once

#include <string>
#include <vector>

namespace descent {

struct ProfileInput {
  std::vector<std::string> solvers;
  std::vector<std::vector<double>> cost;  // [problem][solver]
};

struct ProfilePoint {
  std::size_t solver = 0;
  double x = 0.0;
  double fraction = 0.0;
};

std::vector<ProfilePoint> performance_profile(const ProfileInput& input);
std::vector<ProfilePoint> data_profile(const ProfileInput& input);

}  // namespace descent
