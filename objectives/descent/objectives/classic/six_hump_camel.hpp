#pragma once

#include "descent/objectives/planar_problem.hpp"

namespace descent {

struct SixHumpCamelProblem : PlanarProblem<SixHumpCamelProblem> {
  template <class T>
  T f(const T& x, const T& y) const {
    const T x2 = x * x;
    const T y2 = y * y;
    return (4.0 - 2.1 * x2 + x2 * x2 / 3.0) * x2 + x * y + (4.0 * y2 - 4.0) * y2;
  }
  Vector2 grad(double x, double y) const {
    const double x2 = x * x;
    return {x * (8.0 - 8.4 * x2 + 2.0 * x2 * x2) + y, x - 8.0 * y + 16.0 * y * y * y};
  }
  Matrix2 hess(double x, double y) const {
    const double x2 = x * x;
    return Matrix2{{8.0 - 25.2 * x2 + 10.0 * x2 * x2, 1.0}, {1.0, 48.0 * y * y - 8.0}};
  }
  // Roots of ∇f = 0 computed to 40 digits (mpmath), rounded; f is symmetric under (x, y) → −(x, y).
  std::vector<KnownMinimum> minima() const {
    std::vector<KnownMinimum> result;
    const struct {
      double x, y, f;
      bool global;
    } half[] = {{0.08984201310031806, -0.7126564030207396, -1.0316284534898774, true},
                {1.703606714969981, -0.7960835686726251, -0.21546382438371764, false},
                {1.6071047529201972, 0.5686514548841314, 2.1042503103112584, false}};
    for (const auto& m : half) {
      result.push_back({Vector{{m.x, m.y}}, m.f, m.global});
      result.push_back({Vector{{-m.x, -m.y}}, m.f, m.global});
    }
    return result;
  }
  std::vector<Vector> standard_starts() const { return {Vector{{-2.5, 1.5}}}; }
  Box domain() const { return {Vector{{-3.0, -2.0}}, Vector{{3.0, 2.0}}}; }
  static ObjectiveDoc doc() {
    return {.name = "six_hump_camel", .family = "classic 2-D",
            .summary = "Six-hump camel: two global and four local minima",
            .formula = R"(f(x, y) = (4 − 2.1x² + x⁴/3) x² + xy + (4y² − 4) y²
∇f = (8x − 8.4x³ + 2x⁵ + y, x − 8y + 16y³)
∇²f = [[8 − 25.2x² + 10x⁴, 1], [1, 48y² − 8]]
global minima ±(0.0898420, −0.7126564), f = −1.0316285
local minima ±(1.7036067, −0.7960836), f = −0.2154638; ±(1.6071048, 0.5686515), f = 2.1042503
start (−2.5, 1.5); domain [−3, 3] × [−2, 2])",
            .source = "L. C. W. Dixon & G. P. Szegő (1978); Jamil & Yang (2013), no. 30"};
  }
};
using SixHumpCamel = ProblemObjective<SixHumpCamelProblem>;

}  // namespace descent
