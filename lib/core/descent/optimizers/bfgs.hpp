// BFGS with the lecture's inverse-Hessian update: Bfgs::kDoc below.
// Trace columns: curvature (yᵀs), update_skipped (1 when H was kept), damping (θ, "damp"),
// step_size, ls_trials.
#pragma once

#include "descent/line_search/line_search.hpp"
#include "descent/optimizers/optimizer.hpp"
#include "descent/optimizers/search_step.hpp"

namespace descent {

enum class InitialScaling { kIdentity, kScaled };
enum class NonpositiveCurvature { kSkip, kDamp };

struct BfgsOptions {
  InitialScaling initial_scaling = InitialScaling::kIdentity;
  NonpositiveCurvature nonpositive_curvature = NonpositiveCurvature::kSkip;
  LineSearchOptions search{};

  template <class V>
  void visit(V& v) {
    v.group(search);
    static constexpr std::pair<std::string_view, InitialScaling> kScalings[] = {
        {"identity", InitialScaling::kIdentity}, {"scaled", InitialScaling::kScaled}};
    static constexpr std::pair<std::string_view, NonpositiveCurvature> kCurvature[] = {
        {"skip", NonpositiveCurvature::kSkip}, {"damp", NonpositiveCurvature::kDamp}};
    v.choice("initial_scaling", initial_scaling, kScalings,
             "H₀ = I, or scaled: H₀ = (yᵀs/yᵀy) I before the first update");
    v.choice("nonpositive_curvature", nonpositive_curvature, kCurvature,
             "when yᵀs is not positive: skip the update, or damp s (Powell)");
  }
};

class Bfgs final : public OptimizerWith<BfgsOptions> {
 public:
  static constexpr MethodDoc kDoc{
      .name = "bfgs",
      .summary = "BFGS with the inverse-Hessian update of the lecture",
      .formula = R"(d = −H g;   θ ← θ + t d   (t₀ = 1; min(1, 1/‖g‖₂) while H = H₀)
s = θₖ₊₁ − θₖ,  y = gₖ₊₁ − gₖ,  ρ = 1/yᵀs
H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ,   H₀ = I
initial_scaling = "scaled": H₀ = (yᵀs/yᵀy) I just before the first update
yᵀs ≤ 10⁻¹⁰‖s‖‖y‖ (possible with Armijo): nonpositive_curvature = "skip" keeps H;
  "damp" uses s̃ = θs + (1 − θ)Hy, θ = 0.8 yᵀHy/(yᵀHy − sᵀy) whenever
  sᵀy < 0.2 yᵀHy, so that s̃ᵀy = 0.2 yᵀHy > 0)",
      .source = "Broyden, Fletcher, Goldfarb, Shanno (1970); Nocedal & Wright (2006), §6.1, "
                "eqs. 6.17, 6.20; Powell (1978) damping, applied to the inverse update (N&W "
                "Procedure 18.2 for the direct one)"};
  // Holds the inverse-Hessian approximation as a dense n×n matrix (optimizer_entry.hpp).
  static constexpr bool kFormsDenseMatrices = true;
  using OptimizerWith::OptimizerWith;

  void reset(Index dim) override;
  StepStatus step(Vector& x, StepContext& context) override;

  // The current H (only its lower triangle is stored and updated).
  Matrix inverse_hessian() const { return inverse_hessian_.selfadjointView<Eigen::Lower>(); }

 private:
  void update(StepContext& context);

  Matrix inverse_hessian_;
  Vector direction_, s_, y_, hy_;
  bool updated_ = false;
  SearchStep search_;
};

}  // namespace descent
