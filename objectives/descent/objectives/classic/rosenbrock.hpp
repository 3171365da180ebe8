#pragma once

#include "descent/objectives/planar_problem.hpp"

namespace descent {

struct RosenbrockProblem : PlanarProblem<RosenbrockProblem> {
  struct Params {
    double a = 1.0;
    double b = 100.0;
    template <class V>
    void visit(V& v) {
      v.real("a", a, Range::any(), "position of the minimum (a, a²)");
      v.real("b", b, Range::positive(), "weight of the curved valley term");
    }
  };
  explicit RosenbrockProblem(const Params& params) : p_(params) {}

  template <class T>
  T f(const T& x, const T& y) const {
    const T u = p_.a - x;
    const T w = y - x * x;
    return u * u + p_.b * w * w;
  }
  Vector2 grad(double x, double y) const {
    return {-2.0 * (p_.a - x) - 4.0 * p_.b * x * (y - x * x), 2.0 * p_.b * (y - x * x)};
  }
  Matrix2 hess(double x, double y) const {
    const double xy = -4.0 * p_.b * x;
    return Matrix2{{2.0 - 4.0 * p_.b * (y - x * x) + 8.0 * p_.b * x * x, xy}, {xy, 2.0 * p_.b}};
  }
  std::vector<KnownMinimum> minima() const { return {{Vector{{p_.a, p_.a * p_.a}}, 0.0, true}}; }
  std::vector<Vector> standard_starts() const { return {Vector{{-1.2, 1.0}}}; }
  static ObjectiveDoc doc() {
    return {.name = "rosenbrock", .family = "classic 2-D",
            .summary = "Rosenbrock's banana valley in two dimensions",
            .formula = R"(f(x, y) = (a − x)² + b (y − x²)²
∇f = (−2(a − x) − 4bx(y − x²), 2b(y − x²))
∇²f = [[2 − 4b(y − x²) + 8bx², −4bx], [−4bx, 2b]]
minimum: f(a, a²) = 0; standard start (−1.2, 1))",
            .source = "H. H. Rosenbrock (1960); Moré, Garbow & Hillstrom (1981), problem 1"};
  }
 private:
  Params p_;
};
using Rosenbrock = ProblemObjective<RosenbrockProblem>;

}  // namespace descent
