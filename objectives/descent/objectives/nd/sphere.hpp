// Sphere function (De Jong 1975; Jamil & Yang 2013, no. 137):
//   f(x) = Σ xᵢ²,   ∇f = 2x,   ∇²f = 2I
// Global minimum f(0) = 0; domain [−5.12, 5.12]ⁿ; start (1, …, 1). Constants L = mu = 2, kappa = 1.
#pragma once

#include <cstdint>
#include <span>

#include "descent/core/objective.hpp"
#include "descent/objectives/objective_entry.hpp"

namespace descent {

class Sphere final : public Objective {
 public:
  using Params = DimensionParams;
  explicit Sphere(const Params& params) : dim_(params.dim) { validate_fields(params); }

  template <class T>
  T evaluate(std::span<const T> x) const {
    T sum = T(0.0);
    for (Index i = 0; i < dim_; ++i) sum += x[i] * x[i];
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

ObjectiveEntry sphere_entry();

}  // namespace descent
