#pragma once

#include "descent/objectives/planar_problem.hpp"

namespace descent {

struct HimmelblauProblem : PlanarProblem<HimmelblauProblem> {
  template <class T>
  T f(const T& x, const T& y) const {
    const T a = x * x + y - 11.0;
    const T b = x + y * y - 7.0;
    return a * a + b * b;
  }
  Vector2 grad(double x, double y) const {
    const double a = x * x + y - 11.0, b = x + y * y - 7.0;
    return {4.0 * x * a + 2.0 * b, 2.0 * a + 4.0 * y * b};
  }
  Matrix2 hess(double x, double y) const {
    const double xy = 4.0 * (x + y);
    return Matrix2{{12.0 * x * x + 4.0 * y - 42.0, xy}, {xy, 4.0 * x + 12.0 * y * y - 26.0}};
  }
  // The irrational minima are the roots of ∇f = 0 computed to 40 digits (mpmath), rounded.
  std::vector<KnownMinimum> minima() const {
    return {{Vector{{3.0, 2.0}}, 0.0, true},
            {Vector{{-2.805118086952745, 3.131312518250573}}, 0.0, true},
            {Vector{{-3.779310253377747, -3.2831859912861696}}, 0.0, true},
            {Vector{{3.5844283403304917, -1.8481265269644036}}, 0.0, true}};
  }
  std::vector<Vector> standard_starts() const { return {Vector{{0.0, 0.0}}}; }
  Box domain() const { return cube(2, -5.0, 5.0); }
  static ObjectiveDoc doc() {
    return {.name = "himmelblau", .family = "classic 2-D",
            .summary = "Himmelblau's function: four global minima around a local maximum",
            .formula = R"(f(x, y) = a² + b²,  a = x² + y − 11,  b = x + y² − 7
∇f = (4xa + 2b, 2a + 4yb)
∇²f = [[12x² + 4y − 42, 4(x + y)], [4(x + y), 4x + 12y² − 26]]
minima f = 0 at (3, 2), (−2.805118, 3.131313), (−3.779310, −3.283186),
(3.584428, −1.848127); a local maximum near (−0.2708, −0.9230)
start (0, 0); domain [−5, 5]²)",
            .source = "D. M. Himmelblau, Applied Nonlinear Programming (1972)"};
  }
};
using Himmelblau = ProblemObjective<HimmelblauProblem>;

}  // namespace descent
