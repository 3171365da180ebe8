// Nonlinear conjugate gradients: NonlinearCg::kDoc below. The strong Wolfe curvature
// constant defaults to c₂ = 0.1 (N&W §5.2): with 0.9 the directions lose conjugacy and CG
// takes hundreds of steps on Beale and Rosenbrock (bench/cg_curvature.cpp). With an exact line
// search on a convex quadratic every rule is linear CG, which ends in at most n steps.
// Trace columns: beta, restarted (1 when d = −g), step_size, ls_trials.
#pragma once

#include <cstdint>

#include "descent/line_search/line_search.hpp"
#include "descent/optimizers/optimizer.hpp"
#include "descent/optimizers/search_step.hpp"

namespace descent {

enum class BetaRule { kFletcherReeves, kPolakRibierePlus, kHestenesStiefel, kDaiYuan };

struct NonlinearCgOptions {
  BetaRule beta_rule = BetaRule::kPolakRibierePlus;
  std::int64_t restart_every = 0;
  LineSearchOptions search{.c2 = 0.1};

  template <class V>
  void visit(V& v) {
    v.group(search);
    static constexpr std::pair<std::string_view, BetaRule> kRules[] = {
        {"fletcher_reeves", BetaRule::kFletcherReeves},
        {"polak_ribiere_plus", BetaRule::kPolakRibierePlus},
        {"hestenes_stiefel", BetaRule::kHestenesStiefel},
        {"dai_yuan", BetaRule::kDaiYuan}};
    v.choice("beta_rule", beta_rule, kRules, "the formula for βₖ");
    v.integer("restart_every", restart_every, Range::non_negative(),
              "restart with d = −g every this many steps (0: the dimension n)");
  }
};

class NonlinearCg final : public OptimizerWith<NonlinearCgOptions> {
 public:
  static constexpr MethodDoc kDoc{
      .name = "cg",
      .summary = "nonlinear conjugate gradients (FR, PR+, HS, DY) with restarts",
      .formula = R"(d₀ = −g₀;  dₖ = −gₖ + βₖ dₖ₋₁;  θ ← θ + t d;  y = gₖ − gₖ₋₁
fletcher_reeves:    β = gₖᵀgₖ / gₖ₋₁ᵀgₖ₋₁
polak_ribiere_plus: β = max(0, gₖᵀy / gₖ₋₁ᵀgₖ₋₁)
hestenes_stiefel:   β = gₖᵀy / dₖ₋₁ᵀy
dai_yuan:           β = gₖᵀgₖ / dₖ₋₁ᵀy
restart d = −g (β = 0) every restart_every steps (0: n) and when gᵀd ≥ 0
t₀ = tₖ₋₁ φ'ₖ₋₁(0)/φ'ₖ(0) (N&W eq. 3.60; min(1, 1/‖g₀‖₂) at first); c₂ = 0.1 by default)",
      .source = "Fletcher & Reeves (1964); Polak & Ribière (1969) with the \"+\" of Gilbert & "
                "Nocedal (1992); Hestenes & Stiefel (1952); Dai & Yuan (1999); Nocedal & "
                "Wright (2006), §5.2"};
  using OptimizerWith::OptimizerWith;

  void reset(Index dim) override;
  StepStatus step(Vector& x, StepContext& context) override;

 private:
  double beta(const Vector& g) const;

  Vector direction_, previous_g_;
  double previous_gg_ = 0.0;      // gₖ₋₁ᵀgₖ₋₁
  double previous_step_ = 0.0;    // tₖ₋₁
  double previous_slope_ = 0.0;   // φ'ₖ₋₁(0)
  std::int64_t since_restart_ = 0;
  std::int64_t steps_ = 0;
  SearchStep search_;
};

}  // namespace descent
