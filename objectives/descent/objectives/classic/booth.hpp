#pragma once

#include "descent/objectives/planar_problem.hpp"

namespace descent {

struct BoothProblem : PlanarProblem<BoothProblem> {
  template <class T>
  T f(const T& x, const T& y) const {
    const T a = x + 2.0 * y - 7.0;
    const T b = 2.0 * x + y - 5.0;
    return a * a + b * b;
  }
  Vector2 grad(double x, double y) const { return {10.0 * x + 8.0 * y - 34.0, 8.0 * x + 10.0 * y - 38.0}; }
  Matrix2 hess(double, double) const { return Matrix2{{10.0, 8.0}, {8.0, 10.0}}; }
  std::vector<KnownMinimum> minima() const { return {{Vector{{1.0, 3.0}}, 0.0, true}}; }
  std::vector<Vector> standard_starts() const { return {Vector{{-5.0, 5.0}}}; }
  Box domain() const { return cube(2, -10.0, 10.0); }
  // ∇²f = [[10, 8], [8, 10]]: eigenvalues 10 ± 8.
  ObjectiveConstants constants() const { return strongly_convex_constants(2, 18.0, 2.0); }
  static ObjectiveDoc doc() {
    return {.name = "booth", .family = "classic 2-D",
            .summary = "Booth's function: a convex quadratic with condition number 9",
            .formula = R"(f(x, y) = (x + 2y − 7)² + (2x + y − 5)²
∇f = (10x + 8y − 34, 8x + 10y − 38),  ∇²f = [[10, 8], [8, 10]] (κ = 9)
minimum: f(1, 3) = 0; start (−5, 5); domain [−10, 10]²)",
            .source = "A. D. Booth (1949); Jamil & Yang (2013), A literature survey of benchmark "
                      "functions, no. 22"};
  }
};
using Booth = ProblemObjective<BoothProblem>;

}  // namespace descent
