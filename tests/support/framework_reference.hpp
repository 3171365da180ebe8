// The frameworks' update rules written out by hand from their documentation, step by step, to
// pin descent's framework switches and presets against: torch.optim's algorithm boxes (SGD,
// Adagrad, RMSprop, Adam, AdamW), optax's adam, adagrad and rmsprop (scale_by_adam,
// scale_by_rss, scale_by_rms), and Keras 3's Adam and RMSprop update_step. Each returns the
// iterates θ₁, …, θ_T from θ₀ for a gradient function; the variable names follow the
// framework's own (γ = lr, μ = momentum, τ = dampening, λ = weight_decay).
#pragma once

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "descent/core/types.hpp"

namespace descent::test {

using GradientFunction = std::function<Vector(const Vector&)>;
using Iterates = std::vector<Vector>;

// θ₁, …, θ_T from θ₀: `update(θ, g, t)` takes θ_{t−1} to θ_t with g = ∇f(θ_{t−1}), t from 1.
template <class Update>
Iterates iterates(const GradientFunction& grad, Vector theta, int steps, Update update) {
  Iterates out;
  for (int t = 1; t <= steps; ++t) {
    update(theta, grad(theta), t);
    out.push_back(theta);
  }
  return out;
}

// torch.optim.SGD: g ← g + λθ; b ← g (t = 1) or μ b + (1 − τ) g; g ← g + μ b (nesterov) or b;
// θ ← θ − γ g.
struct TorchSgd {
  double lr = 1e-3, momentum = 0.0, dampening = 0.0, weight_decay = 0.0;
  bool nesterov = false;
};
inline Iterates torch_sgd(const TorchSgd& o, const GradientFunction& grad, const Vector& theta0,
                          int steps) {
  Vector b;
  return iterates(grad, theta0, steps, [&](Vector& theta, Vector g, int t) {
    if (o.weight_decay != 0.0) g += o.weight_decay * theta;
    if (o.momentum != 0.0) {
      b = t > 1 ? Vector(o.momentum * b + (1.0 - o.dampening) * g) : g;
      g = o.nesterov ? Vector(g + o.momentum * b) : b;
    }
    theta -= o.lr * g;
  });
}

// torch.optim.Adagrad (lr_decay = 0): g ← g + λθ; s ← s + g²; θ ← θ − γ g / (√s + ε),
// s₀ = initial_accumulator_value.
struct TorchAdagrad {
  double lr = 1e-2, weight_decay = 0.0, initial_accumulator_value = 0.0, eps = 1e-10;
};
inline Iterates torch_adagrad(const TorchAdagrad& o, const GradientFunction& grad,
                              const Vector& theta0, int steps) {
  Vector sum = Vector::Constant(theta0.size(), o.initial_accumulator_value);
  return iterates(grad, theta0, steps, [&](Vector& theta, Vector g, int) {
    if (o.weight_decay != 0.0) g += o.weight_decay * theta;
    sum += g.cwiseProduct(g);
    theta -= o.lr * g.cwiseQuotient((sum.cwiseSqrt().array() + o.eps).matrix());
  });
}

// torch.optim.RMSprop: g ← g + λθ; v ← α v + (1 − α) g²; ṽ = v, or with centered
// gᵃᵛᵉ ← α gᵃᵛᵉ + (1 − α) g and ṽ = v − (gᵃᵛᵉ)²; with μ > 0 b ← μ b + g/(√ṽ + ε), θ ← θ − γ b,
// else θ ← θ − γ g/(√ṽ + ε).
struct TorchRmsprop {
  double lr = 1e-2, alpha = 0.99, eps = 1e-8, weight_decay = 0.0, momentum = 0.0;
  bool centered = false;
};
inline Iterates torch_rmsprop(const TorchRmsprop& o, const GradientFunction& grad,
                              const Vector& theta0, int steps) {
  const Index n = theta0.size();
  Vector v = Vector::Zero(n), b = Vector::Zero(n), g_ave = Vector::Zero(n);
  return iterates(grad, theta0, steps, [&](Vector& theta, Vector g, int) {
    if (o.weight_decay != 0.0) g += o.weight_decay * theta;
    v = o.alpha * v + (1.0 - o.alpha) * g.cwiseProduct(g);
    Vector v_tilde = v;
    if (o.centered) {
      g_ave = g_ave * o.alpha + (1.0 - o.alpha) * g;
      v_tilde -= g_ave.cwiseProduct(g_ave);
    }
    const Vector scaled = g.cwiseQuotient((v_tilde.cwiseSqrt().array() + o.eps).matrix());
    if (o.momentum > 0.0) {
      b = o.momentum * b + scaled;
      theta -= o.lr * b;
    } else {
      theta -= o.lr * scaled;
    }
  });
}

// torch.optim.Adam (decoupled = false) and torch.optim.AdamW (decoupled = true):
// Adam g ← g + λθ, AdamW θ ← θ − γλθ; m ← β₁ m + (1 − β₁) g; v ← β₂ v + (1 − β₂) g²;
// m̂ = m/(1 − β₁ᵗ); amsgrad: vᵐᵃˣ ← max(vᵐᵃˣ, v), v̂ = vᵐᵃˣ/(1 − β₂ᵗ), else v̂ = v/(1 − β₂ᵗ);
// θ ← θ − γ m̂/(√v̂ + ε).
struct TorchAdam {
  double lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weight_decay = 0.0;
  bool amsgrad = false, decoupled = false;
};
inline Iterates torch_adam(const TorchAdam& o, const GradientFunction& grad, const Vector& theta0,
                           int steps) {
  const Index n = theta0.size();
  Vector m = Vector::Zero(n), v = Vector::Zero(n), v_max = Vector::Zero(n);
  return iterates(grad, theta0, steps, [&](Vector& theta, Vector g, int t) {
    if (o.decoupled)
      theta -= o.lr * o.weight_decay * theta;
    else if (o.weight_decay != 0.0)
      g += o.weight_decay * theta;
    m = o.beta1 * m + (1.0 - o.beta1) * g;
    v = o.beta2 * v + (1.0 - o.beta2) * g.cwiseProduct(g);
    const Vector m_hat = m / (1.0 - std::pow(o.beta1, t));
    if (o.amsgrad) v_max = v_max.cwiseMax(v);
    const Vector v_hat = (o.amsgrad ? v_max : v) / (1.0 - std::pow(o.beta2, t));
    theta -= o.lr * m_hat.cwiseQuotient((v_hat.cwiseSqrt().array() + o.eps).matrix());
  });
}

// optax.adam (scale_by_adam, then −lr): m̂/(√(v̂ + eps_root) + eps).
struct OptaxAdam {
  double lr = 1e-3, b1 = 0.9, b2 = 0.999, eps = 1e-8, eps_root = 0.0;
};
inline Iterates optax_adam(const OptaxAdam& o, const GradientFunction& grad, const Vector& theta0,
                           int steps) {
  const Index n = theta0.size();
  Vector mu = Vector::Zero(n), nu = Vector::Zero(n);
  return iterates(grad, theta0, steps, [&](Vector& theta, const Vector& g, int t) {
    mu = (1.0 - o.b1) * g + o.b1 * mu;
    nu = (1.0 - o.b2) * g.cwiseProduct(g) + o.b2 * nu;
    const Vector mu_hat = mu / (1.0 - std::pow(o.b1, t));
    const Vector nu_hat = nu / (1.0 - std::pow(o.b2, t));
    const Vector denominator = ((nu_hat.array() + o.eps_root).sqrt() + o.eps).matrix();
    theta -= o.lr * mu_hat.cwiseQuotient(denominator);
  });
}

// optax.adagrad (scale_by_rss, then −lr): s ← s + g², s₀ = initial_accumulator_value;
// update g · rsqrt(s + eps).
struct OptaxAdagrad {
  double lr = 1e-2, initial_accumulator_value = 0.1, eps = 1e-7;
};
inline Iterates optax_adagrad(const OptaxAdagrad& o, const GradientFunction& grad,
                              const Vector& theta0, int steps) {
  Vector sum = Vector::Constant(theta0.size(), o.initial_accumulator_value);
  return iterates(grad, theta0, steps, [&](Vector& theta, const Vector& g, int) {
    sum += g.cwiseProduct(g);
    theta -= o.lr * g.cwiseQuotient((sum.array() + o.eps).sqrt().matrix());
  });
}

// Keras 3 Adam: α = lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ); m ← m + (g − m)(1 − β₁); v ← v + (g² − v)(1 − β₂);
// amsgrad: v̂ ← max(v̂, v) in place of v; θ ← θ − m α/(√v + ε). Keras's weight_decay first
// sets θ ← θ − θ·λ·lr.
struct KerasAdam {
  double learning_rate = 1e-3, beta_1 = 0.9, beta_2 = 0.999, epsilon = 1e-7, weight_decay = 0.0;
  bool amsgrad = false;
};
inline Iterates keras_adam(const KerasAdam& o, const GradientFunction& grad, const Vector& theta0,
                           int steps) {
  const Index n = theta0.size();
  Vector m = Vector::Zero(n), v = Vector::Zero(n), v_hat = Vector::Zero(n);
  return iterates(grad, theta0, steps, [&](Vector& theta, const Vector& g, int t) {
    theta -= theta * o.weight_decay * o.learning_rate;
    const double alpha =
        o.learning_rate * std::sqrt(1.0 - std::pow(o.beta_2, t)) / (1.0 - std::pow(o.beta_1, t));
    m += (g - m) * (1.0 - o.beta_1);
    v += (g.cwiseProduct(g) - v) * (1.0 - o.beta_2);
    if (o.amsgrad) v_hat = v_hat.cwiseMax(v);
    const Vector& second = o.amsgrad ? v_hat : v;
    theta -= (m * alpha).cwiseQuotient((second.cwiseSqrt().array() + o.epsilon).matrix());
  });
}

// Keras 3 RMSprop: v ← ρ v + (1 − ρ) g²; centered: ḡ ← ρ ḡ + (1 − ρ) g, d = v − ḡ² + ε, else
// d = v + ε; increment = lr·g/√d; with momentum m ← μ m + increment, θ ← θ − m, else
// θ ← θ − increment.
struct KerasRmsprop {
  double learning_rate = 1e-3, rho = 0.9, momentum = 0.0, epsilon = 1e-7;
  bool centered = false;
};
inline Iterates keras_rmsprop(const KerasRmsprop& o, const GradientFunction& grad,
                              const Vector& theta0, int steps) {
  const Index n = theta0.size();
  Vector velocity = Vector::Zero(n), average = Vector::Zero(n), m = Vector::Zero(n);
  return iterates(grad, theta0, steps, [&](Vector& theta, const Vector& g, int) {
    velocity = o.rho * velocity + (1.0 - o.rho) * g.cwiseProduct(g);
    Vector denominator = (velocity.array() + o.epsilon).matrix();
    if (o.centered) {
      average = o.rho * average + (1.0 - o.rho) * g;
      denominator -= average.cwiseProduct(average);
    }
    const Vector increment = o.learning_rate * g.cwiseQuotient(denominator.cwiseSqrt());
    if (o.momentum > 0.0) {
      m = o.momentum * m + increment;
      theta -= m;
    } else {
      theta -= increment;
    }
  });
}

}  // namespace descent::test
