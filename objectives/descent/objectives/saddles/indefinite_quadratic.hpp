// Indefinite quadratic with a prescribed number of negative eigenvalues; documentation in
// IndefiniteQuadraticProblem::doc(). O(n) f, ∇f, Hv without rotation.
#pragma once

#include <cstdint>

#include "descent/objectives/problem.hpp"
#include "descent/objectives/quadratic/quadratic_form.hpp"

namespace descent {

struct IndefiniteQuadraticProblem : QuadraticForm {
  struct Params {
    std::int64_t dim = 10;
    std::int64_t negative = 1;
    double kappa = 10.0;
    Rotation rotation = {};

    template <class V>
    void visit(V& v) {
      v.integer("dim", dim, Range::closed(2, 1e7), "dimension n");
      v.integer("negative", negative, Range::at_least(1), "number of negative eigenvalues (< dim)");
      v.real("kappa", kappa, Range::at_least(1.0), "ratio of the largest to the smallest |λ|");
      v.group(rotation);
    }
    void validate() const;
  };
  static ObjectiveDoc doc();
  explicit IndefiniteQuadraticProblem(const Params& params);

  std::vector<Vector> standard_starts() const { return {Vector::Ones(dim())}; }
  // L = max |λ| = κ; no mu or kappa (∇²f is indefinite).
  ObjectiveConstants constants() const {
    return lipschitz_constants(dim(), eigenvalues().cwiseAbs().maxCoeff());
  }
};
using IndefiniteQuadratic = ProblemObjective<IndefiniteQuadraticProblem>;

}  // namespace descent
