// Quadratic with a prescribed spectrum:
//   f(x) = ½ xᵀ A x,   A = Q diag(λ) Qᵀ,   ∇f = A x,   ∇²f = A
// λ: explicit `eigenvalues`, or `dim` values spaced by `spectrum` with condition number κ:
//   linear       λᵢ = 1 + (κ − 1) i/(n − 1)
//   loguniform   λᵢ = κ^(i/(n − 1))            (evenly spaced in log λ)
//   two_cluster  90% of the eigenvalues evenly in [60/κ, 1], 10% (at least one) evenly in
//                [30, 60]; κ ≥ 60. The clustered spectrum on which conjugate gradients
//                converge in few steps (Nocedal & Wright 2006, §5.1).
// Q = I unless `rotate` (a Haar-random orthogonal Q from `rotation_seed`, see QuadraticForm).
// Minimum f(0) = 0; condition number max λ / min λ; standard start (1, …, 1).
// Constants: L = max λ, mu = min λ, kappa = L/mu (for the spectra: κ up to rounding).
// Without rotation f, ∇f and Hv cost O(n); a rotated A is dense (n ≤ 4096), and the dense
// Hessian of an unrotated one is refused above the same size.
#pragma once

#include <cstdint>
#include <span>

#include "descent/core/objective.hpp"
#include "descent/objectives/objective_entry.hpp"
#include "descent/objectives/quadratic/quadratic_form.hpp"

namespace descent {

enum class Spectrum { kLinear, kLogUniform, kTwoCluster };

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
          {"linear", Spectrum::kLinear},
          {"loguniform", Spectrum::kLogUniform},
          {"two_cluster", Spectrum::kTwoCluster}};
      v.integer("dim", dim, Range::closed(1, 1e7), "dimension n (ignored with eigenvalues)");
      v.real("kappa", kappa, Range::at_least(1.0), "condition number κ = λmax/λmin");
      v.choice("spectrum", spectrum, kSpectra, "spacing of the eigenvalues (see formula)");
      v.reals("eigenvalues", eigenvalues, Range::any(), "explicit eigenvalues (overrides dim, kappa)");
      v.flag("rotate", rotate, "rotate the eigenbasis by a random orthogonal Q");
      v.integer("rotation_seed", rotation_seed, Range::non_negative(), "seed of Q");
    }
    void validate() const;
  };
  explicit Quadratic(const Params& params);

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
  std::vector<KnownMinimum> minima() const override;
  std::vector<Vector> standard_starts() const override;
  ObjectiveConstants constants() const override;

  const Vector& eigenvalues() const { return form_.eigenvalues(); }
  double condition_number() const { return eigenvalues().maxCoeff() / eigenvalues().minCoeff(); }
  Vector minimiser() const { return Vector::Zero(dim()); }

 private:
  QuadraticForm form_;
};

// The eigenvalues `spectrum` gives for dimension n and condition number κ, ascending.
Vector spectrum_eigenvalues(Index n, double kappa, Spectrum spectrum);

ObjectiveEntry quadratic_entry();

}  // namespace descent
