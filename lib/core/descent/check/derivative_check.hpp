// Derivative check: finite differences against an objective's analytic gradient and
// Hessian, over a ladder of step sizes, at seeded random points of its domain.
//
// For each step h (from `largest_step` down to `smallest_step`, `steps_per_decade` per
// decade) and each point x:
//   gradient   central (f(x + hu) − f(x − hu))/2h,  forward (f(x + hu) − f(x))/h
//   Hessian    the same differences of ∇f, compared with H u
// where u runs over the coordinate directions eᵢ (the full ∇f and ∇²f, for dim <=
// `full_check_max_dim`) or over one random unit direction per point (directional check:
// gᵀu and Hu, cost independent of n, no dense Hessian). Steps along eᵢ are scaled by
// max(1, |xᵢ|), along u by max(1, ‖x‖∞).
//
// Errors are relative, ‖difference − analytic‖∞ / max(1, ‖analytic‖∞). Truncation error
// falls as h² (central) or h (forward) and rounding error grows as ε/h, so the error against
// h is V-shaped; correct derivatives reach ~1e−10 (central) at the bottom of the V. The
// check passes when the worst point's central error at the best step is <= `tolerance`.
#pragma once

#include <cstdint>
#include <vector>

#include "descent/core/objective.hpp"
#include "descent/core/params.hpp"

namespace descent {

struct DerivativeCheckOptions {
  std::int64_t points = 3;              // 1 <= points
  std::int64_t seed = 1;                // 0 <= seed
  double largest_step = 1e-1;           // 0 < smallest_step < largest_step
  double smallest_step = 1e-12;
  std::int64_t steps_per_decade = 1;    // 1 <= steps_per_decade <= 10
  double tolerance = 1e-6;              // 0 < tolerance
  std::int64_t full_check_max_dim = 64; // coordinate-wise check up to this dimension

  template <class V>
  void visit(V& v) {
    v.integer("points", points, Range::closed(1, 1000), "random points of the domain");
    v.integer("seed", seed, Range::non_negative(), "seed of the points and directions");
    v.real("largest_step", largest_step, Range::positive(), "first step h");
    v.real("smallest_step", smallest_step, Range::positive(), "last step h");
    v.integer("steps_per_decade", steps_per_decade, Range::closed(1, 10), "steps per factor 10");
    v.real("tolerance", tolerance, Range::positive(), "largest relative error that passes");
    v.integer("full_check_max_dim", full_check_max_dim, Range::at_least(1),
              "coordinate-wise check up to this dimension, directional above");
  }
  void validate() const;
};

// Errors at one step size, each the worst over the points.
struct StepErrors {
  double step = 0.0;
  double gradient_central = 0.0;
  double gradient_forward = 0.0;
  double hessian_central = 0.0;
  double hessian_forward = 0.0;
};

struct DerivativeCheckReport {
  Index dim = 0;
  std::int64_t points = 0;
  bool directional = false;  // checked along random directions rather than coordinates
  std::vector<StepErrors> errors;  // one row per step, largest step first
  double best_gradient_step = 0.0;
  double best_gradient_error = 0.0;
  double best_hessian_step = 0.0;
  double best_hessian_error = 0.0;
  bool passed = false;
};

DerivativeCheckReport check_derivatives(const Objective& objective,
                                        const DerivativeCheckOptions& options = {});

}  // namespace descent
