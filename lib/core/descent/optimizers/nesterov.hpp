// Nesterov momentum in two equivalent forms: Nesterov::kDoc below.
//
// With v = −ε b and a constant rate, the reparametrised form is torch.optim.SGD's
// nesterov = True: θ ← θ − γ (g + μ b), b ← μ b + g. dampening τ scales the gradient's share of
// v from the second step on, as in Momentum (momentum.hpp); torch.optim.SGD refuses nesterov
// with τ ≠ 0, so for τ > 0 this is descent's extension of the same rule.
#pragma once

#include "descent/core/params.hpp"
#include "descent/optimizers/elementwise.hpp"
#include "descent/optimizers/optimizer.hpp"
#include "descent/optimizers/weight_decay.hpp"

namespace descent {

enum class NesterovForm { kReparam, kLookahead };

struct NesterovOptions {
  double lr = 1e-2;
  double momentum = 0.9;
  NesterovForm form = NesterovForm::kReparam;
  std::optional<double> dampening{};  // 0 ≤ τ < 1; unset: 0
  WeightDecay decay{};

  template <class V>
  void visit(V& v) {
    static constexpr std::pair<std::string_view, NesterovForm> kForms[] = {
        {"reparam", NesterovForm::kReparam}, {"lookahead", NesterovForm::kLookahead}};
    v.real("lr", lr, Range::positive(), "learning rate ε");
    v.real("momentum", momentum, Range::unit_right_open(), "momentum α");
    v.choice("form", form, kForms,
             "reparam: θ̃ += v + α(v − v_old) (lecture code); lookahead: ∇J(θ + αv) (slide)");
    v.optional_real("dampening", dampening, Range::unit_right_open(),
                    "dampening τ of the gradient in v after the first step (torch; unset: 0)");
    v.group(decay);
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
  static constexpr MethodDoc kDoc{
      .name = "nesterov",
      .summary = "Nesterov momentum, reparametrised (lecture code) or look-ahead (slide)",
      .formula = R"(reparam:   v_old ← v;  v ← α v − ε ∇J(θ̃);  θ̃ ← θ̃ + v + α (v − v_old)
lookahead: v ← α v − ε ∇J(θ + α v);  θ ← θ + v
(the two are equivalent under θ̃ = θ + α v: reparam keeps θ̃ and needs only
 the gradient at it; lookahead keeps θ and costs one more gradient)
dampening = τ:  −ε (1 − τ) ∇J in v from the second step on (as momentum))",
      .source = "Nesterov (1983); Sutskever, Martens, Dahl & Hinton (2013); Goodfellow et al. "
                "(2016), Algorithm 8.3; reparam is torch.optim.SGD's nesterov = True for a "
                "constant rate"};
  using OptimizerWith::OptimizerWith;

  void reset(Index dim) override {
    velocity_ = Vector::Zero(dim);
    lookahead_point_.resize(dim);
    lookahead_gradient_.resize(dim);
    first_step_ = true;
  }
  StepStatus step(Vector& x, StepContext& context) override {
    const double alpha = options_.momentum;
    const double lr = context.lr();
    const double gradient_rate = first_step_ ? lr : lr * (1.0 - options_.dampening.value_or(0.0));
    first_step_ = false;
    if (options_.form == NesterovForm::kReparam) {
      const Vector& g = options_.decay.apply(x, lr, context.g(), decayed_gradient_);
      nesterov_kernel(x.data(), g.data(), velocity_.data(), x.size(), gradient_rate, alpha);
    } else {
      options_.decay.shrink(x, lr);
      lookahead_point_ = x + alpha * velocity_;
      context.gradient_at(lookahead_point_, lookahead_gradient_);
      const Vector& g = options_.decay.gradient(lookahead_point_, lookahead_gradient_, decayed_gradient_);
      velocity_ = alpha * velocity_ - gradient_rate * g;
      x += velocity_;
    }
    return StepStatus::kOk;
  }

 private:
  Vector velocity_;
  Vector lookahead_point_;
  Vector lookahead_gradient_;
  Vector decayed_gradient_;
  bool first_step_ = true;
};

}  // namespace descent
