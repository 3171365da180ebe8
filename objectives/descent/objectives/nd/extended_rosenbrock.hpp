// Extended Rosenbrock function, paired form (Moré, Garbow & Hillstrom 1981, problem 21):
//   f(x) = Σ_{i<n/2} [100 (x₂ᵢ₊₁ − x₂ᵢ²)² + (1 − x₂ᵢ)²],   n even
// n/2 independent copies of the 2-D banana. Per pair (u, w) = (x₂ᵢ, x₂ᵢ₊₁):
//   ∂f/∂u = −400u(w − u²) − 2(1 − u),   ∂f/∂w = 200(w − u²)
//   ∇²f block = [[1200u² − 400w + 2, −400u], [−400u, 200]]   (block diagonal)
// Minimum f(1, …, 1) = 0; standard start (−1.2, 1, −1.2, 1, …). f, ∇f and Hv cost O(n);
// the dense Hessian is refused above kMaxDenseHessianDim.
#pragma once

#include <cstdint>
#include <span>

#include "descent/core/objective.hpp"
#include "descent/objectives/objective_entry.hpp"

namespace descent {

class ExtendedRosenbrock final : public Objective {
 public:
  struct Params {
    std::int64_t dim = 10;
    template <class V>
    void visit(V& v) {
      v.integer("dim", dim, Range::closed(2, 1e7), "dimension n (even)");
    }
    void validate() const;
  };
  explicit ExtendedRosenbrock(const Params& params);

  template <class T>
  T evaluate(std::span<const T> x) const {
    T sum = T(0.0);
    for (Index i = 0; i + 1 < dim_; i += 2) {
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

ObjectiveEntry extended_rosenbrock_entry();

}  // namespace descent
