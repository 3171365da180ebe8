#pragma once

#include "descent/objectives/planar_problem.hpp"

namespace descent {

struct BealeProblem : PlanarProblem<BealeProblem> {
  template <class T>
  T f(const T& x, const T& y) const {
    const T t1 = 1.5 - x + x * y;
    const T t2 = 2.25 - x + x * y * y;
    const T t3 = 2.625 - x + x * y * y * y;
    return t1 * t1 + t2 * t2 + t3 * t3;
  }
  Vector2 grad(double x, double y) const {
    const double y2 = y * y, y3 = y2 * y;
    const double t1 = 1.5 - x + x * y, t2 = 2.25 - x + x * y2, t3 = 2.625 - x + x * y3;
    return {2.0 * (t1 * (y - 1.0) + t2 * (y2 - 1.0) + t3 * (y3 - 1.0)),
            2.0 * (t1 * x + t2 * 2.0 * x * y + t3 * 3.0 * x * y2)};
  }
  Matrix2 hess(double x, double y) const {
    const double y2 = y * y, y3 = y2 * y;
    const double t1 = 1.5 - x + x * y, t2 = 2.25 - x + x * y2, t3 = 2.625 - x + x * y3;
    const double xx = 2.0 * ((y - 1.0) * (y - 1.0) + (y2 - 1.0) * (y2 - 1.0) + (y3 - 1.0) * (y3 - 1.0));
    const double xy = 2.0 * ((x * (y - 1.0) + t1) + (2.0 * x * y * (y2 - 1.0) + 2.0 * y * t2) +
                             (3.0 * x * y2 * (y3 - 1.0) + 3.0 * y2 * t3));
    const double yy =
        2.0 * (x * x + (4.0 * x * x * y2 + 2.0 * x * t2) + (9.0 * x * x * y2 * y2 + 6.0 * x * y * t3));
    return Matrix2{{xx, xy}, {xy, yy}};
  }
  std::vector<KnownMinimum> minima() const { return {{Vector{{3.0, 0.5}}, 0.0, true}}; }
  std::vector<Vector> standard_starts() const { return {Vector{{1.0, 1.0}}}; }
  static ObjectiveDoc doc() {
    return {.name = "beale", .family = "classic 2-D",
            .summary = "Beale's function: a narrow curved valley with flat plateaus",
            .formula = R"(f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²
with tₖ = cₖ − x + xyᵏ (c = 1.5, 2.25, 2.625): ∂tₖ/∂x = yᵏ − 1, ∂tₖ/∂y = kxyᵏ⁻¹;
∇f = 2Σ tₖ∇tₖ,  ∇²f = 2Σ (∇tₖ∇tₖᵀ + tₖ∇²tₖ)
minimum: f(3, 0.5) = 0; standard start (1, 1); lecture starts (2, −2), (−3, 3))",
            .source = "E. M. L. Beale (1958); Moré, Garbow & Hillstrom (1981), problem 5"};
  }
};
using Beale = ProblemObjective<BealeProblem>;

}  // namespace descent
