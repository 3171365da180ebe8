// Goldstein–Price function (Goldstein & Price 1971):
//   f(x, y) = A(x, y) · B(x, y),
//   A = 1 + a² p,   a = x + y + 1,   p = 19 − 14x + 3x² − 14y + 6xy + 3y²
//   B = 30 + b² q,  b = 2x − 3y,     q = 18 − 32x + 12x² + 48y − 36xy + 27y²
// Product rule: ∇f = B∇A + A∇B, ∇²f = B∇²A + A∇²B + ∇A∇Bᵀ + ∇B∇Aᵀ, with
//   ∇A = 2ap∇a + a²∇p,   ∇²A = 2p∇a∇aᵀ + 2a(∇a∇pᵀ + ∇p∇aᵀ) + a²∇²p   (likewise B)
// Global minimum f(0, −1) = 3; local minima f(−0.6, −0.4) = 30, f(1.8, 0.2) = 84,
// f(1.2, 0.8) = 840 (each where a or b vanishes). Domain [−2, 2]².
#pragma once

#include <span>

#include "descent/core/objective.hpp"
#include "descent/objectives/objective_entry.hpp"

namespace descent {

class GoldsteinPrice final : public Objective {
 public:
  using Params = NoParams;
  explicit GoldsteinPrice(const Params& = {}) {}

  template <class T>
  T evaluate(std::span<const T> z) const {
    const T& x = z[0];
    const T& y = z[1];
    const T a = x + y + 1.0;
    const T p = 19.0 - 14.0 * x + 3.0 * x * x - 14.0 * y + 6.0 * x * y + 3.0 * y * y;
    const T b = 2.0 * x - 3.0 * y;
    const T q = 18.0 - 32.0 * x + 12.0 * x * x + 48.0 * y - 36.0 * x * y + 27.0 * y * y;
    return (1.0 + a * a * p) * (30.0 + b * b * q);
  }

  Index dim() const override { return 2; }
  double value(const Vector& x) const override;
  void gradient(const Vector& x, Vector& g) const override;
  void hessian(const Vector& x, Matrix& h) const override;
  std::vector<KnownMinimum> minima() const override;
  std::vector<Vector> standard_starts() const override;
};

ObjectiveEntry goldstein_price_entry();

}  // namespace descent
