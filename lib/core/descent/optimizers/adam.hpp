// Adam, as the lecture writes it: Adam::doc() below.
#pragma once

#include <cmath>
#include <cstdint>

#include "descent/core/params.hpp"
#include "descent/optimizers/elementwise.hpp"
#include "descent/optimizers/eps_placement.hpp"
#include "descent/optimizers/optimizer.hpp"

namespace descent {

struct AdamOptions {
  double lr = 1e-3;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-7;
  bool bias_correction = true;
  EpsPlacement eps_placement = EpsPlacement::kOutside;

  template <class V>
  void visit(V& v) {
    v.real("lr", lr, Range::positive(), "learning rate ε");
    v.real("beta1", beta1, Range::unit_right_open(), "decay β₁ of the first moment");
    v.real("beta2", beta2, Range::unit_right_open(), "decay β₂ of the second moment");
    v.real("eps", eps, Range::non_negative(), "ν, keeps the division finite");
    v.flag("bias_correction", bias_correction, "divide the moments by 1 − βᵗ");
    v.choice("eps_placement", eps_placement, kEpsPlacementChoices,
             "outside: ε ṽ/(√ã + ν); inside: ε ṽ/√(ã + ν)");
  }
};

// Coefficients of step t: bias corrections c₁ = 1/(1 − β₁ᵗ), c₂ = 1/(1 − β₂ᵗ) (or 1).
template <class T>
struct AdamStep {
  T lr, beta1, beta2, nu, c1, c2;
  EpsPlacement placement;

  static AdamStep at(std::int64_t t, T lr, T beta1, T beta2, T nu, bool bias_correction,
                     EpsPlacement placement) {
    const T c1 = bias_correction ? T(1) / (T(1) - std::pow(beta1, static_cast<T>(t))) : T(1);
    const T c2 = bias_correction ? T(1) / (T(1) - std::pow(beta2, static_cast<T>(t))) : T(1);
    return {lr, beta1, beta2, nu, c1, c2, placement};
  }
};

// Reads x, g, v, a and writes x, v, a (7 words per element).
template <class T>
void adam_kernel(const AdamStep<T>& s, T* x, const T* g, T* v, T* a, Index n) {
  if (s.placement == EpsPlacement::kOutside) {
    for_each_element(n, [=](Index i) {
      v[i] = s.beta1 * v[i] + (T(1) - s.beta1) * g[i];
      a[i] = s.beta2 * a[i] + (T(1) - s.beta2) * g[i] * g[i];
      x[i] -= s.lr * (v[i] * s.c1) / (std::sqrt(a[i] * s.c2) + s.nu);
    });
  } else {
    for_each_element(n, [=](Index i) {
      v[i] = s.beta1 * v[i] + (T(1) - s.beta1) * g[i];
      a[i] = s.beta2 * a[i] + (T(1) - s.beta2) * g[i] * g[i];
      x[i] -= s.lr * (v[i] * s.c1) / std::sqrt(a[i] * s.c2 + s.nu);
    });
  }
}

class Adam final : public OptimizerWith<AdamOptions> {
 public:
  static OptimizerDoc doc() {
    return {
        .name = "adam",
        .summary = "adaptive moments with bias correction",
        .formula = "t ← t + 1\n"
                   "v ← β₁ v + (1 − β₁) g;   a ← β₂ a + (1 − β₂) g ⊙ g\n"
                   "ṽ = v / (1 − β₁ᵗ);   ã = a / (1 − β₂ᵗ)   (bias_correction = false: ṽ = v, ã = a)\n"
                   "θ ← θ − ε ṽ / (√ã + ν)      eps_placement = \"outside\" (lecture code)\n"
                   "θ ← θ − ε ṽ / √(ã + ν)      eps_placement = \"inside\" (lecture slide)",
        .source = "Kingma & Ba (2015); Goodfellow et al. (2016), Algorithm 8.7; β₂ = 0.999 is the "
                  "lecture slide's suggestion (its code uses 0.99)"};
  }
  using OptimizerWith::OptimizerWith;

  void reset(Index dim) override {
    first_moment_ = Vector::Zero(dim);
    second_moment_ = Vector::Zero(dim);
    t_ = 0;
  }
  StepStatus step(Vector& x, StepContext& context) override {
    ++t_;
    const auto s = AdamStep<double>::at(t_, context.lr(), options_.beta1, options_.beta2,
                                        options_.eps, options_.bias_correction,
                                        options_.eps_placement);
    adam_kernel(s, x.data(), context.g().data(), first_moment_.data(), second_moment_.data(),
                x.size());
    return StepStatus::kOk;
  }

 private:
  Vector first_moment_;
  Vector second_moment_;
  std::int64_t t_ = 0;
};

}  // namespace descent
