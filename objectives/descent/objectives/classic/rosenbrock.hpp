// Rosenbrock's function in two dimensions (Rosenbrock 1960; Moré, Garbow & Hillstrom 1981,
// problem 1):
//   f(x, y) = (a − x)² + b (y − x²)²,   a = 1, b = 100 by default
// Global minimum f(a, a²) = 0; standard start (−1.2, 1).
#pragma once

#include <span>

#include "descent/core/objective.hpp"
#include "descent/objectives/objective_entry.hpp"

namespace descent {

struct RosenbrockParams {
  double a = 1.0;
  double b = 100.0;
  template <class V>
  void visit(V& v) {
    v.real("a", a, Range::any(), "position of the minimum (a, a²)");
    v.real("b", b, Range::positive(), "weight of the curved valley term");
  }
};

class Rosenbrock final : public Objective {
 public:
  using Params = RosenbrockParams;
  explicit Rosenbrock(const Params& params = {}) : p_(params) {}

  template <class T>
  T evaluate(std::span<const T> q) const {
    const T u = p_.a - q[0];
    const T w = q[1] - q[0] * q[0];
    return u * u + p_.b * w * w;
  }

  Index dim() const override { return 2; }
  double value(const Vector& x) const override;
  void gradient(const Vector& x, Vector& g) const override;
  void hessian(const Vector& x, Matrix& h) const override;
  std::vector<KnownMinimum> minima() const override;
  std::vector<Vector> standard_starts() const override;

 private:
  Params p_;
};

ObjectiveEntry rosenbrock_entry();

}  // namespace descent
