// SearchStep: the part every search-direction method shares, the move from x along a
// direction d by the method's line search:
//   φ'(0) = gᵀd (the caller's `slope`: most directions yield it for free) must be negative
//   (else kNotDescent), unless the search is "none";
//   t = the search's accepted step from the trial t₀ (t = t₀ for "none"); a search that
//     fails is kLineSearchFailed, or kPrecisionLimit at the rounding floor of f;
//   x ← x + t d, with f and ∇f at the new point handed to the driver.
// It records the trace columns "step_size" (t) and "ls_trials" (trial steps spent). The
// buffers for trial points live here, sized once per run, so a step allocates nothing.
#pragma once

#include <string_view>

#include "descent/line_search/line_search.hpp"
#include "descent/optimizers/optimizer.hpp"

namespace descent {

class SearchStep {
 public:
  void reset(Index dim) {
    trial_x_.resize(dim);
    trial_g_.resize(dim);
  }

  // On kOk, x holds the accepted point, previous_x() the point before it and gradient()
  // the gradient at x. On any other status x is unchanged.
  StepStatus move(Vector& x, const Vector& d, double slope, double t0,
                  const LineSearchOptions& options, StepContext& context);

  const LineSearchResult& result() const { return result_; }
  const Vector& previous_x() const { return trial_x_; }
  const Vector& gradient() const { return trial_g_; }
  // φ'(0) = gᵀd of the last move.
  double initial_slope() const { return initial_slope_; }

 private:
  Vector trial_x_;
  Vector trial_g_;
  LineSearchResult result_;
  double initial_slope_ = 0.0;
};

// The formula text of the line-search keys (LineSearchOptions), which every search method
// takes alike: an entry appends it to the formula of a method with `line_search`
// (optimizer_entry.hpp).
inline constexpr std::string_view kLineSearchFormula = R"(
line_search = "armijo":       backtrack t from t₀ until φ(t) ≤ φ(0) + c₁ t φ'(0)
line_search = "strong_wolfe": bracketing and zoom until also |φ'(t)| ≤ c₂ |φ'(0)|
line_search = "more_thuente": the same conditions by Moré & Thuente's (1994) safeguarded
  interpolation (MINPACK-2 dcsrch, as in L-BFGS-B and LBFGSpp)
  (φ(t) = f(θ + t d), 0 < c₁ < c₂ < 1; no acceptable t in max_trials trials stops the run
   with line_search_failed, or precision_limit when no decrease of f is representable))";

}  // namespace descent
