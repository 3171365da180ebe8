#pragma once

#include <cmath>
#include <numbers>

#include "descent/objectives/problem.hpp"

namespace descent {

struct McCormickProblem {
  template <class T>
  T evaluate(std::span<const T> p) const {
    using std::sin;
    const T d = p[0] - p[1];
    return sin(p[0] + p[1]) + d * d - 1.5 * p[0] + 2.5 * p[1] + 1.0;
  }
  void gradient(const Vector& p, Vector& g) const {
    const double c = std::cos(p[0] + p[1]), d = p[0] - p[1];
    g.resize(2);
    g[0] = c + 2.0 * d - 1.5;
    g[1] = c - 2.0 * d + 2.5;
  }
  void hessian(const Vector& p, Matrix& h) const {
    const double s = std::sin(p[0] + p[1]);
    h.resize(2, 2);
    h(0, 0) = h(1, 1) = 2.0 - s;
    h(0, 1) = h(1, 0) = -2.0 - s;
  }
  std::vector<KnownMinimum> minima() const {
    const double third_pi = std::numbers::pi / 3.0;
    return {{Vector{{0.5 - third_pi, -0.5 - third_pi}}, -std::numbers::sqrt3 / 2.0 - third_pi, true}};
  }
  std::vector<Vector> standard_starts() const { return {Vector{{3.0, 3.0}}}; }
  Box domain() const { return {Vector{{-1.5, -3.0}}, Vector{{4.0, 4.0}}}; }
  Index dim() const { return 2; }
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
