// Nesterov momentum in two equivalent forms: Nesterov::doc() below.
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

class Nesterov final : public OptimizerWith<NesterovOptions> {
 public:
  static OptimizerDoc doc() {
    return {
        .name = "nesterov",
        .summary = "Nesterov momentum, reparametrised (lecture code) or look-ahead (slide)",
        .formula = "reparam:   v_old ← v;  v ← α v − ε ∇J(θ̃);  θ̃ ← θ̃ + v + α (v − v_old)\n"
                   "lookahead: v ← α v − ε ∇J(θ + α v);  θ ← θ + v\n"
                   "(the two are equivalent under θ̃ = θ + α v: reparam keeps θ̃ and needs only\n"
                   " the gradient at it; lookahead keeps θ and costs one more gradient)",
        .source = "Nesterov (1983); Sutskever, Martens, Dahl & Hinton (2013); Goodfellow et al. "
                  "(2016), Algorithm 8.3"};
  }
  using OptimizerWith::OptimizerWith;

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

 private:
  Vector velocity_;
  Vector lookahead_point_;
  Vector lookahead_gradient_;
};

}  // namespace descent
