// Three-hump camel function (Branin 1972; Jamil & Yang 2013, no. 29):
//   f(x, y) = 2x² − 1.05x⁴ + x⁶/6 + xy + y²
//   ∇f = (4x − 4.2x³ + x⁵ + y, x + 2y),   ∇²f = [[4 − 12.6x² + 5x⁴, 1], [1, 2]]
// Global minimum f(0, 0) = 0; two local minima ±(a, −a/2), a² = (4.2 + √3.64)/2
// (f = 0.298638…), separated from the origin by two saddles. Domain [−5, 5]².
#pragma once

#include <span>

#include "descent/core/objective.hpp"
#include "descent/objectives/objective_entry.hpp"

namespace descent {

class ThreeHumpCamel final : public Objective {
 public:
  using Params = NoParams;
  explicit ThreeHumpCamel(const Params& = {}) {}

  template <class T>
  T evaluate(std::span<const T> p) const {
    const T& x = p[0];
    const T& y = p[1];
    const T x2 = x * x;
    return 2.0 * x2 - 1.05 * x2 * x2 + x2 * x2 * x2 / 6.0 + x * y + y * y;
  }

  Index dim() const override { return 2; }
  double value(const Vector& x) const override;
  void gradient(const Vector& x, Vector& g) const override;
  void hessian(const Vector& x, Matrix& h) const override;
  std::vector<KnownMinimum> minima() const override;
  std::vector<Vector> standard_starts() const override;
  Box domain() const override;
};

ObjectiveEntry three_hump_camel_entry();

}  // namespace descent
