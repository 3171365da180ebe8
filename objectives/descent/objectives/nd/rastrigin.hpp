// Rastrigin function (Rastrigin 1974; Mühlenbein et al. 1991):
//   f(x) = 10n + Σ (xᵢ² − 10 cos 2πxᵢ)
//   ∂f/∂xᵢ = 2xᵢ + 20π sin 2πxᵢ,   ∇²f = diag(2 + 40π² cos 2πxᵢ)
// Global minimum f(0) = 0 among a lattice of local minima near the integers;
// domain [−5.12, 5.12]ⁿ; start (2.5, …, 2.5).
#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>
#include <span>

#include "descent/core/objective.hpp"
#include "descent/objectives/objective_entry.hpp"

namespace descent {

class Rastrigin final : public Objective {
 public:
  using Params = DimensionParams;
  explicit Rastrigin(const Params& params) : dim_(params.dim) { validate_fields(params); }

  template <class T>
  T evaluate(std::span<const T> x) const {
    using std::cos;
    T sum = T(10.0 * static_cast<double>(dim_));
    for (Index i = 0; i < dim_; ++i) sum += x[i] * x[i] - 10.0 * cos(2.0 * std::numbers::pi * x[i]);
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

ObjectiveEntry rastrigin_entry();

}  // namespace descent
