#pragma once

#include "descent/objectives/planar_problem.hpp"

namespace descent {

struct MatyasProblem : PlanarProblem<MatyasProblem> {
  template <class T>
  T f(const T& x, const T& y) const {
    return 0.26 * (x * x + y * y) - 0.48 * x * y;
  }
  Vector2 grad(double x, double y) const { return {0.52 * x - 0.48 * y, 0.52 * y - 0.48 * x}; }
  Matrix2 hess(double, double) const { return Matrix2{{0.52, -0.48}, {-0.48, 0.52}}; }
  std::vector<KnownMinimum> minima() const { return {{Vector::Zero(2), 0.0, true}}; }
  std::vector<Vector> standard_starts() const { return {Vector{{10.0, 8.0}}}; }
  Box domain() const { return cube(2, -10.0, 10.0); }
  // ∇²f = [[0.52, −0.48], [−0.48, 0.52]]: eigenvalues 0.52 ± 0.48.
  ObjectiveConstants constants() const {
    return strongly_convex_constants(2, 0.52 + 0.48, 0.52 - 0.48);
  }
  static ObjectiveDoc doc() {
    return {.name = "matyas", .family = "classic 2-D",
            .summary = "Matyas' function: a flat convex quadratic valley along x = y (κ = 25)",
            .formula = R"(f(x, y) = 0.26 (x² + y²) − 0.48 xy
∇f = (0.52x − 0.48y, 0.52y − 0.48x),  ∇²f = [[0.52, −0.48], [−0.48, 0.52]]
(eigenvalues 0.04 along x = y and 1)
minimum: f(0, 0) = 0; start (10, 8); domain [−10, 10]²)",
            .source = "A. Matyas (1965); Jamil & Yang (2013), A literature survey of benchmark "
                      "functions, no. 71"};
  }
};
using Matyas = ProblemObjective<MatyasProblem>;

}  // namespace descent
