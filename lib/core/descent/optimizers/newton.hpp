// Newton's method, as the lecture writes it (Nocedal & Wright 2006, §3.3 and Algorithm 3.2
// with a line search):
//   H = ∇²f(θ),   d = −H⁻¹ g   (Cholesky; LDLᵀ when H is indefinite)
//   line_search = "none" (default, the lecture's form):  θ ← θ + d
//   line_search = "armijo" | "strong_wolfe":               θ ← θ + t d, trial t₀ = 1
// On a quadratic with H ≻ 0 the pure step lands on the minimum. With an indefinite H the
// pure step goes to the stationary point of the quadratic model, a saddle included; a line
// search needs a descent direction and stops with not_descent when gᵀd ≥ 0. A singular H
// stops the run with hessian_singular.
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
    search.visit(v);
  }
  void validate() const { search.validate(); }
};

class Newton final : public Optimizer {
 public:
  // Holds the Hessian and its factorisation as dense n×n matrices (optimizer_entry.hpp).
  static constexpr bool kFormsDenseMatrices = true;
  using Options = NewtonOptions;
  explicit Newton(const Options& options) : options_(options) { validate_fields(options_); }

  void reset(Index dim) override;
  StepStatus step(Vector& x, StepContext& context) override;

 private:
  Options options_;
  NewtonSystem system_;
  SearchStep search_;
  Matrix hessian_;
  Vector direction_;
};

}  // namespace descent
