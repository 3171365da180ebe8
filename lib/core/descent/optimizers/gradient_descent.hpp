// Gradient descent, the lecture's first rule: GradientDescent::kDoc below.
#pragma once

#include "descent/core/params.hpp"
#include "descent/optimizers/elementwise.hpp"
#include "descent/optimizers/optimizer.hpp"
#include "descent/optimizers/weight_decay.hpp"

namespace descent {

struct GradientDescentOptions {
  double lr = 1e-2;  // ε > 0
  WeightDecay decay{};

  template <class V>
  void visit(V& v) {
    v.real("lr", lr, Range::positive(), "learning rate ε");
    v.group(decay);
  }
};

// One step on raw arrays; reads x, g and writes x (3 words per element).
template <class T>
void gradient_descent_kernel(T* x, const T* g, Index n, T lr) {
  for_each_element(n, [=](Index i) { x[i] -= lr * g[i]; });
}

class GradientDescent final : public OptimizerWith<GradientDescentOptions> {
 public:
  static constexpr MethodDoc kDoc{
      .name = "gd",
      .summary = "gradient descent (SGD with minibatches)",
      .formula = "θ ← θ − ε g",
      .source = "Goodfellow, Bengio & Courville, Deep Learning (2016), §8.3.1; with the "
                "driver's minibatch gradients this is SGD; weight decay as torch.optim.SGD "
                "and Keras 3 SGD document it"};
  using OptimizerWith::OptimizerWith;

  void reset(Index) override {}
  StepStatus step(Vector& x, StepContext& context) override {
    const Vector& g = options_.decay.apply(x, context.lr(), context.g(), decayed_gradient_);
    gradient_descent_kernel(x.data(), g.data(), x.size(), context.lr());
    return StepStatus::kOk;
  }

 private:
  Vector decayed_gradient_;
};

}  // namespace descent
