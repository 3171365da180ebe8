// Adagrad, as the lecture writes it: Adagrad::kDoc below.
//
// The frameworks' forms: torch.optim.Adagrad is eps_placement = "outside" with ν = 1e-10 and
// a₀ = initial_accumulator_value = 0; optax.adagrad and Keras 3 Adagrad put ν inside the root
// (optax: g / √(a + ν), rsqrt of the accumulator plus eps; Keras: lr·g / √(a + ε)) and start
// the accumulator at 0.1. presets.cpp holds those defaults.
#pragma once

#include <cmath>

#include "descent/core/params.hpp"
#include "descent/optimizers/elementwise.hpp"
#include "descent/optimizers/eps_placement.hpp"
#include "descent/optimizers/optimizer.hpp"
#include "descent/optimizers/weight_decay.hpp"

namespace descent {

struct AdagradOptions {
  double lr = 1e-2;
  double eps = 1e-7;  // ν
  EpsPlacement eps_placement = EpsPlacement::kOutside;
  std::optional<double> initial_accumulator{};  // a₀ ≥ 0; unset: 0
  WeightDecay decay{};

  template <class V>
  void visit(V& v) {
    v.real("lr", lr, Range::positive(), "learning rate ε");
    v.real("eps", eps, Range::non_negative(), "ν, keeps the division finite");
    v.choice("eps_placement", eps_placement, kEpsPlacementChoices,
             "outside: ε g/(√a + ν); inside: ε g/√(a + ν)");
    v.optional_real("initial_accumulator", initial_accumulator, Range::non_negative(),
                    "a₀, the accumulator's initial value (optax, Keras: 0.1; unset: 0)");
    v.group(decay);
  }
};

// Reads x, g, a and writes x, a (5 words per element).
template <class T>
void adagrad_kernel(T* x, const T* g, T* a, Index n, T lr, T nu, EpsPlacement placement) {
  if (placement == EpsPlacement::kOutside) {
    for_each_element(n, [=](Index i) {
      a[i] += g[i] * g[i];
      x[i] -= lr * g[i] / (std::sqrt(a[i]) + nu);
    });
  } else {
    for_each_element(n, [=](Index i) {
      a[i] += g[i] * g[i];
      x[i] -= lr * g[i] / std::sqrt(a[i] + nu);
    });
  }
}

class Adagrad final : public OptimizerWith<AdagradOptions> {
 public:
  static constexpr MethodDoc kDoc{
      .name = "adagrad",
      .summary = "adaptive gradient: per-coordinate rates from the sum of squared gradients",
      .formula = R"(a ← a + g ⊙ g   (a₀ = initial_accumulator, unset 0)
θ ← θ − ε g / (√a + ν)      eps_placement = "outside" (lecture code and slide; torch)
θ ← θ − ε g / √(a + ν)      eps_placement = "inside" (the lecture's later slide; optax, Keras))",
      .source = "Duchi, Hazan & Singer (2011); Goodfellow et al. (2016), Algorithm 8.4; "
                "initial_accumulator_value and weight decay as torch.optim.Adagrad, "
                "optax.adagrad and Keras 3 Adagrad document them"};
  using OptimizerWith::OptimizerWith;

  void reset(Index dim) override {
    accumulator_ = Vector::Constant(dim, options_.initial_accumulator.value_or(0.0));
  }
  StepStatus step(Vector& x, StepContext& context) override {
    const Vector& g = options_.decay.apply(x, context.lr(), context.g(), decayed_gradient_);
    adagrad_kernel(x.data(), g.data(), accumulator_.data(), x.size(), context.lr(), options_.eps,
                   options_.eps_placement);
    return StepStatus::kOk;
  }

 private:
  Vector accumulator_;
  Vector decayed_gradient_;
};

}  // namespace descent
