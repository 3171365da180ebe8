// Regularized Newton, the lecture's θ ← θ − (H + αI)⁻¹ g and its eigenvalue modifications:
// RegularizedNewton::kDoc below.
// Trace columns: alpha (the α of the accepted step), negative_eigenvalues (of H), and
// step_size, ls_trials. The eigendecomposition costs O(n³) per step: meant for studies of
// curvature at small n.
#pragma once

#include <limits>

#include <Eigen/Eigenvalues>

#include "descent/line_search/line_search.hpp"
#include "descent/optimizers/optimizer.hpp"
#include "descent/optimizers/search_step.hpp"

namespace descent {

enum class Regularization { kFixed, kAdaptive, kAbsEigen, kClamp };

inline constexpr std::pair<std::string_view, Regularization> kRegularizationChoices[] = {
    {"fixed", Regularization::kFixed},
    {"adaptive", Regularization::kAdaptive},
    {"abs_eigen", Regularization::kAbsEigen},
    {"clamp", Regularization::kClamp}};

struct RegularizedNewtonOptions {
  Regularization regularization = Regularization::kFixed;
  double alpha = 1e-3;
  double alpha_increase = 10.0;
  double alpha_decrease = 10.0;
  double delta = 1e-4;
  LineSearchOptions search{.line_search = LineSearchKind::kNone};

  template <class V>
  void visit(V& v) {
    constexpr Range kAboveOne{1.0, std::numeric_limits<double>::infinity(), true, false};
    v.choice("regularization", regularization, kRegularizationChoices,
             "fixed: H + αI; adaptive: Levenberg–Marquardt α; abs_eigen: |λ| (saddle-free); "
             "clamp: max(λ, δ)");
    v.real("alpha", alpha, Range::non_negative(), "α added to every (modified) eigenvalue; "
           "the starting α of \"adaptive\"");
    v.real("alpha_increase", alpha_increase, kAboveOne,
           "adaptive: α ← α·alpha_increase after a step that did not decrease f");
    v.real("alpha_decrease", alpha_decrease, kAboveOne,
           "adaptive: α ← α/alpha_decrease after a step that decreased f");
    v.real("delta", delta, Range::positive(), "clamp: the eigenvalue floor δ");
    v.group(search);
  }
  // adaptive needs α > 0 and line_search = "none" (it is its own globalisation).
  void validate() const;
};

class RegularizedNewton final : public OptimizerWith<RegularizedNewtonOptions> {
 public:
  static constexpr MethodDoc kDoc{
      .name = "regularized_newton",
      .summary = "regularized Newton: (H + αI)⁻¹g, Levenberg–Marquardt α, saddle-free |λ|, "
                 "clamped λ",
      .formula = R"(H = Q diag(λ) Qᵀ;   d = −Q diag(1 / (m(λᵢ) + α)) Qᵀ g;   θ ← θ + t d (t = 1 by default)
regularization = "fixed":     m(λ) = λ        (H + αI; α → ∞ is GD with ε = 1/α)
regularization = "adaptive":  m(λ) = λ; accept θ + d if f decreased, then
                              α ← α/alpha_decrease, else α ← α·alpha_increase and retry
                              (a d with λmin + α ≤ 0 is raised without evaluating;
                              max_trials trials (f alone; ∇f at the accepted one),
                              then line_search_failed)
regularization = "abs_eigen": m(λ) = |λ|      (saddle-free Newton)
regularization = "clamp":     m(λ) = max(λ, δ)
some |m(λᵢ) + α| ≤ n ε max|m(λ) + α| stops with hessian_singular
records alpha and negative_eigenvalues (of H) at every step)",
      .source = "Goodfellow et al. (2016), §8.6.1 (the lecture's H + αI); Nocedal & Wright "
                "(2006), §3.4; Levenberg (1944), Marquardt (1963); Dauphin et al. (2014), "
                "saddle-free Newton"};
  // Holds the Hessian and its eigenvectors as dense n×n matrices (optimizer_entry.hpp).
  static constexpr bool kFormsDenseMatrices = true;
  using OptimizerWith::OptimizerWith;

  void reset(Index dim) override;
  StepStatus step(Vector& x, StepContext& context) override;

 private:
  // d = −Q diag(1/μ) Qᵀ g for the current μ.
  void solve(const Vector& g);
  StepStatus adaptive_step(Vector& x, StepContext& context);

  double alpha_ = 0.0;
  Matrix hessian_;
  // Sized by its first compute(), never reassigned (newton_system.hpp says why).
  Eigen::SelfAdjointEigenSolver<Matrix> eigen_;
  Vector shifted_;          // μᵢ = m(λᵢ) + α
  Vector rotated_gradient_;  // Qᵀ g
  Vector direction_;
  Vector trial_x_, trial_g_;
  SearchStep search_;
};

}  // namespace descent
