// QuadraticForm: q(x) = ½ xᵀ A x with A = Q diag(λ) Qᵀ, the shared core of the quadratic
// objectives. With Q = I only λ is stored and q, Ax cost O(n); with `rotate`, Q is a
// Haar-random orthogonal matrix drawn from a seed (QR of a Gaussian matrix with the signs of
// R's diagonal fixed; Mezzadri 2007) and the dense A is stored (n ≤ kMaxDenseHessianDim).
// It has the derivatives a problem of descent/objectives/problem.hpp supplies: ∇q = Ax,
// ∇²q = A, ∇²q v = Av; the quadratic problems derive from it.
#pragma once

#include <cstdint>
#include <span>

#include "descent/core/params.hpp"
#include "descent/core/types.hpp"

namespace descent {

// The rotation Q of a quadratic form, as its objective's keys `rotate` and `rotation_seed`.
struct Rotation {
  bool rotate = false;
  std::int64_t seed = 0;

  template <class V>
  void visit(V& v) {
    v.flag("rotate", rotate, "rotate the eigenbasis by a random orthogonal Q");
    v.integer("rotation_seed", seed, Range::non_negative(), "seed of Q");
  }
};

class QuadraticForm {
 public:
  QuadraticForm(Vector eigenvalues, const Rotation& rotation);

  Index dim() const { return eigenvalues_.size(); }
  const Vector& eigenvalues() const { return eigenvalues_; }
  bool rotated() const { return rotated_; }

  double value(const Vector& x) const;      // ½ xᵀAx
  void apply(const Vector& v, Vector& out) const;  // A v
  void dense(Matrix& a) const;                    // A (callers bound the dimension)

  void gradient(const Vector& x, Vector& g) const { apply(x, g); }
  double value_gradient(const Vector& x, Vector& g) const {
    apply(x, g);
    return 0.5 * x.dot(g);
  }
  void hessian(const Vector&, Matrix& h) const { dense(h); }
  void hessian_vector(const Vector&, const Vector& v, Vector& hv) const { apply(v, hv); }

  template <class T>
  T evaluate(std::span<const T> x) const {
    T sum = T(0.0);
    if (!rotated_) {
      for (Index i = 0; i < dim(); ++i) sum += eigenvalues_[i] * x[i] * x[i];
    } else {
      for (Index i = 0; i < dim(); ++i)
        for (Index j = 0; j < dim(); ++j) sum += a_(i, j) * x[i] * x[j];
    }
    return 0.5 * sum;
  }

 private:
  Vector eigenvalues_;
  bool rotated_;
  Matrix a_;  // dense A, only when rotated
};

// The rule of a quadratic's key `rotate`: a rotated A is dense, so n ≤ kMaxDenseHessianDim
// (a ConfigError on "rotate" otherwise).
void check_rotated_dim(bool rotate, Index n);

}  // namespace descent
