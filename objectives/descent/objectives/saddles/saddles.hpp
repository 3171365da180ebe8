// Non-convex two-dimensional test functions built around a saddle point, for the
// regularized-Newton and saddle-escape studies. Each has a start on the saddle's stable
// manifold (plain gradient descent converges to the saddle) and one just off it (a method
// must escape along negative curvature).
#pragma once

#include "descent/objectives/problem.hpp"

namespace descent {

struct SaddleProblem {
  template <class T>
  T evaluate(std::span<const T> p) const {
    return p[0] * p[0] - p[1] * p[1];
  }
  void gradient(const Vector& x, Vector& g) const { g = Vector{{2.0 * x[0], -2.0 * x[1]}}; }
  void hessian(const Vector&, Matrix& h) const { h = Matrix{{2.0, 0.0}, {0.0, -2.0}}; }
  std::vector<Vector> standard_starts() const { return {Vector{{1.0, 0.0}}, Vector{{1.0, 1e-3}}}; }
  Index dim() const { return 2; }
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

struct MonkeySaddleProblem {
  template <class T>
  T evaluate(std::span<const T> p) const {
    return p[0] * p[0] * p[0] - 3.0 * p[0] * p[1] * p[1];
  }
  void gradient(const Vector& x, Vector& g) const {
    g = Vector{{3.0 * (x[0] * x[0] - x[1] * x[1]), -6.0 * x[0] * x[1]}};
  }
  void hessian(const Vector& x, Matrix& h) const {
    h = Matrix{{6.0 * x[0], -6.0 * x[1]}, {-6.0 * x[1], -6.0 * x[0]}};
  }
  std::vector<Vector> standard_starts() const { return {Vector{{1.0, 0.0}}, Vector{{1.0, 0.1}}}; }
  Index dim() const { return 2; }
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

struct DoubleWellProblem {
  template <class T>
  T evaluate(std::span<const T> p) const {
    const T well = p[0] * p[0] - 1.0;
    return well * well + p[1] * p[1];
  }
  void gradient(const Vector& x, Vector& g) const { g = Vector{{4.0 * x[0] * (x[0] * x[0] - 1.0), 2.0 * x[1]}}; }
  void hessian(const Vector& x, Matrix& h) const { h = Matrix{{12.0 * x[0] * x[0] - 4.0, 0.0}, {0.0, 2.0}}; }
  std::vector<KnownMinimum> minima() const {
    return {{Vector{{-1.0, 0.0}}, 0.0, true}, {Vector{{1.0, 0.0}}, 0.0, true}};
  }
  std::vector<Vector> standard_starts() const { return {Vector{{0.0, 1.0}}, Vector{{1e-3, 1.0}}}; }
  Index dim() const { return 2; }
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
