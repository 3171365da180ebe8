// Matyas' function (Matyas 1965; Jamil & Yang 2013, no. 71):
//   f(x, y) = 0.26 (x² + y²) − 0.48 xy
//   ∇f = (0.52x − 0.48y, 0.52y − 0.48x),   ∇²f = [[0.52, −0.48], [−0.48, 0.52]]
// Eigenvalues 0.04 (along x = y) and 1 (κ = 25): the constants mu and L. Global minimum f(0, 0) = 0; domain [−10, 10]².
#pragma once

#include <span>

#include "descent/core/objective.hpp"
#include "descent/objectives/objective_entry.hpp"

namespace descent {

class Matyas final : public Objective {
 public:
  using Params = NoParams;
  explicit Matyas(const Params& = {}) {}

  template <class T>
  T evaluate(std::span<const T> p) const {
    return 0.26 * (p[0] * p[0] + p[1] * p[1]) - 0.48 * p[0] * p[1];
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

ObjectiveEntry matyas_entry();

}  // namespace descent
