// Booth's function (Booth 1949; Jamil & Yang 2013, no. 22):
//   f(x, y) = (x + 2y − 7)² + (2x + y − 5)²
//   ∇f = (10x + 8y − 34, 8x + 10y − 38),   ∇²f = [[10, 8], [8, 10]]   (κ = 9)
// Global minimum f(1, 3) = 0; domain [−10, 10]². Constants L = 18, mu = 2 (eigenvalues of ∇²f).
#pragma once

#include <span>

#include "descent/core/objective.hpp"
#include "descent/objectives/objective_entry.hpp"

namespace descent {

class Booth final : public Objective {
 public:
  using Params = NoParams;
  explicit Booth(const Params& = {}) {}

  template <class T>
  T evaluate(std::span<const T> p) const {
    const T a = p[0] + 2.0 * p[1] - 7.0;
    const T b = 2.0 * p[0] + p[1] - 5.0;
    return a * a + b * b;
  }

  Index dim() const override { return 2; }
  double value(const Vector& x) const override;
  void gradient(const Vector& x, Vector& g) const override;
  void hessian(const Vector& x, Matrix& h) const override;
  std::vector<KnownMinimum> minima() const override;
  std::vector<Vector> standard_starts() const override;
  ObjectiveConstants constants() const override;
  Box domain() const override;
};

ObjectiveEntry booth_entry();

}  // namespace descent
