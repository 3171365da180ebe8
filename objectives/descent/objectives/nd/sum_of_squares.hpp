// Sum of squares (axis-parallel hyper-ellipsoid; Jamil & Yang 2013, no. 138):
//   f(x) = Σᵢ i xᵢ²  (i = 1 … n),   ∇f = (2i xᵢ),   ∇²f = diag(2i)   (κ = n)
// Global minimum f(0) = 0; domain [−10, 10]ⁿ; start (1, …, 1). Constants L = 2n, mu = 2, kappa = n.
#pragma once

#include <cstdint>
#include <span>

#include "descent/core/objective.hpp"
#include "descent/objectives/objective_entry.hpp"

namespace descent {

class SumOfSquares final : public Objective {
 public:
  using Params = DimensionParams;
  explicit SumOfSquares(const Params& params) : dim_(params.dim) { validate_fields(params); }

  template <class T>
  T evaluate(std::span<const T> x) const {
    T sum = T(0.0);
    for (Index i = 0; i < dim_; ++i) sum += static_cast<double>(i + 1) * x[i] * x[i];
    return sum;
  }

  Index dim() const override { return dim_; }
  double value(const Vector& x) const override;
  void gradient(const Vector& x, Vector& g) const override;
  void hessian(const Vector& x, Matrix& h) const override;
  void hessian_vector(const Vector& x, const Vector& v, Vector& hv) const override;
  std::vector<KnownMinimum> minima() const override;
  std::vector<Vector> standard_starts() const override;
  ObjectiveConstants constants() const override;
  Box domain() const override;

 private:
  Index dim_;
};

ObjectiveEntry sum_of_squares_entry();

}  // namespace descent
