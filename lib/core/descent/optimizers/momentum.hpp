// Classical (heavy-ball) momentum, as the lecture writes it (Polyak 1964; Goodfellow et al.
// 2016, Algorithm 8.2):
//   v ← α v − ε g
//   θ ← θ + v
// with v₀ = 0, so v₁ = −ε g₁ and vₖ = −ε Σⱼ αᵏ⁻ʲ gⱼ.
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

class Momentum final : public Optimizer {
 public:
  using Options = MomentumOptions;
  explicit Momentum(const Options& options) : options_(options) { validate_fields(options_); }

  void reset(Index dim) override { velocity_ = Vector::Zero(dim); }
  StepStatus step(Vector& x, StepContext& context) override {
    momentum_kernel(x.data(), context.g().data(), velocity_.data(), x.size(), context.lr(),
                    options_.momentum);
    return StepStatus::kOk;
  }
  double base_lr() const override { return options_.lr; }

 private:
  Options options_;
  Vector velocity_;
};

}  // namespace descent
