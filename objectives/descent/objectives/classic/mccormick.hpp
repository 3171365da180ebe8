#pragma once

#include <cmath>
#include <numbers>

#include "descent/objectives/planar_problem.hpp"

namespace descent {

struct McCormickProblem : PlanarProblem<McCormickProblem> {
  template <class T>
  T f(const T& x, const T& y) const {
    using std::sin;
    const T d = x - y;
    return sin(x + y) + d * d - 1.5 * x + 2.5 * y + 1.0;
  }
  Vector2 grad(double x, double y) const {
    const double c = std::cos(x + y), d = x - y;
    return {c + 2.0 * d - 1.5, c - 2.0 * d + 2.5};
  }
  Matrix2 hess(double x, double y) const {
    const double s = std::sin(x + y);
    return Matrix2{{2.0 - s, -2.0 - s}, {-2.0 - s, 2.0 - s}};
  }
  std::vector<KnownMinimum> minima() const {
    const double third_pi = std::numbers::pi / 3.0;
    return {{Vector{{0.5 - third_pi, -0.5 - third_pi}}, -std::numbers::sqrt3 / 2.0 - third_pi, true}};
  }
  std::vector<Vector> standard_starts() const { return {Vector{{3.0, 3.0}}}; }
  Box domain() const { return {Vector{{-1.5, -3.0}}, Vector{{4.0, 4.0}}}; }
  static ObjectiveDoc doc() {
    return {.name = "mccormick", .family = "classic 2-D",
            .summary = "McCormick's function: a tilted sinusoidal valley (bounded below on its domain only)",
            .formula = R"(f(x, y) = sin(x + y) + (x − y)² − 1.5x + 2.5y + 1
∇f = (cos(x + y) + 2(x − y) − 1.5, cos(x + y) − 2(x − y) + 2.5)
∇²f = −sin(x + y) [[1, 1], [1, 1]] + [[2, −2], [−2, 2]]
stationary points on x − y = 1, cos(x + y) = −½; unbounded below on R²
(f = sin s + s/2 along the valley), so the minimum is the one on the domain:
minimum on [−1.5, 4] × [−3, 4]: f(½ − π/3, −½ − π/3) = −√3/2 − π/3 ≈ −1.913223
start (3, 3))",
            .source = "G. P. McCormick (1976); Jamil & Yang (2013), A literature survey of benchmark "
                      "functions, no. 80"};
  }
};
using McCormick = ProblemObjective<McCormickProblem>;

}  // namespace descent
