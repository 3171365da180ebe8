// Non-convex two-dimensional test functions built around a saddle point, for the
// regularized-Newton and saddle-escape studies. Each has a start on the saddle's stable
// manifold (plain gradient descent converges to the saddle) and one just off it (a method
// must escape along negative curvature).
#pragma once

#include "descent/objectives/planar_problem.hpp"

namespace descent {

struct SaddleProblem : PlanarProblem<SaddleProblem> {
  template <class T>
  T f(const T& x, const T& y) const {
    return x * x - y * y;
  }
  Vector2 grad(double x, double y) const { return {2.0 * x, -2.0 * y}; }
  Matrix2 hess(double, double) const { return Matrix2{{2.0, 0.0}, {0.0, -2.0}}; }
  std::vector<Vector> standard_starts() const { return {Vector{{1.0, 0.0}}, Vector{{1.0, 1e-3}}}; }
  static ObjectiveDoc doc() {
    return {.name = "saddle", .family = "saddles",
            .summary = "x² − y²: the plain saddle, unbounded below",
            .formula = R"(f(x, y) = x² − y²,  ∇f = (2x, −2y),  ∇²f = diag(2, −2)
saddle point (0, 0); no minimum; starts (1, 0) on the stable manifold,
(1, 10⁻³) just off it)",
            .source = "Nocedal & Wright, Numerical Optimization (2006), §2.1; Dauphin et al. (2014)"};
  }
};
using Saddle = ProblemObjective<SaddleProblem>;

struct MonkeySaddleProblem : PlanarProblem<MonkeySaddleProblem> {
  template <class T>
  T f(const T& x, const T& y) const {
    return x * x * x - 3.0 * x * y * y;
  }
  Vector2 grad(double x, double y) const { return {3.0 * (x * x - y * y), -6.0 * x * y}; }
  Matrix2 hess(double x, double y) const { return Matrix2{{6.0 * x, -6.0 * y}, {-6.0 * y, -6.0 * x}}; }
  std::vector<Vector> standard_starts() const { return {Vector{{1.0, 0.0}}, Vector{{1.0, 0.1}}}; }
  static ObjectiveDoc doc() {
    return {.name = "monkey_saddle", .family = "saddles",
            .summary = "x³ − 3xy²: a degenerate saddle with zero Hessian and three valleys",
            .formula = R"(f(x, y) = x³ − 3xy²,  ∇f = (3x² − 3y², −6xy),  ∇²f = [[6x, −6y], [−6y, −6x]]
degenerate saddle (0, 0) with ∇²f = 0; no minimum; starts (1, 0), (1, 0.1))",
            .source = "a classical degenerate critical point (e.g. do Carmo, Differential Geometry of "
                      "Curves and Surfaces, §3.3)"};
  }
};
using MonkeySaddle = ProblemObjective<MonkeySaddleProblem>;

struct DoubleWellProblem : PlanarProblem<DoubleWellProblem> {
  template <class T>
  T f(const T& x, const T& y) const {
    const T well = x * x - 1.0;
    return well * well + y * y;
  }
  Vector2 grad(double x, double y) const { return {4.0 * x * (x * x - 1.0), 2.0 * y}; }
  Matrix2 hess(double x, double) const { return Matrix2{{12.0 * x * x - 4.0, 0.0}, {0.0, 2.0}}; }
  std::vector<KnownMinimum> minima() const {
    return {{Vector{{-1.0, 0.0}}, 0.0, true}, {Vector{{1.0, 0.0}}, 0.0, true}};
  }
  std::vector<Vector> standard_starts() const { return {Vector{{0.0, 1.0}}, Vector{{1e-3, 1.0}}}; }
  static ObjectiveDoc doc() {
    return {.name = "double_well", .family = "saddles",
            .summary = "(x² − 1)² + y²: two minima joined through a saddle",
            .formula = R"(f(x, y) = (x² − 1)² + y²,  ∇f = (4x(x² − 1), 2y),  ∇²f = diag(12x² − 4, 2)
minima f(±1, 0) = 0; saddle (0, 0) with f = 1, ∇²f = diag(−4, 2)
starts (0, 1) on the saddle's stable manifold, (10⁻³, 1) just off it)",
            .source = "the quartic double-well potential; Nocedal & Wright (2006), §4 (negative "
                      "curvature)"};
  }
};
using DoubleWell = ProblemObjective<DoubleWellProblem>;

}  // namespace descent
