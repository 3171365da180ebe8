// Newton's method, as the lecture writes it: Newton::kDoc below.
// Trace columns: step_size, ls_trials.
#pragma once

#include "descent/line_search/line_search.hpp"
#include "descent/optimizers/newton_system.hpp"
#include "descent/optimizers/optimizer.hpp"
#include "descent/optimizers/search_step.hpp"

namespace descent {

struct NewtonOptions {
  LineSearchOptions search{.line_search = LineSearchKind::kNone};

  template <class V>
  void visit(V& v) {
    v.group(search);
  }
};

class Newton final : public OptimizerWith<NewtonOptions> {
 public:
  static constexpr MethodDoc kDoc{
      .name = "newton",
      .summary = "Newton's method: pure step (the lecture) or with a line search",
      .formula = R"(H = ∇²f(θ);   d = −H⁻¹ g   (Cholesky; LDLᵀ when H is indefinite)
line_search = "none" (default): θ ← θ + d   (solves a quadratic with H ≻ 0 in one step;
  with an indefinite H it goes to the stationary point of the model, a saddle included)
otherwise: θ ← θ + t d, t₀ = 1; gᵀd ≥ 0 stops with not_descent
H singular stops with hessian_singular)",
      .source = "Nocedal & Wright, Numerical Optimization (2006), §3.3, Algorithm 3.2; "
                "Goodfellow et al. (2016), §8.6.1"};
  // Holds the Hessian and its factorisation as dense n×n matrices (optimizer_entry.hpp).
  static constexpr bool kFormsDenseMatrices = true;
  using OptimizerWith::OptimizerWith;

  void reset(Index dim) override;
  StepStatus step(Vector& x, StepContext& context) override;

 private:
  NewtonSystem system_;
  SearchStep search_;
  Matrix hessian_;
  Vector direction_;
};

}  // namespace descent
