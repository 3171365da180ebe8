// Adagrad (Duchi, Hazan & Singer 2011), as the lecture writes it:
//   a ← a + g ⊙ g
//   θ ← θ − ε g / (√a + ν)        eps_placement = "outside" (default: lecture code and slide)
//   θ ← θ − ε g / √(a + ν)        eps_placement = "inside"  (the lecture's later slide)
// a₀ = 0, ν = 1e-7.
#pragma once

#include <cmath>

#include "descent/core/params.hpp"
#include "descent/optimizers/elementwise.hpp"
#include "descent/optimizers/eps_placement.hpp"
#include "descent/optimizers/optimizer.hpp"

namespace descent {

struct AdagradOptions {
  double lr = 1e-2;
  double eps = 1e-7;  // ν
  EpsPlacement eps_placement = EpsPlacement::kOutside;

  template <class V>
  void visit(V& v) {
    v.real("lr", lr, Range::positive(), "learning rate ε");
    v.real("eps", eps, Range::non_negative(), "ν, keeps the division finite");
    v.choice("eps_placement", eps_placement, kEpsPlacementChoices,
             "outside: ε g/(√a + ν); inside: ε g/√(a + ν)");
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

class Adagrad final : public Optimizer {
 public:
  using Options = AdagradOptions;
  explicit Adagrad(const Options& options) : options_(options) { validate_fields(options_); }

  void reset(Index dim) override { accumulator_ = Vector::Zero(dim); }
  StepStatus step(Vector& x, StepContext& context) override {
    adagrad_kernel(x.data(), context.g().data(), accumulator_.data(), x.size(), context.lr(),
                   options_.eps, options_.eps_placement);
    return StepStatus::kOk;
  }
  double base_lr() const override { return options_.lr; }

 private:
  Options options_;
  Vector accumulator_;
};

}  // namespace descent
