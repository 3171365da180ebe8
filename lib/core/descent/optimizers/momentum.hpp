// Classical (heavy-ball) momentum, as the lecture writes it: Momentum::doc() below.
#pragma once

#include "descent/core/params.hpp"
#include "descent/optimizers/elementwise.hpp"
#include "descent/optimizers/optimizer.hpp"

namespace descent {

struct MomentumOptions {
  double lr = 1e-2;        // ε > 0
  double momentum = 0.9;   // 0 ≤ α < 1

  template <class V>
  void visit(V& v) {
    v.real("lr", lr, Range::positive(), "learning rate ε");
    v.real("momentum", momentum, Range::unit_right_open(), "momentum α");
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
  static OptimizerDoc doc() {
    return {.name = "momentum",
            .summary = "heavy-ball momentum",
            .formula = "v ← α v − ε g\nθ ← θ + v\n(v₀ = 0, so vₖ = −ε Σⱼ αᵏ⁻ʲ gⱼ)",
            .source = "Polyak (1964); Goodfellow et al. (2016), Algorithm 8.2"};
  }
  using OptimizerWith::OptimizerWith;

  void reset(Index dim) override { velocity_ = Vector::Zero(dim); }
  StepStatus step(Vector& x, StepContext& context) override {
    momentum_kernel(x.data(), context.g().data(), velocity_.data(), x.size(), context.lr(),
                    options_.momentum);
    return StepStatus::kOk;
  }

 private:
  Vector velocity_;
};

}  // namespace descent
