// Classical (heavy-ball) momentum, as the lecture writes it: Momentum::kDoc below.
//
// dampening τ follows torch.optim.SGD: b₁ = g, then b ← μ b + (1 − τ) g, θ ← θ − γ b. With
// v = −ε b this is v ← α v − ε (1 − τ) g from the second step on, the first step undamped
// (v₁ = −ε g); for a constant rate the two forms are the same iterates.
#pragma once

#include "descent/core/params.hpp"
#include "descent/optimizers/elementwise.hpp"
#include "descent/optimizers/optimizer.hpp"
#include "descent/optimizers/weight_decay.hpp"

namespace descent {

struct MomentumOptions {
  double lr = 1e-2;        // ε > 0
  double momentum = 0.9;   // 0 ≤ α < 1
  std::optional<double> dampening{};  // 0 ≤ τ < 1; unset: 0
  WeightDecay decay{};

  template <class V>
  void visit(V& v) {
    v.real("lr", lr, Range::positive(), "learning rate ε");
    v.real("momentum", momentum, Range::unit_right_open(), "momentum α");
    v.optional_real("dampening", dampening, Range::unit_right_open(),
                    "dampening τ of the gradient in v after the first step (torch; unset: 0)");
    v.group(decay);
  }
};

// Reads x, g, v and writes x, v (5 words per element).
template <class T>
void momentum_kernel(T* x, const T* g, T* v, Index n, T lr, T alpha) {
  for_each_element(n, [=](Index i) {
    v[i] = alpha * v[i] - lr * g[i];
    x[i] += v[i];
  });
}

class Momentum final : public OptimizerWith<MomentumOptions> {
 public:
  static constexpr MethodDoc kDoc{
      .name = "momentum",
      .summary = "heavy-ball momentum",
      .formula = R"(v ← α v − ε g
θ ← θ + v
(v₀ = 0, so vₖ = −ε Σⱼ αᵏ⁻ʲ gⱼ)
dampening = τ:  v ← α v − ε (1 − τ) g from the second step on
                (torch.optim.SGD: b₁ = g, b ← μ b + (1 − τ) g, θ ← θ − γ b))",
      .source = "Polyak (1964); Goodfellow et al. (2016), Algorithm 8.2; dampening and "
                "weight decay as torch.optim.SGD documents them"};
  using OptimizerWith::OptimizerWith;

  void reset(Index dim) override {
    velocity_ = Vector::Zero(dim);
    first_step_ = true;
  }
  StepStatus step(Vector& x, StepContext& context) override {
    const double lr = context.lr();
    const Vector& g = options_.decay.apply(x, lr, context.g(), decayed_gradient_);
    const double gradient_rate = first_step_ ? lr : lr * (1.0 - options_.dampening.value_or(0.0));
    momentum_kernel(x.data(), g.data(), velocity_.data(), x.size(), gradient_rate,
                    options_.momentum);
    first_step_ = false;
    return StepStatus::kOk;
  }

 private:
  Vector velocity_;
  Vector decayed_gradient_;
  bool first_step_ = true;
};

}  // namespace descent
