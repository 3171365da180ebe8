// Dixon–Price function (Dixon & Price 1989; Jamil & Yang 2013, no. 48):
//   f(x) = (x₁ − 1)² + Σ_{i=2}^n i (2xᵢ² − xᵢ₋₁)²
// With wᵢ = 2xᵢ² − xᵢ₋₁ (1-based):
//   ∂f/∂xₖ = [k = 1] 2(x₁ − 1) + [k ≥ 2] 8k wₖ xₖ − [k < n] 2(k + 1) wₖ₊₁
//   ∂²f/∂xₖ² = [k = 1] 2 + [k ≥ 2] 2k(16xₖ² + 4wₖ) + [k < n] 2(k + 1)
//   ∂²f/∂xₖ∂xₖ₊₁ = −8(k + 1) xₖ₊₁   (tridiagonal)
// Global minimum f = 0 at xᵢ = 2^(−(2ⁱ − 2)/2ⁱ) (and its sign flips of xᵢ, i ≥ 2);
// domain [−10, 10]ⁿ; start (1, …, 1).
#pragma once

#include <cstdint>
#include <span>

#include "descent/core/objective.hpp"
#include "descent/objectives/objective_entry.hpp"

namespace descent {

class DixonPrice final : public Objective {
 public:
  using Params = DimensionParams;
  explicit DixonPrice(const Params& params) : dim_(params.dim) { validate_fields(params); }

  template <class T>
  T evaluate(std::span<const T> x) const {
    T sum = (x[0] - 1.0) * (x[0] - 1.0);
    for (Index i = 1; i < dim_; ++i) {
      const T w = 2.0 * x[i] * x[i] - x[i - 1];
      sum += static_cast<double>(i + 1) * w * w;
    }
    return sum;
  }

  Index dim() const override { return dim_; }
  double value(const Vector& x) const override;
  void gradient(const Vector& x, Vector& g) const override;
  void hessian(const Vector& x, Matrix& h) const override;
  void hessian_vector(const Vector& x, const Vector& v, Vector& hv) const override;
  std::vector<KnownMinimum> minima() const override;
  std::vector<Vector> standard_starts() const override;
  Box domain() const override;

 private:
  Index dim_;
};

ObjectiveEntry dixon_price_entry();

}  // namespace descent
