// Indefinite quadratic with a prescribed number of negative eigenvalues:
//   f(x) = ½ xᵀ A x,   A = Q diag(λ) Qᵀ,   ∇f = A x,   ∇²f = A
// |λ| spaced log-uniformly from 1 to κ (ascending), the first `negative` of them negated:
//   λ = (−1, −κ^(1/(n−1)), …, +…, +κ)  with `negative` minus signs.
// The origin is the only stationary point, a saddle of index `negative`; f is unbounded
// below along the negative eigenvectors, so there is no minimum. Q = I or Haar-random from
// `rotation_seed` (see QuadraticForm). Start (1, …, 1). O(n) f, ∇f, Hv without rotation.
// Constants: L = max |λ| = κ; no mu or kappa (∇²f is indefinite).
#pragma once

#include <cstdint>
#include <span>

#include "descent/core/objective.hpp"
#include "descent/objectives/objective_entry.hpp"
#include "descent/objectives/quadratic/quadratic_form.hpp"

namespace descent {

class IndefiniteQuadratic final : public Objective {
 public:
  struct Params {
    std::int64_t dim = 10;
    std::int64_t negative = 1;
    double kappa = 10.0;
    bool rotate = false;
    std::int64_t rotation_seed = 0;

    template <class V>
    void visit(V& v) {
      v.integer("dim", dim, Range::closed(2, 1e7), "dimension n");
      v.integer("negative", negative, Range::at_least(1), "number of negative eigenvalues (< dim)");
      v.real("kappa", kappa, Range::at_least(1.0), "ratio of the largest to the smallest |λ|");
      v.flag("rotate", rotate, "rotate the eigenbasis by a random orthogonal Q");
      v.integer("rotation_seed", rotation_seed, Range::non_negative(), "seed of Q");
    }
    void validate() const;
  };
  explicit IndefiniteQuadratic(const Params& params);

  template <class T>
  T evaluate(std::span<const T> x) const {
    return form_.evaluate(x);
  }

  Index dim() const override { return form_.dim(); }
  double value(const Vector& x) const override;
  void gradient(const Vector& x, Vector& g) const override;
  double value_gradient(const Vector& x, Vector& g) const override;
  void hessian(const Vector& x, Matrix& h) const override;
  void hessian_vector(const Vector& x, const Vector& v, Vector& hv) const override;
  std::vector<Vector> standard_starts() const override;
  ObjectiveConstants constants() const override;

  const Vector& eigenvalues() const { return form_.eigenvalues(); }

 private:
  QuadraticForm form_;
};

ObjectiveEntry indefinite_quadratic_entry();

}  // namespace descent
