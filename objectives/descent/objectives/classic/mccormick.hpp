// McCormick's function (McCormick 1976; Jamil & Yang 2013, no. 80):
//   f(x, y) = sin(x + y) + (x − y)² − 1.5x + 2.5y + 1
//   ∇f = (cos(x + y) + 2(x − y) − 1.5, cos(x + y) − 2(x − y) + 2.5)
//   ∇²f = −sin(x + y) [[1, 1], [1, 1]] + [[2, −2], [−2, 2]]
// Stationary points: x − y = 1 and cos(x + y) = −½; on the domain [−1.5, 4] × [−3, 4] the
// minimum is x + y = −2π/3: (½ − π/3, −½ − π/3), f = −√3/2 − π/3. Unbounded below on R²
// (the minima along x − y = 1 fall as x + y → −∞), so the domain is part of the problem.
#pragma once

#include <span>

#include "descent/core/objective.hpp"
#include "descent/objectives/objective_entry.hpp"

namespace descent {

class McCormick final : public Objective {
 public:
  using Params = NoParams;
  explicit McCormick(const Params& = {}) {}

  template <class T>
  T evaluate(std::span<const T> p) const {
    using std::sin;
    const T d = p[0] - p[1];
    return sin(p[0] + p[1]) + d * d - 1.5 * p[0] + 2.5 * p[1] + 1.0;
  }

  Index dim() const override { return 2; }
  double value(const Vector& x) const override;
  void gradient(const Vector& x, Vector& g) const override;
  void hessian(const Vector& x, Matrix& h) const override;
  std::vector<KnownMinimum> minima() const override;
  std::vector<Vector> standard_starts() const override;
  Box domain() const override;
};

ObjectiveEntry mccormick_entry();

}  // namespace descent
