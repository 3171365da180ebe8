// Adam, as the lecture writes it: Adam::kDoc below.
//
// The frameworks' forms, each a setting of the switches (presets.cpp holds their defaults):
//   torch.optim.Adam   eps_placement = "outside", ν = 1e-8; amsgrad keeps the running maximum
//                      of the uncorrected second moment and divides it by 1 − β₂ᵗ:
//                      â = max(â, a),  θ ← θ − ε ṽ / (√(â / (1 − β₂ᵗ)) + ν)
//   optax.adam         eps_placement = "outside", ν = 1e-8, and eps_root under the root:
//                      θ ← θ − ε ṽ / (√(ã + eps_root) + ν)
//   Keras 3 Adam       eps_placement = "outside_uncorrected", ν = 1e-7: the bias corrections
//                      move into the rate, ν stays on the uncorrected √a:
//                      θ ← θ − ε √(1 − β₂ᵗ)/(1 − β₁ᵗ) · v / (√a + ν)
//                      (the "epsilon hat" of Kingma & Ba's Section 2, before Section 2.1)
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "descent/core/params.hpp"
#include "descent/optimizers/elementwise.hpp"
#include "descent/optimizers/eps_placement.hpp"
#include "descent/optimizers/optimizer.hpp"
#include "descent/optimizers/weight_decay.hpp"

namespace descent {

struct AdamOptions {
  double lr = 1e-3;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-7;
  bool bias_correction = true;
  EpsPlacement eps_placement = EpsPlacement::kOutside;
  std::optional<bool> amsgrad{};     // unset: false
  std::optional<double> eps_root{};  // ≥ 0; unset: 0
  WeightDecay decay{};

  template <class V>
  void visit(V& v) {
    v.real("lr", lr, Range::positive(), "learning rate ε");
    v.real("beta1", beta1, Range::unit_right_open(), "decay β₁ of the first moment");
    v.real("beta2", beta2, Range::unit_right_open(), "decay β₂ of the second moment");
    v.real("eps", eps, Range::non_negative(), "ν, keeps the division finite");
    v.flag("bias_correction", bias_correction, "divide the moments by 1 − βᵗ");
    v.choice("eps_placement", eps_placement, kAdamEpsPlacementChoices,
             "outside: ε ṽ/(√ã + ν); inside: ε ṽ/√(ã + ν); outside_uncorrected: ν on √a (Keras)");
    v.optional_flag("amsgrad", amsgrad,
                    "use the running maximum of the second moment (torch; unset: false)");
    v.optional_real("eps_root", eps_root, Range::non_negative(),
                    "added to the second moment under the root (optax; unset: 0)");
    v.group(decay);
  }
};

// Coefficients of step t: the first moment is scaled by c₁ and the second by c₂ — the bias
// corrections c₁ = 1/(1 − β₁ᵗ), c₂ = 1/(1 − β₂ᵗ) (or 1), and for kOutsideUncorrected
// c₁ = √(1 − β₂ᵗ)/(1 − β₁ᵗ), c₂ = 1, so that ν is added to the uncorrected √a. `root` is eps_root.
template <class T>
struct AdamStep {
  T lr, beta1, beta2, nu, c1, c2;
  EpsPlacement placement;
  T root = T(0);

  static AdamStep at(std::int64_t t, T lr, T beta1, T beta2, T nu, bool bias_correction,
                     EpsPlacement placement, T root = T(0)) {
    const T power1 = std::pow(beta1, static_cast<T>(t)), power2 = std::pow(beta2, static_cast<T>(t));
    if (!bias_correction) return {lr, beta1, beta2, nu, T(1), T(1), placement, root};
    if (placement == EpsPlacement::kOutsideUncorrected)
      return {lr, beta1, beta2, nu, std::sqrt(T(1) - power2) / (T(1) - power1), T(1), placement, root};
    return {lr, beta1, beta2, nu, T(1) / (T(1) - power1), T(1) / (T(1) - power2), placement, root};
  }

  // The denominator for the second moment a.
  T denominator(T a) const {
    return placement == EpsPlacement::kInside ? std::sqrt(a * c2 + root + nu)
                                              : std::sqrt(a * c2 + root) + nu;
  }
};

// Reads x, g, v, a and writes x, v, a (7 words per element); with amsgrad (a_max not null) also
// reads and writes the running maximum a_max of a, which takes a's place in the denominator.
template <class T>
void adam_kernel(const AdamStep<T>& s, T* x, const T* g, T* v, T* a, Index n, T* a_max = nullptr) {
  if (a_max != nullptr) {
    for_each_element(n, [=](Index i) {
      v[i] = s.beta1 * v[i] + (T(1) - s.beta1) * g[i];
      a[i] = s.beta2 * a[i] + (T(1) - s.beta2) * g[i] * g[i];
      a_max[i] = std::max(a_max[i], a[i]);
      x[i] -= s.lr * (v[i] * s.c1) / s.denominator(a_max[i]);
    });
  } else if (s.placement == EpsPlacement::kInside) {
    for_each_element(n, [=](Index i) {
      v[i] = s.beta1 * v[i] + (T(1) - s.beta1) * g[i];
      a[i] = s.beta2 * a[i] + (T(1) - s.beta2) * g[i] * g[i];
      x[i] -= s.lr * (v[i] * s.c1) / std::sqrt(a[i] * s.c2 + s.root + s.nu);
    });
  } else {
    for_each_element(n, [=](Index i) {
      v[i] = s.beta1 * v[i] + (T(1) - s.beta1) * g[i];
      a[i] = s.beta2 * a[i] + (T(1) - s.beta2) * g[i] * g[i];
      x[i] -= s.lr * (v[i] * s.c1) / (std::sqrt(a[i] * s.c2 + s.root) + s.nu);
    });
  }
}

class Adam final : public OptimizerWith<AdamOptions> {
 public:
  static constexpr MethodDoc kDoc{
      .name = "adam",
      .summary = "adaptive moments with bias correction",
      .formula = R"(t ← t + 1
v ← β₁ v + (1 − β₁) g;   a ← β₂ a + (1 − β₂) g ⊙ g
ṽ = v / (1 − β₁ᵗ);   ã = a / (1 − β₂ᵗ)   (bias_correction = false: ṽ = v, ã = a)
θ ← θ − ε ṽ / (√ã + ν)      eps_placement = "outside" (lecture code; torch, optax)
θ ← θ − ε ṽ / √(ã + ν)      eps_placement = "inside" (lecture slide)
θ ← θ − ε √(1 − β₂ᵗ)/(1 − β₁ᵗ) · v / (√a + ν)
                            eps_placement = "outside_uncorrected" (Keras)
amsgrad = true:  â ← max(â, a) in place of a (torch: â / (1 − β₂ᵗ) under the root)
eps_root = r:    √(ã + r) in place of √ã (optax))",
      .source = "Kingma & Ba (2015); Goodfellow et al. (2016), Algorithm 8.7; β₂ = 0.999 is the "
                "lecture slide's suggestion (its code uses 0.99); amsgrad: Reddi, Kale & Kumar "
                "(2018) as torch.optim.Adam; eps_root as optax.adam; decoupled decay: Loshchilov "
                "& Hutter (2019)"};
  using OptimizerWith::OptimizerWith;

  void reset(Index dim) override {
    first_moment_ = Vector::Zero(dim);
    second_moment_ = Vector::Zero(dim);
    second_moment_max_ = Vector::Zero(options_.amsgrad.value_or(false) ? dim : 0);
    t_ = 0;
  }
  StepStatus step(Vector& x, StepContext& context) override {
    ++t_;
    const Vector& g = options_.decay.apply(x, context.lr(), context.g(), decayed_gradient_);
    const auto s = AdamStep<double>::at(t_, context.lr(), options_.beta1, options_.beta2,
                                        options_.eps, options_.bias_correction,
                                        options_.eps_placement, options_.eps_root.value_or(0.0));
    adam_kernel(s, x.data(), g.data(), first_moment_.data(), second_moment_.data(), x.size(),
                second_moment_max_.size() > 0 ? second_moment_max_.data() : nullptr);
    return StepStatus::kOk;
  }

 private:
  Vector first_moment_;
  Vector second_moment_;
  Vector second_moment_max_;
  Vector decayed_gradient_;
  std::int64_t t_ = 0;
};

}  // namespace descent
