// Nesterov momentum (Nesterov 1983; Sutskever et al. 2013), in two equivalent forms:
//
// form = "reparam" (default, the lecture's code): with θ̃ = θ + αv the iterate kept,
//   v_old ← v;   v ← α v − ε ∇J(θ̃);   θ̃ ← θ̃ + v + α (v − v_old)
// needs only the gradient at the stored iterate.
//
// form = "lookahead" (the lecture's slide): the gradient at the look-ahead point,
//   v ← α v − ε ∇J(θ + α v);   θ ← θ + v
// costs one extra gradient evaluation per step.
#pragma once

#include "descent/core/params.hpp"
#include "descent/optimizers/elementwise.hpp"
#include "descent/optimizers/optimizer.hpp"

namespace descent {

enum class NesterovForm { kReparam, kLookahead };

struct NesterovOptions {
  double lr = 1e-2;
  double momentum = 0.9;
  NesterovForm form = NesterovForm::kReparam;

  template <class V>
  void visit(V& v) {
    static constexpr std::pair<std::string_view, NesterovForm> kForms[] = {
        {"reparam", NesterovForm::kReparam}, {"lookahead", NesterovForm::kLookahead}};
    v.real("lr", lr, Range::positive(), "learning rate ε");
    v.real("momentum", momentum, Range::unit_right_open(), "momentum α");
    v.choice("form", form, kForms,
             "reparam: θ̃ += v + α(v − v_old) (lecture code); lookahead: ∇J(θ + αv) (slide)");
  }
};

// The reparametrised step. Reads x, g, v and writes x, v (5 words per element).
template <class T>
void nesterov_kernel(T* x, const T* g, T* v, Index n, T lr, T alpha) {
  for_each_element(n, [=](Index i) {
    const T v_old = v[i];
    v[i] = alpha * v[i] - lr * g[i];
    x[i] += v[i] + alpha * (v[i] - v_old);
  });
}

class Nesterov final : public Optimizer {
 public:
  using Options = NesterovOptions;
  explicit Nesterov(const Options& options) : options_(options) { validate_fields(options_); }

  void reset(Index dim) override {
    velocity_ = Vector::Zero(dim);
    lookahead_point_.resize(dim);
    lookahead_gradient_.resize(dim);
  }
  StepStatus step(Vector& x, StepContext& context) override {
    const double alpha = options_.momentum;
    if (options_.form == NesterovForm::kReparam) {
      nesterov_kernel(x.data(), context.g().data(), velocity_.data(), x.size(), context.lr(), alpha);
    } else {
      lookahead_point_ = x + alpha * velocity_;
      context.gradient_at(lookahead_point_, lookahead_gradient_);
      velocity_ = alpha * velocity_ - context.lr() * lookahead_gradient_;
      x += velocity_;
    }
    return StepStatus::kOk;
  }
  double base_lr() const override { return options_.lr; }

 private:
  Options options_;
  Vector velocity_;
  Vector lookahead_point_;
  Vector lookahead_gradient_;
};

}  // namespace descent
