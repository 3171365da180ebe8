#pragma once

#include <cmath>
#include <numbers>

#include "descent/objectives/planar_problem.hpp"

namespace descent {

struct BraninProblem : PlanarProblem<BraninProblem> {
  static constexpr double kA = 1.0;
  static constexpr double kB = 5.1 / (4.0 * std::numbers::pi * std::numbers::pi);
  static constexpr double kC = 5.0 / std::numbers::pi;
  static constexpr double kR = 6.0;
  static constexpr double kS = 10.0;
  static constexpr double kT = 1.0 / (8.0 * std::numbers::pi);

  template <class T>
  T f(const T& x, const T& y) const {
    using std::cos;
    const T u = y - kB * x * x + kC * x - kR;
    return kA * u * u + kS * (1.0 - kT) * cos(x) + kS;
  }
  Vector2 grad(double x, double y) const {
    const double u = y - kB * x * x + kC * x - kR, du = kC - 2.0 * kB * x;
    return {2.0 * kA * u * du - kS * (1.0 - kT) * std::sin(x), 2.0 * kA * u};
  }
  Matrix2 hess(double x, double y) const {
    const double u = y - kB * x * x + kC * x - kR, du = kC - 2.0 * kB * x;
    const double xx = 2.0 * kA * du * du - 4.0 * kA * kB * u - kS * (1.0 - kT) * std::cos(x);
    return Matrix2{{xx, 2.0 * kA * du}, {2.0 * kA * du, 2.0 * kA}};
  }
  // At x = kπ (k odd) the valley floor u = 0 gives y = bx² − cx + r.
  std::vector<KnownMinimum> minima() const {
    std::vector<KnownMinimum> result;
    for (double k : {-1.0, 1.0, 3.0}) {
      const double x = k * std::numbers::pi;
      result.push_back({Vector{{x, kB * x * x - kC * x + kR}}, kS * kT, true});
    }
    return result;
  }
  std::vector<Vector> standard_starts() const { return {Vector{{2.5, 14.0}}}; }
  Box domain() const { return {Vector{{-5.0, 0.0}}, Vector{{10.0, 15.0}}}; }
  static ObjectiveDoc doc() {
    return {.name = "branin", .family = "classic 2-D",
            .summary = "Branin's function: three global minima in a curved valley",
            .formula = R"(f(x, y) = a u² + s(1 − t) cos x + s,  u = y − bx² + cx − r
a = 1, b = 5.1/(4π²), c = 5/π, r = 6, s = 10, t = 1/(8π)
∇f = (2au(c − 2bx) − s(1 − t) sin x, 2au)
∇²f = [[2a(c − 2bx)² − 4abu − s(1 − t) cos x, 2a(c − 2bx)], [2a(c − 2bx), 2a]]
global minima where u = 0 and cos x = −1, f = st = 5/(4π) ≈ 0.397887:
(−π, 12.275), (π, 2.275), (3π, 2.475); start (2.5, 14); domain [−5, 10] × [0, 15])",
            .source = "F. H. Branin (1972); L. C. W. Dixon & G. P. Szegő, Towards Global Optimisation 2 "
                      "(1978)"};
  }
};
using Branin = ProblemObjective<BraninProblem>;

}  // namespace descent
