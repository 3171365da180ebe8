// RMSProp, with the lecture's optional momentum: Rmsprop::kDoc below.
//
// The frameworks' forms: torch.optim.RMSprop is eps_placement = "outside", β = alpha = 0.99,
// ν = 1e-8, and with momentum μ it keeps b ← μ b + g/(√a + ν), θ ← θ − γ b (v = −ε b here);
// optax.rmsprop and Keras 3 RMSprop put ν inside the root with β = 0.9 (optax: decay, ν = 1e-8,
// initial_scale for a₀; Keras: rho, ε = 1e-7). `centered` (Graves 2013; all three frameworks)
// divides by the root of a − m², m the running mean of g, an estimate of g's variance.
#pragma once

#include <cmath>

#include "descent/core/params.hpp"
#include "descent/optimizers/elementwise.hpp"
#include "descent/optimizers/eps_placement.hpp"
#include "descent/optimizers/optimizer.hpp"
#include "descent/optimizers/weight_decay.hpp"

namespace descent {

struct RmspropOptions {
  double lr = 1e-3;
  double beta = 0.99;
  double momentum = 0.0;  // α; 0 is plain RMSProp
  double eps = 1e-7;
  EpsPlacement eps_placement = EpsPlacement::kInside;
  std::optional<bool> centered{};               // unset: false
  std::optional<double> initial_accumulator{};  // a₀ ≥ 0; unset: 0
  WeightDecay decay{};

  template <class V>
  void visit(V& v) {
    v.real("lr", lr, Range::positive(), "learning rate ε");
    v.real("beta", beta, Range::unit_right_open(), "decay β of the squared-gradient average");
    v.real("momentum", momentum, Range::unit_right_open(), "momentum α (0: none)");
    v.real("eps", eps, Range::non_negative(), "ν, keeps the division finite");
    v.choice("eps_placement", eps_placement, kEpsPlacementChoices,
             "inside: ε g/√(a + ν); outside: ε g/(√a + ν)");
    v.optional_flag("centered", centered, "divide by the root of a − m², m the mean of g (unset: false)");
    v.optional_real("initial_accumulator", initial_accumulator, Range::non_negative(),
                    "a₀, the average's initial value (optax initial_scale; unset: 0)");
    v.group(decay);
  }
  bool is_centered() const { return centered.value_or(false); }
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

// Centered, with momentum when v is not null: also reads and writes the mean m of g.
template <class T>
void rmsprop_centered_kernel(T* x, const T* g, T* a, T* m, T* v, Index n, T lr, T beta, T alpha,
                             T nu, EpsPlacement placement) {
  if (v == nullptr) {
    for_each_element(n, [=](Index i) {
      a[i] = beta * a[i] + (T(1) - beta) * g[i] * g[i];
      m[i] = beta * m[i] + (T(1) - beta) * g[i];
      x[i] -= lr * g[i] / rmsprop_scale(a[i] - m[i] * m[i], nu, placement);
    });
  } else {
    for_each_element(n, [=](Index i) {
      a[i] = beta * a[i] + (T(1) - beta) * g[i] * g[i];
      m[i] = beta * m[i] + (T(1) - beta) * g[i];
      v[i] = alpha * v[i] - lr * g[i] / rmsprop_scale(a[i] - m[i] * m[i], nu, placement);
      x[i] += v[i];
    });
  }
}

class Rmsprop final : public OptimizerWith<RmspropOptions> {
 public:
  static constexpr MethodDoc kDoc{
      .name = "rmsprop",
      .summary = "RMSProp: an exponentially weighted average of squared gradients; "
                 "optional momentum",
      .formula = R"(a ← β a + (1 − β) g ⊙ g   (a₀ = 0, v₀ = 0)
momentum = 0:  θ ← θ − ε g / √(a + ν)
momentum = α:  v ← α v − ε g / √(a + ν);  θ ← θ + v
(eps_placement = "outside" uses √a + ν, as the lecture's RMSProp+momentum code and torch)
a₀ = initial_accumulator (unset 0; optax initial_scale)
centered = true:  m ← β m + (1 − β) g;  a − m ⊙ m in place of a (torch, optax, Keras))",
      .source = "Tieleman & Hinton (2012), Coursera lecture 6.5; Goodfellow et al. (2016), "
                "Algorithms 8.5, 8.6; centered: Graves (2013); the switches as "
                "torch.optim.RMSprop, optax.rmsprop and Keras 3 RMSprop document them"};
  using OptimizerWith::OptimizerWith;

  void reset(Index dim) override {
    accumulator_ = Vector::Constant(dim, options_.initial_accumulator.value_or(0.0));
    velocity_ = Vector::Zero(options_.momentum > 0.0 ? dim : 0);
    mean_ = Vector::Zero(options_.is_centered() ? dim : 0);
  }
  StepStatus step(Vector& x, StepContext& context) override {
    const double lr = context.lr();
    const Vector& g = options_.decay.apply(x, lr, context.g(), decayed_gradient_);
    const bool with_momentum = options_.momentum > 0.0;
    if (options_.is_centered())
      rmsprop_centered_kernel(x.data(), g.data(), accumulator_.data(), mean_.data(),
                              with_momentum ? velocity_.data() : nullptr, x.size(), lr,
                              options_.beta, options_.momentum, options_.eps,
                              options_.eps_placement);
    else if (with_momentum)
      rmsprop_momentum_kernel(x.data(), g.data(), accumulator_.data(), velocity_.data(), x.size(),
                              lr, options_.beta, options_.momentum, options_.eps,
                              options_.eps_placement);
    else
      rmsprop_kernel(x.data(), g.data(), accumulator_.data(), x.size(), lr, options_.beta,
                     options_.eps, options_.eps_placement);
    return StepStatus::kOk;
  }

 private:
  Vector accumulator_;
  Vector velocity_;
  Vector mean_;
  Vector decayed_gradient_;
};

}  // namespace descent
