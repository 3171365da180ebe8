#pragma once

#include "descent/objectives/separable_problem.hpp"

namespace descent {

struct SphereProblem : SeparableProblem<SphereProblem> {
  using SeparableProblem::SeparableProblem;

  template <class T>
  T term(Index, const T& xi) const {
    return xi * xi;
  }
  double derivative(Index, double xi) const { return 2.0 * xi; }
  double second_derivative(Index, double) const { return 2.0; }
  // Eigen's vectorised sum, faster than the sum of terms from left to right.
  double value(const Vector& x) const { return x.squaredNorm(); }
  std::vector<KnownMinimum> minima() const { return {{Vector::Zero(dim_), 0.0, true}}; }
  std::vector<Vector> standard_starts() const { return {Vector::Ones(dim_)}; }
  Box domain() const { return cube(dim_, -5.12, 5.12); }
  // ∇²f = 2I: L = mu = 2, kappa = 1.
  ObjectiveConstants constants() const { return strongly_convex_constants(dim_, 2.0, 2.0); }

  static ObjectiveDoc doc() {
    return {.name = "sphere", .family = "n-D",
            .summary = "Sphere Σ xᵢ²: the perfectly conditioned quadratic",
            .formula = R"(f(x) = Σ xᵢ²,  ∇f = 2x,  ∇²f = 2I
minimum f(0) = 0; start (1, …, 1); domain [−5.12, 5.12]ⁿ)",
            .source = "K. A. De Jong (1975), function F1; Jamil & Yang (2013), no. 137",
            .check_params = {{{"dim", std::int64_t{1}}}, {{"dim", std::int64_t{3}}}}};
  }
};
using Sphere = ProblemObjective<SphereProblem>;

}  // namespace descent
