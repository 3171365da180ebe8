// Quadratic with a prescribed spectrum:
//   f(x) = ½ xᵀ A x,   A = Q diag(λ) Qᵀ,   ∇f = A x,   ∇²f = A
// λ: explicit `eigenvalues`, or `dim` values from 1 to `kappa` spaced by `spectrum`:
//   linear      λᵢ = 1 + (κ − 1) i/(n − 1)
//   loguniform  λᵢ = κ^(i/(n − 1))            (evenly spaced in log λ)
// Q = I unless `rotate`: then a Haar-random orthogonal matrix from `rotation_seed`
// (QR of a Gaussian matrix with the signs of R's diagonal fixed; Mezzadri 2007).
// Minimum f(0) = 0; condition number max λ / min λ; standard start (1, …, 1).
// Without rotation f, ∇f and Hv cost O(n); a rotated A is dense (n ≤ 4096).
#pragma once

#include <cstdint>
#include <span>

#include "descent/core/objective.hpp"
#include "objectives/objective_entry.hpp"

namespace descent {

enum class Spectrum { kLinear, kLogUniform };

class Quadratic final : public Objective {
 public:
  struct Params {
    std::int64_t dim = 10;
    double kappa = 10.0;
    Spectrum spectrum = Spectrum::kLogUniform;
    std::vector<double> eigenvalues;
    bool rotate = false;
    std::int64_t rotation_seed = 0;

    template <class V>
    void visit(V& v) {
      static constexpr std::pair<std::string_view, Spectrum> kSpectra[] = {
          {"linear", Spectrum::kLinear}, {"loguniform", Spectrum::kLogUniform}};
      v.integer("dim", dim, Range::closed(1, 1e7), "dimension n (ignored with eigenvalues)");
      v.real("kappa", kappa, Range::at_least(1.0), "condition number κ = λmax/λmin");
      v.choice("spectrum", spectrum, kSpectra, "spacing of the eigenvalues between 1 and κ");
      v.reals("eigenvalues", eigenvalues, Range::any(), "explicit eigenvalues (overrides dim, kappa)");
      v.flag("rotate", rotate, "rotate the eigenbasis by a random orthogonal Q");
      v.integer("rotation_seed", rotation_seed, Range::non_negative(), "seed of Q");
    }
    void validate() const;
  };
  explicit Quadratic(const Params& params);

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

  Index dim() const override { return eigenvalues_.size(); }
  double value(const Vector& x) const override;
  void gradient(const Vector& x, Vector& g) const override;
  double value_gradient(const Vector& x, Vector& g) const override;
  void hessian(const Vector& x, Matrix& h) const override;
  void hessian_vector(const Vector& x, const Vector& v, Vector& hv) const override;
  std::vector<KnownMinimum> minima() const override;
  std::vector<Vector> standard_starts() const override;

  const Vector& eigenvalues() const { return eigenvalues_; }
  double condition_number() const { return eigenvalues_.maxCoeff() / eigenvalues_.minCoeff(); }

 private:
  Vector eigenvalues_;
  bool rotated_ = false;
  Matrix a_;  // dense A, only when rotated
};

ObjectiveEntry quadratic_entry();

}  // namespace descent
