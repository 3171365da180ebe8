// A cliff: a smooth bowl with a steep wall, the shape behind exploding gradients (the
// lecture's "Challenges in gradient descent"); documentation in CliffProblem::doc().
#pragma once

#include <cmath>

#include "descent/objectives/problem.hpp"
#include "descent/objectives/training/batch_math.hpp"

namespace descent {

struct CliffProblem {
  struct Params {
    double height = 10.0;
    double width = 0.01;
    double wall = 0.0;
    double valley = -1.0;
    double curvature = 1.0;

    template <class V>
    void visit(V& v) {
      v.real("height", height, Range::non_negative(), "H, height of the wall");
      v.real("width", width, Range::positive(), "w, width of the wall (slope H/(4w))");
      v.real("wall", wall, Range::any(), "c, position of the wall along x");
      v.real("valley", valley, Range::any(), "a, the bowl's centre along x");
      v.real("curvature", curvature, Range::positive(), "b, curvature along y");
    }
  };
  explicit CliffProblem(const Params& params) : p_(params) {}

  template <class T>
  T evaluate(std::span<const T> p) const {
    using std::exp;
    const T dx = p[0] - p_.valley;
    const T s = 1.0 / (1.0 + exp(-(p[0] - p_.wall) / p_.width));
    return 0.5 * dx * dx + 0.5 * p_.curvature * p[1] * p[1] + p_.height * s;
  }
  double value(const Vector& x) const {
    const double dx = x[0] - p_.valley;
    return 0.5 * dx * dx + 0.5 * p_.curvature * x[1] * x[1] + p_.height * sigmoid((x[0] - p_.wall) / p_.width);
  }
  void gradient(const Vector& x, Vector& g) const {
    const double s = sigmoid((x[0] - p_.wall) / p_.width);
    g.resize(2);
    g[0] = (x[0] - p_.valley) + p_.height / p_.width * s * (1.0 - s);
    g[1] = p_.curvature * x[1];
  }
  void hessian(const Vector& x, Matrix& h) const {
    const double s = sigmoid((x[0] - p_.wall) / p_.width);
    const double slope = s * (1.0 - s);
    h.resize(2, 2);
    h(0, 0) = 1.0 + p_.height / (p_.width * p_.width) * slope * (1.0 - 2.0 * s);
    h(0, 1) = h(1, 0) = 0.0;
    h(1, 1) = p_.curvature;
  }
  std::vector<KnownMinimum> minima() const {
    const Vector x{{p_.valley, 0.0}};
    const double s = sigmoid((p_.valley - p_.wall) / p_.width);
    if (p_.valley >= p_.wall || p_.height / p_.width * s * (1.0 - s) > 1e-14) return {};
    return {{x, value(x), true}};
  }
  std::vector<Vector> standard_starts() const { return {Vector{{1.0, 1.0}}}; }

  Index dim() const { return 2; }
  static ObjectiveDoc doc() {
    return {.name = "cliff", .family = "training pathology",
            .summary = "a bowl with a steep wall: the exploding-gradient cliff that clipping tames",
            .formula = R"(f(x, y) = ½(x − a)² + ½ b y² + H σ((x − c)/w),  σ(u) = 1/(1 + e⁻ᵘ)
a step of height H and width w at x = c between a plateau (x > c) and the valley
∂f/∂x = (x − a) + (H/w) σ'(u),  ∂²f/∂x² = 1 + (H/w²) σ''(u),  u = (x − c)/w,
σ' = σ(1 − σ), σ'' = σ'(1 − 2σ);  ∂f/∂y = b y,  ∂²f/∂y² = b
the slope reaches H/(4w) on the wall (~1 elsewhere): an unclipped step from the wall
lands ~ε H/(4w) away; clip = { norm = c } bounds it by ε c
minimum (a, 0), f* = H σ((a − c)/w) ≈ 0, listed when the wall's slope there is below
1e-14; standard start (1, 1) on the plateau)",
            .source = "Pascanu, Mikolov & Bengio (2013), On the difficulty of training recurrent neural "
                      "networks, §3 and Fig. 6; Goodfellow et al. (2016), §8.2.4 and §10.11.1"};
  }
 private:
  Params p_;
};
using Cliff = ProblemObjective<CliffProblem>;

}  // namespace descent
