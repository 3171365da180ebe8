// Six-hump camel function (Dixon & Szegő 1978; Jamil & Yang 2013, no. 30):
//   f(x, y) = (4 − 2.1x² + x⁴/3) x² + xy + (4y² − 4) y²
//   ∇f = (8x − 8.4x³ + 2x⁵ + y, x − 8y + 16y³)
//   ∇²f = [[8 − 25.2x² + 10x⁴, 1], [1, 48y² − 8]]
// Two global minima ±(0.0898420, −0.7126564), f = −1.0316285, and four local minima
// (listed to full precision). Domain [−3, 3] × [−2, 2].
#pragma once

#include <span>

#include "descent/core/objective.hpp"
#include "descent/objectives/objective_entry.hpp"

namespace descent {

class SixHumpCamel final : public Objective {
 public:
  using Params = NoParams;
  explicit SixHumpCamel(const Params& = {}) {}

  template <class T>
  T evaluate(std::span<const T> p) const {
    const T& x = p[0];
    const T& y = p[1];
    const T x2 = x * x;
    const T y2 = y * y;
    return (4.0 - 2.1 * x2 + x2 * x2 / 3.0) * x2 + x * y + (4.0 * y2 - 4.0) * y2;
  }

  Index dim() const override { return 2; }
  double value(const Vector& x) const override;
  void gradient(const Vector& x, Vector& g) const override;
  void hessian(const Vector& x, Matrix& h) const override;
  std::vector<KnownMinimum> minima() const override;
  std::vector<Vector> standard_starts() const override;
  Box domain() const override;
};

ObjectiveEntry six_hump_camel_entry();

}  // namespace descent
