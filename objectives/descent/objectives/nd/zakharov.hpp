// Zakharov function (Jamil & Yang 2013, no. 172):
//   f(x) = Σ xᵢ² + S² + S⁴,   S = Σᵢ cᵢ xᵢ,  cᵢ = i/2  (i = 1 … n)
//   ∇f = 2x + (2S + 4S³) c,   ∇²f = 2I + (2 + 12S²) c cᵀ   (dense, rank-one update)
//   ∇²f v = 2v + (2 + 12S²)(cᵀv) c   in O(n)
// Global minimum f(0) = 0; domain [−5, 10]ⁿ; start (1, …, 1).
#pragma once

#include <cstdint>
#include <span>

#include "descent/core/objective.hpp"
#include "descent/objectives/objective_entry.hpp"

namespace descent {

class Zakharov final : public Objective {
 public:
  using Params = DimensionParams;
  explicit Zakharov(const Params& params) : dim_(params.dim) { validate_fields(params); }

  template <class T>
  T evaluate(std::span<const T> x) const {
    T sum = T(0.0), s = T(0.0);
    for (Index i = 0; i < dim_; ++i) {
      sum += x[i] * x[i];
      s += 0.5 * static_cast<double>(i + 1) * x[i];
    }
    const T s2 = s * s;
    return sum + s2 + s2 * s2;
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

ObjectiveEntry zakharov_entry();

}  // namespace descent
