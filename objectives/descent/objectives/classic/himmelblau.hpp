// Himmelblau's function (Himmelblau 1972, Applied Nonlinear Programming, §2):
//   f(x, y) = (x² + y − 11)² + (x + y² − 7)²
//   ∇f = (4x a + 2b, 2a + 4y b),   a = x² + y − 11,  b = x + y² − 7
//   ∇²f = [[12x² + 4y − 42, 4(x + y)], [4(x + y), 4x + 12y² − 26]]
// Four global minima with f = 0: (3, 2) and three irrational ones (listed to full
// precision); a local maximum near (−0.2708, −0.9230). Domain [−5, 5]².
#pragma once

#include <span>

#include "descent/core/objective.hpp"
#include "descent/objectives/objective_entry.hpp"

namespace descent {

class Himmelblau final : public Objective {
 public:
  using Params = NoParams;
  explicit Himmelblau(const Params& = {}) {}

  template <class T>
  T evaluate(std::span<const T> p) const {
    const T a = p[0] * p[0] + p[1] - 11.0;
    const T b = p[0] + p[1] * p[1] - 7.0;
    return a * a + b * b;
  }

  Index dim() const override { return 2; }
  double value(const Vector& x) const override;
  void gradient(const Vector& x, Vector& g) const override;
  void hessian(const Vector& x, Matrix& h) const override;
  std::vector<KnownMinimum> minima() const override;
  std::vector<Vector> standard_starts() const override;
  Box domain() const override;
};

ObjectiveEntry himmelblau_entry();

}  // namespace descent
