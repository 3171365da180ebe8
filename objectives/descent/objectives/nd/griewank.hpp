// Griewank function (Griewank 1981):
//   f(x) = 1 + Σ xᵢ²/4000 − P,   P = Πᵢ cos(xᵢ/√i)   (i = 1 … n)
// With cᵢ = cos(xᵢ/√i), aᵢ = sin(xᵢ/√i)/√i and Eᵢ = Π_{k≠i} cₖ (prefix × suffix products,
// no division, so cᵢ = 0 is harmless):
//   ∂f/∂xᵢ = xᵢ/2000 + aᵢ Eᵢ
//   ∂²f/∂xᵢ² = 1/2000 + P/i,   ∂²f/∂xᵢ∂xⱼ = −aᵢ aⱼ Π_{k≠i,j} cₖ   (dense)
// Hv in O(n) by running sums of aⱼvⱼ times partial products from both ends.
// Global minimum f(0) = 0; domain [−600, 600]ⁿ; start (10, …, 10).
#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>
#include <span>

#include "descent/core/objective.hpp"
#include "descent/objectives/objective_entry.hpp"

namespace descent {

class Griewank final : public Objective {
 public:
  using Params = DimensionParams;
  explicit Griewank(const Params& params) : dim_(params.dim) { validate_fields(params); }

  template <class T>
  T evaluate(std::span<const T> x) const {
    using std::cos;
    using std::sqrt;
    T sum = T(0.0), product = T(1.0);
    for (Index i = 0; i < dim_; ++i) {
      sum += x[i] * x[i] / 4000.0;
      product *= cos(x[i] / std::sqrt(static_cast<double>(i + 1)));
    }
    return 1.0 + sum - product;
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

ObjectiveEntry griewank_entry();

}  // namespace descent
