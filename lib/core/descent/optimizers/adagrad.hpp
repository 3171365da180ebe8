// Adagrad, as the lecture writes it: Adagrad::doc() below.
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

class Adagrad final : public OptimizerWith<AdagradOptions> {
 public:
  static OptimizerDoc doc() {
    return {.name = "adagrad",
            .summary = "adaptive gradient: per-coordinate rates from the sum of squared gradients",
            .formula = "a ← a + g ⊙ g   (a₀ = 0)\n"
                       "θ ← θ − ε g / (√a + ν)      eps_placement = \"outside\" (lecture code and slide)\n"
                       "θ ← θ − ε g / √(a + ν)      eps_placement = \"inside\" (the lecture's later slide)",
            .source = "Duchi, Hazan & Singer (2011); Goodfellow et al. (2016), Algorithm 8.4"};
  }
  using OptimizerWith::OptimizerWith;

  void reset(Index dim) override { accumulator_ = Vector::Zero(dim); }
  StepStatus step(Vector& x, StepContext& context) override {
    adagrad_kernel(x.data(), context.g().data(), accumulator_.data(), x.size(), context.lr(),
                   options_.eps, options_.eps_placement);
    return StepStatus::kOk;
  }

 private:
  Vector accumulator_;
};

}  // namespace descent
