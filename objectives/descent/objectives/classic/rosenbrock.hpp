#pragma once

#include "descent/objectives/problem.hpp"

namespace descent {

struct RosenbrockProblem {
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
  T evaluate(std::span<const T> q) const {
    const T u = p_.a - q[0];
    const T w = q[1] - q[0] * q[0];
    return u * u + p_.b * w * w;
  }
  void gradient(const Vector& q, Vector& g) const {
    const double x = q[0], y = q[1];
    g.resize(2);
    g[0] = -2.0 * (p_.a - x) - 4.0 * p_.b * x * (y - x * x);
    g[1] = 2.0 * p_.b * (y - x * x);
  }
  void hessian(const Vector& q, Matrix& h) const {
    const double x = q[0], y = q[1];
    h.resize(2, 2);
    h(0, 0) = 2.0 - 4.0 * p_.b * (y - x * x) + 8.0 * p_.b * x * x;
    h(0, 1) = h(1, 0) = -4.0 * p_.b * x;
    h(1, 1) = 2.0 * p_.b;
  }
  std::vector<KnownMinimum> minima() const { return {{Vector{{p_.a, p_.a * p_.a}}, 0.0, true}}; }
  std::vector<Vector> standard_starts() const { return {Vector{{-1.2, 1.0}}}; }

  Index dim() const { return 2; }
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
