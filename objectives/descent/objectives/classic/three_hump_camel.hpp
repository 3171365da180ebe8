#pragma once

#include <cmath>

#include "descent/objectives/planar_problem.hpp"

namespace descent {

struct ThreeHumpCamelProblem : PlanarProblem<ThreeHumpCamelProblem> {
  template <class T>
  T f(const T& x, const T& y) const {
    const T x2 = x * x;
    return 2.0 * x2 - 1.05 * x2 * x2 + x2 * x2 * x2 / 6.0 + x * y + y * y;
  }
  Vector2 grad(double x, double y) const {
    const double x2 = x * x;
    return {x * (4.0 - 4.2 * x2 + x2 * x2) + y, x + 2.0 * y};
  }
  Matrix2 hess(double x, double) const {
    const double x2 = x * x;
    return Matrix2{{4.0 - 12.6 * x2 + 5.0 * x2 * x2, 1.0}, {1.0, 2.0}};
  }
  // On y = −x/2 the stationarity condition is x (3.5 − 4.2x² + x⁴) = 0; the larger root of
  // the quadratic in x² gives the two local minima, the smaller one the saddles.
  std::vector<KnownMinimum> minima() const {
    const double a = std::sqrt((4.2 + std::sqrt(3.64)) / 2.0);
    std::vector<KnownMinimum> result{{Vector::Zero(2), 0.0, true}};
    for (double sign : {1.0, -1.0}) {
      const Vector x{{sign * a, -sign * a / 2.0}};
      result.push_back({x, f(x[0], x[1]), false});
    }
    return result;
  }
  std::vector<Vector> standard_starts() const { return {Vector{{-4.0, 3.0}}}; }
  Box domain() const { return cube(2, -5.0, 5.0); }
  static ObjectiveDoc doc() {
    return {.name = "three_hump_camel", .family = "classic 2-D",
            .summary = "Three-hump camel: a global minimum and two local ones",
            .formula = R"(f(x, y) = 2x² − 1.05x⁴ + x⁶/6 + xy + y²
∇f = (4x − 4.2x³ + x⁵ + y, x + 2y),  ∇²f = [[4 − 12.6x² + 5x⁴, 1], [1, 2]]
global minimum f(0, 0) = 0; local minima ±(a, −a/2), a² = (4.2 + √3.64)/2,
f = 0.298638, separated from the origin by two saddles
start (−4, 3); domain [−5, 5]²)",
            .source = "F. H. Branin (1972); Jamil & Yang (2013), A literature survey of benchmark "
                      "functions, no. 29"};
  }
};
using ThreeHumpCamel = ProblemObjective<ThreeHumpCamelProblem>;

}  // namespace descent
