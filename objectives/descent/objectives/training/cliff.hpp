// A cliff: a smooth bowl with a steep wall, the shape behind exploding gradients (the
// lecture's "Challenges in gradient descent"; Pascanu, Mikolov & Bengio 2013, §3 and Fig. 6;
// Goodfellow et al. 2016, §8.2.4):
//   f(x, y) = ½(x − a)² + ½ b y² + H σ((x − c)/w),   σ(u) = 1/(1 + e⁻ᵘ)
// A step of height H and width w at x = c sits between a plateau (x > c) and the valley
// around x = a < c. On the wall the slope reaches H/(4w) (250 with the defaults, against
// ~1 elsewhere): an unclipped gradient step from the wall's face is thrown about ε H/(4w)
// away, far past the valley; with `clip = { norm = 1 }` the step is at most ε and the run
// walks down into the valley.
//   ∂f/∂x = (x − a) + (H/w) σ'(u),   ∂²f/∂x² = 1 + (H/w²) σ''(u),   σ' = σ(1 − σ),
//   σ'' = σ'(1 − 2σ),   u = (x − c)/w;   ∂f/∂y = b y,   ∂²f/∂y² = b
// Minimum: (a, 0) with f* = H σ((a − c)/w), listed when the wall's slope there is below
// 1e-14 (a well below c in units of w). Standard start (1, 1), on the plateau.
#pragma once

#include <span>

#include "descent/core/objective.hpp"
#include "descent/objectives/objective_entry.hpp"

namespace descent {

class Cliff final : public Objective {
 public:
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
  explicit Cliff(const Params& params);

  template <class T>
  T evaluate(std::span<const T> p) const {
    using std::exp;
    const T dx = p[0] - p_.valley;
    const T s = 1.0 / (1.0 + exp(-(p[0] - p_.wall) / p_.width));
    return 0.5 * dx * dx + 0.5 * p_.curvature * p[1] * p[1] + p_.height * s;
  }

  Index dim() const override { return 2; }
  double value(const Vector& x) const override;
  void gradient(const Vector& x, Vector& g) const override;
  void hessian(const Vector& x, Matrix& h) const override;
  std::vector<KnownMinimum> minima() const override;
  std::vector<Vector> standard_starts() const override { return {Vector{{1.0, 1.0}}}; }

 private:
  Params p_;
};

ObjectiveEntry cliff_entry();

}  // namespace descent
