// Newton–CG, the Hessian-free truncated Newton method: NewtonCg::kDoc below.
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
    v.group(search);
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
  }
};

class NewtonCg final : public OptimizerWith<NewtonCgOptions> {
 public:
  static constexpr MethodDoc kDoc{
      .name = "newton_cg",
      .summary = "Hessian-free truncated Newton: inner CG on Hessian-vector products",
      .formula = R"(solve H d = −g by CG from z₀ = 0 (r₀ = g, p₀ = −g) with products Hv only:
  pⱼᵀHpⱼ ≤ 0 (negative curvature): d = −g at j = 0, else d = zⱼ; stop
  aⱼ = rⱼᵀrⱼ / pⱼᵀHpⱼ;  zⱼ₊₁ = zⱼ + aⱼ pⱼ;  rⱼ₊₁ = rⱼ + aⱼ Hpⱼ
  ‖rⱼ₊₁‖ < ηₖ‖g‖ or j + 1 = max_cg_iterations (0: n): d = zⱼ₊₁; stop
  pⱼ₊₁ = −rⱼ₊₁ + (rⱼ₊₁ᵀrⱼ₊₁ / rⱼᵀrⱼ) pⱼ
θ ← θ + t d, t₀ = 1
forcing: superlinear η = min(0.5, √‖g‖) (N&W eq. 7.3); quadratic η = min(0.5, ‖g‖); fixed η = eta)",
      .source = "Nocedal & Wright (2006), Algorithm 7.1 (line-search Newton–CG); Dembo, "
                "Eisenstat & Steihaug (1982); Martens (2010), Hessian-free optimization, which "
                "adds Gauss–Newton curvature and Levenberg–Marquardt damping: this is the "
                "line-search form with exact Hessian-vector products"};
  using OptimizerWith::OptimizerWith;

  void reset(Index dim) override;
  StepStatus step(Vector& x, StepContext& context) override;

 private:
  Vector z_, r_, p_, hp_;
  SearchStep search_;
};

}  // namespace descent
