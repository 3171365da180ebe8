// Trid function (Hedar 2005; Jamil & Yang 2013, no. 150):
//   f(x) = Σᵢ (xᵢ − 1)² − Σ_{i≥2} xᵢ xᵢ₋₁
//   ∇f = 2(xᵢ − 1) − xᵢ₋₁ − xᵢ₊₁,   ∇²f = tridiag(−1, 2, −1)   (positive definite)
// Global minimum xᵢ = i(n + 1 − i) (i = 1 … n), f = −n(n + 4)(n − 1)/6;
// domain [−n², n²]ⁿ; start 0. ∇²f has the eigenvalues 2 − 2cos(kπ/(n + 1)), k = 1 … n, so
//   mu = 4 sin²(π/(2(n + 1))),   L = 4 cos²(π/(2(n + 1)))
// (the second difference matrix; Strang, Linear Algebra and Its Applications, 4th ed., §1.7).
#pragma once

#include <cstdint>
#include <span>

#include "descent/core/objective.hpp"
#include "descent/objectives/objective_entry.hpp"

namespace descent {

class Trid final : public Objective {
 public:
  using Params = DimensionParams;
  explicit Trid(const Params& params) : dim_(params.dim) { validate_fields(params); }

  template <class T>
  T evaluate(std::span<const T> x) const {
    T sum = T(0.0);
    for (Index i = 0; i < dim_; ++i) {
      sum += (x[i] - 1.0) * (x[i] - 1.0);
      if (i > 0) sum -= x[i] * x[i - 1];
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
  ObjectiveConstants constants() const override;
  Box domain() const override;

 private:
  Index dim_;
};

ObjectiveEntry trid_entry();

}  // namespace descent
