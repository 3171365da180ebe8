// Newton–CG, the Hessian-free truncated Newton method (Nocedal & Wright 2006, Algorithm 7.1;
// Martens 2010 for its use on neural networks). The Newton system H p = −g is solved
// approximately by linear CG that touches H only through products H v:
//   z₀ = 0,  r₀ = g,  p₀ = −g,  tolerance εₖ = ηₖ ‖g‖
//   for j = 0, 1, …:  if pⱼᵀHpⱼ ≤ 0 (negative curvature): d = −g if j = 0, else d = zⱼ; stop
//     aⱼ = rⱼᵀrⱼ / pⱼᵀHpⱼ;  zⱼ₊₁ = zⱼ + aⱼ pⱼ;  rⱼ₊₁ = rⱼ + aⱼ Hpⱼ
//     if ‖rⱼ₊₁‖ < εₖ or j + 1 = max_cg_iterations: d = zⱼ₊₁; stop
//     pⱼ₊₁ = −rⱼ₊₁ + (rⱼ₊₁ᵀrⱼ₊₁ / rⱼᵀrⱼ) pⱼ
//   θ ← θ + t d   (line search from t₀ = 1; default Armijo, as N&W)
// Forcing sequence ηₖ by `forcing`: "superlinear" min(0.5, √‖g‖) (N&W eq. 7.3),
// "quadratic" min(0.5, ‖g‖), "fixed" η = `eta`.
// Martens' method adds Gauss–Newton curvature and Levenberg–Marquardt damping for
// non-convex networks; this is the line-search form with exact Hessian-vector products.
// Trace columns: cg_iterations (H v products), negative_curvature (1 when CG stopped at
// pᵀHp ≤ 0), step_size, ls_trials.
#pragma once

#include <cstdint>

#include "descent/line_search/line_search.hpp"
#include "descent/optimizers/optimizer.hpp"
#include "descent/optimizers/search_step.hpp"

namespace descent {

enum class Forcing { kSuperlinear, kQuadratic, kFixed };

struct NewtonCgOptions {
  Forcing forcing = Forcing::kSuperlinear;
  double eta = 0.5;
  std::int64_t max_cg_iterations = 0;
  LineSearchOptions search{.line_search = LineSearchKind::kArmijo};

  template <class V>
  void visit(V& v) {
    static constexpr std::pair<std::string_view, Forcing> kForcings[] = {
        {"superlinear", Forcing::kSuperlinear},
        {"quadratic", Forcing::kQuadratic},
        {"fixed", Forcing::kFixed}};
    v.choice("forcing", forcing, kForcings,
             "inner tolerance ηₖ‖g‖: superlinear min(0.5, √‖g‖), quadratic min(0.5, ‖g‖), "
             "fixed η");
    v.real("eta", eta, Range::open_unit(), "η of forcing = \"fixed\"");
    v.integer("max_cg_iterations", max_cg_iterations, Range::non_negative(),
              "inner CG iterations per step (0: the dimension n)");
    search.visit(v);
  }
  void validate() const { search.validate(); }
};

class NewtonCg final : public Optimizer {
 public:
  using Options = NewtonCgOptions;
  explicit NewtonCg(const Options& options) : options_(options) { validate_fields(options_); }

  void reset(Index dim) override;
  StepStatus step(Vector& x, StepContext& context) override;

 private:
  Options options_;
  Vector z_, r_, p_, hp_;
  SearchStep search_;
};

}  // namespace descent
