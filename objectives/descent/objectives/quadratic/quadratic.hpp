// Quadratic with a prescribed spectrum; documentation in QuadraticProblem::doc().
// Without rotation f, ∇f and Hv cost O(n); a rotated A is dense (n ≤ 4096), and the dense
// Hessian of an unrotated one is refused above the same size.
#pragma once

#include <cstdint>
#include <utility>

#include "descent/objectives/problem.hpp"
#include "descent/objectives/quadratic/quadratic_form.hpp"

namespace descent {

enum class Spectrum { kLinear, kLogUniform, kTwoCluster };

struct QuadraticProblem : QuadraticForm {
  struct Params {
    std::int64_t dim = 10;
    double kappa = 10.0;
    Spectrum spectrum = Spectrum::kLogUniform;
    std::vector<double> eigenvalues;
    Rotation rotation = {};

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
      v.group(rotation);
    }
    void validate() const;
  };
  static ObjectiveDoc doc();
  explicit QuadraticProblem(const Params& params);

  std::vector<KnownMinimum> minima() const { return {{minimiser(), 0.0, true}}; }
  std::vector<Vector> standard_starts() const { return {Vector::Ones(dim())}; }
  // L = max λ, mu = min λ, kappa = L/mu (for the spectra: κ up to rounding).
  ObjectiveConstants constants() const {
    return strongly_convex_constants(dim(), eigenvalues().maxCoeff(), eigenvalues().minCoeff());
  }

  double condition_number() const { return eigenvalues().maxCoeff() / eigenvalues().minCoeff(); }
  Vector minimiser() const { return Vector::Zero(dim()); }
};
using Quadratic = ProblemObjective<QuadraticProblem>;

// The eigenvalues `spectrum` gives for dimension n and condition number κ, ascending.
Vector spectrum_eigenvalues(Index n, double kappa, Spectrum spectrum);

}  // namespace descent
