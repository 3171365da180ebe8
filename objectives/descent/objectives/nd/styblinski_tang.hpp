// Styblinski–Tang function (Styblinski & Tang 1990):
//   f(x) = ½ Σ (xᵢ⁴ − 16xᵢ² + 5xᵢ),   ∂f/∂xᵢ = 2xᵢ³ − 16xᵢ + 2.5,   ∇²f = diag(6xᵢ² − 16)
// Separable with two minima per coordinate: the global minimum has every xᵢ = −2.903534…
// (the smaller root of 4x³ − 32x + 5 = 0), f = −39.16616570…·n; 2ⁿ − 1 local minima mix
// in the other root x = 2.746802…. Domain [−5, 5]ⁿ; start 0.
#pragma once

#include <cstdint>
#include <span>

#include "descent/core/objective.hpp"
#include "descent/objectives/objective_entry.hpp"

namespace descent {

class StyblinskiTang final : public Objective {
 public:
  using Params = DimensionParams;
  explicit StyblinskiTang(const Params& params) : dim_(params.dim) { validate_fields(params); }

  template <class T>
  T evaluate(std::span<const T> x) const {
    T sum = T(0.0);
    for (Index i = 0; i < dim_; ++i) {
      const T x2 = x[i] * x[i];
      sum += x2 * x2 - 16.0 * x2 + 5.0 * x[i];
    }
    return 0.5 * sum;
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

ObjectiveEntry styblinski_tang_entry();

}  // namespace descent
