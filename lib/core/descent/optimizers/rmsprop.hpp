// RMSProp, with the lecture's optional momentum: Rmsprop::doc() below.
#pragma once

#include <cmath>

#include "descent/core/params.hpp"
#include "descent/optimizers/elementwise.hpp"
#include "descent/optimizers/eps_placement.hpp"
#include "descent/optimizers/optimizer.hpp"

namespace descent {

struct RmspropOptions {
  double lr = 1e-3;
  double beta = 0.99;
  double momentum = 0.0;  // α; 0 is plain RMSProp
  double eps = 1e-7;
  EpsPlacement eps_placement = EpsPlacement::kInside;

  template <class V>
  void visit(V& v) {
    v.real("lr", lr, Range::positive(), "learning rate ε");
    v.real("beta", beta, Range::unit_right_open(), "decay β of the squared-gradient average");
    v.real("momentum", momentum, Range::unit_right_open(), "momentum α (0: none)");
    v.real("eps", eps, Range::non_negative(), "ν, keeps the division finite");
    v.choice("eps_placement", eps_placement, kEpsPlacementChoices,
             "inside: ε g/√(a + ν); outside: ε g/(√a + ν)");
  }
};

template <class T>
T rmsprop_scale(T a, T nu, EpsPlacement placement) {
  return placement == EpsPlacement::kInside ? std::sqrt(a + nu) : std::sqrt(a) + nu;
}

// Plain RMSProp: reads x, g, a and writes x, a (5 words per element).
template <class T>
void rmsprop_kernel(T* x, const T* g, T* a, Index n, T lr, T beta, T nu, EpsPlacement placement) {
  for_each_element(n, [=](Index i) {
    a[i] = beta * a[i] + (T(1) - beta) * g[i] * g[i];
    x[i] -= lr * g[i] / rmsprop_scale(a[i], nu, placement);
  });
}

// With momentum: reads x, g, a, v and writes x, a, v (7 words per element).
template <class T>
void rmsprop_momentum_kernel(T* x, const T* g, T* a, T* v, Index n, T lr, T beta, T alpha, T nu,
                             EpsPlacement placement) {
  for_each_element(n, [=](Index i) {
    a[i] = beta * a[i] + (T(1) - beta) * g[i] * g[i];
    v[i] = alpha * v[i] - lr * g[i] / rmsprop_scale(a[i], nu, placement);
    x[i] += v[i];
  });
}

class Rmsprop final : public OptimizerWith<RmspropOptions> {
 public:
  static OptimizerDoc doc() {
    return {.name = "rmsprop",
            .summary = "RMSProp: an exponentially weighted average of squared gradients; "
                       "optional momentum",
            .formula = "a ← β a + (1 − β) g ⊙ g   (a₀ = 0, v₀ = 0)\n"
                       "momentum = 0:  θ ← θ − ε g / √(a + ν)\n"
                       "momentum = α:  v ← α v − ε g / √(a + ν);  θ ← θ + v\n"
                       "(eps_placement = \"outside\" uses √a + ν, as the lecture's "
                       "RMSProp+momentum code)",
            .source = "Tieleman & Hinton (2012), Coursera lecture 6.5; Goodfellow et al. (2016), "
                      "Algorithms 8.5, 8.6"};
  }
  using OptimizerWith::OptimizerWith;

  void reset(Index dim) override {
    accumulator_ = Vector::Zero(dim);
    velocity_ = Vector::Zero(options_.momentum > 0.0 ? dim : 0);
  }
  StepStatus step(Vector& x, StepContext& context) override {
    if (options_.momentum > 0.0)
      rmsprop_momentum_kernel(x.data(), context.g().data(), accumulator_.data(), velocity_.data(),
                              x.size(), context.lr(), options_.beta, options_.momentum,
                              options_.eps, options_.eps_placement);
    else
      rmsprop_kernel(x.data(), context.g().data(), accumulator_.data(), x.size(), context.lr(),
                     options_.beta, options_.eps, options_.eps_placement);
    return StepStatus::kOk;
  }

 private:
  Vector accumulator_;
  Vector velocity_;
};

}  // namespace descent
