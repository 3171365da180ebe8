// Extended Powell singular function (Moré, Garbow & Hillstrom 1981, problem 22; with
// n = 4 it is problem 13, Powell 1962). For each block (a, b, c, d) = x₄ᵢ … x₄ᵢ₊₃:
//   f = Σ [(a + 10b)² + 5(c − d)² + (b − 2c)⁴ + 10(a − d)⁴]
//   ∇: (2(a + 10b) + 40(a − d)³,  20(a + 10b) + 4(b − 2c)³,
//       10(c − d) − 8(b − 2c)³,  −10(c − d) − 40(a − d)³)
//   ∇² per block, p = (b − 2c)², q = (a − d)²:
//     [[2 + 120q, 20, 0, −120q], [20, 200 + 12p, −24p, 0],
//      [0, −24p, 10 + 48p, −10], [−120q, 0, −10, 10 + 120q]]
// Minimum f(0) = 0 where the Hessian is singular (rank 2 per block), so Newton converges
// only linearly. Standard start (3, −1, 0, 1, …). n a multiple of 4; O(n) f, ∇f, Hv.
#pragma once

#include <cstdint>
#include <span>

#include "descent/core/objective.hpp"
#include "descent/objectives/objective_entry.hpp"

namespace descent {

class ExtendedPowell final : public Objective {
 public:
  struct Params {
    std::int64_t dim = 4;
    template <class V>
    void visit(V& v) {
      v.integer("dim", dim, Range::closed(4, 1e7), "dimension n (a multiple of 4)");
    }
    void validate() const;
  };
  explicit ExtendedPowell(const Params& params);

  template <class T>
  T evaluate(std::span<const T> x) const {
    T sum = T(0.0);
    for (Index i = 0; i + 3 < dim_; i += 4) {
      const T s = x[i] + 10.0 * x[i + 1];
      const T t = x[i + 2] - x[i + 3];
      const T p = x[i + 1] - 2.0 * x[i + 2];
      const T q = x[i] - x[i + 3];
      sum += s * s + 5.0 * t * t + p * p * p * p + 10.0 * q * q * q * q;
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
  Box domain() const override;

 private:
  Index dim_;
};

ObjectiveEntry extended_powell_entry();

}  // namespace descent
