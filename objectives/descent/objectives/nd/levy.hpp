// Levy function (Levy & Montalvo 1985; Laguna & Martí 2005):
//   wᵢ = 1 + (xᵢ − 1)/4,
//   f(x) = sin²(πw₁) + Σ_{i<n} (wᵢ − 1)² [1 + 10 sin²(πwᵢ + 1)] + (wₙ − 1)² [1 + sin²(2πwₙ)]
// Every term depends on one wᵢ, so ∇²f is diagonal: ∂/∂xᵢ = ¼ d/dwᵢ, ∂²/∂xᵢ² = (1/16) d²/dwᵢ².
// Global minimum f(1, …, 1) = 0; domain [−10, 10]ⁿ; start (−5, …, −5).
#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>
#include <span>

#include "descent/core/objective.hpp"
#include "descent/objectives/objective_entry.hpp"

namespace descent {

class Levy final : public Objective {
 public:
  using Params = DimensionParams;
  explicit Levy(const Params& params) : dim_(params.dim) { validate_fields(params); }

  template <class T>
  T evaluate(std::span<const T> x) const {
    using std::sin;
    const double pi = std::numbers::pi;
    auto w = [&](Index i) { return 1.0 + (x[i] - 1.0) / 4.0; };
    const T s0 = sin(pi * w(0));
    T sum = s0 * s0;
    for (Index i = 0; i + 1 < dim_; ++i) {
      const T u = w(i) - 1.0, s = sin(pi * w(i) + 1.0);
      sum += u * u * (1.0 + 10.0 * s * s);
    }
    const T u = w(dim_ - 1) - 1.0, s = sin(2.0 * pi * w(dim_ - 1));
    return sum + u * u * (1.0 + s * s);
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

ObjectiveEntry levy_entry();

}  // namespace descent
