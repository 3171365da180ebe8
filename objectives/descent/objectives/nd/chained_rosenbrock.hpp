// Chained Rosenbrock function (Nocedal & Wright 2006, eq. 9.31; Dixon & Mills 1994):
//   f(x) = Σ_{i<n−1} [100 (xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)²]
// Consecutive coordinates are coupled, so ∇²f is tridiagonal:
//   ∂f/∂xᵢ = −400xᵢ(xᵢ₊₁ − xᵢ²) − 2(1 − xᵢ)  [i < n−1]  + 200(xᵢ − xᵢ₋₁²)  [i > 0]
//   ∂²f/∂xᵢ² = 1200xᵢ² − 400xᵢ₊₁ + 2  [i < n−1]  + 200  [i > 0],   ∂²f/∂xᵢ∂xᵢ₊₁ = −400xᵢ
// Global minimum f(1, …, 1) = 0 (for 4 ≤ n ≤ 7 there is also a local minimum near
// x₀ = −1). Start (−1.2, 1, −1.2, 1, …) as for the paired form. O(n) f, ∇f and Hv.
#pragma once

#include <cstdint>
#include <span>

#include "descent/core/objective.hpp"
#include "descent/objectives/objective_entry.hpp"

namespace descent {

class ChainedRosenbrock final : public Objective {
 public:
  struct Params {
    std::int64_t dim = 10;
    template <class V>
    void visit(V& v) {
      v.integer("dim", dim, Range::closed(2, 1e7), "dimension n");
    }
  };
  explicit ChainedRosenbrock(const Params& params);

  template <class T>
  T evaluate(std::span<const T> x) const {
    T sum = T(0.0);
    for (Index i = 0; i + 1 < dim_; ++i) {
      const T valley = x[i + 1] - x[i] * x[i];
      const T offset = 1.0 - x[i];
      sum += 100.0 * valley * valley + offset * offset;
    }
    return sum;
  }

  Index dim() const override { return dim_; }
  double value(const Vector& x) const override;
  void gradient(const Vector& x, Vector& g) const override;
  double value_gradient(const Vector& x, Vector& g) const override;
  void hessian(const Vector& x, Matrix& h) const override;
  void hessian_vector(const Vector& x, const Vector& v, Vector& hv) const override;
  std::vector<KnownMinimum> minima() const override;
  std::vector<Vector> standard_starts() const override;

 private:
  Index dim_;
};

ObjectiveEntry chained_rosenbrock_entry();

}  // namespace descent
