#pragma once

#include <cmath>

#include "descent/objectives/problem.hpp"

namespace descent {

struct ThreeHumpCamelProblem {
  template <class T>
  T evaluate(std::span<const T> p) const {
    const T& x = p[0];
    const T& y = p[1];
    const T x2 = x * x;
    return 2.0 * x2 - 1.05 * x2 * x2 + x2 * x2 * x2 / 6.0 + x * y + y * y;
  }
  void gradient(const Vector& p, Vector& g) const {
    const double x = p[0], y = p[1], x2 = x * x;
    g.resize(2);
    g[0] = x * (4.0 - 4.2 * x2 + x2 * x2) + y;
    g[1] = x + 2.0 * y;
  }
  void hessian(const Vector& p, Matrix& h) const {
    const double x2 = p[0] * p[0];
    h.resize(2, 2);
    h(0, 0) = 4.0 - 12.6 * x2 + 5.0 * x2 * x2;
    h(0, 1) = h(1, 0) = 1.0;
    h(1, 1) = 2.0;
  }
  // On y = −x/2 the stationarity condition is x (3.5 − 4.2x² + x⁴) = 0; the larger root of
  // the quadratic in x² gives the two local minima, the smaller one the saddles.
  std::vector<KnownMinimum> minima() const {
    const double a = std::sqrt((4.2 + std::sqrt(3.64)) / 2.0);
    std::vector<KnownMinimum> result{{Vector::Zero(2), 0.0, true}};
    for (double sign : {1.0, -1.0}) {
      const Vector x{{sign * a, -sign * a / 2.0}};
      result.push_back({x, evaluate(std::span<const double>(x.data(), 2)), false});
    }
    return result;
  }
  std::vector<Vector> standard_starts() const { return {Vector{{-4.0, 3.0}}}; }
  Box domain() const { return {Vector::Constant(2, -5.0), Vector::Constant(2, 5.0)}; }
  Index dim() const { return 2; }
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
