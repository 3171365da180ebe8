#pragma once

#include "descent/objectives/separable_problem.hpp"

namespace descent {

struct SumOfSquaresProblem : SeparableProblem<SumOfSquaresProblem> {
  using SeparableProblem::SeparableProblem;

  template <class T>
  T term(Index i, const T& xi) const {
    return static_cast<double>(i + 1) * xi * xi;
  }
  double derivative(Index i, double xi) const { return 2.0 * static_cast<double>(i + 1) * xi; }
  double second_derivative(Index i, double) const { return 2.0 * static_cast<double>(i + 1); }
  std::vector<KnownMinimum> minima() const { return {{Vector::Zero(dim_), 0.0, true}}; }
  std::vector<Vector> standard_starts() const { return {Vector::Ones(dim_)}; }
  Box domain() const { return cube(dim_, -10.0, 10.0); }
  // ∇²f = diag(2i): L = 2n, mu = 2, kappa = n.
  ObjectiveConstants constants() const {
    return strongly_convex_constants(dim_, 2.0 * static_cast<double>(dim_), 2.0);
  }

  static ObjectiveDoc doc() {
    return {.name = "sum_of_squares", .family = "n-D",
            .summary = "Σ i xᵢ²: an axis-aligned ellipsoid with condition number n",
            .formula = R"(f(x) = Σᵢ i xᵢ² (i = 1 … n),  ∇f = (2i xᵢ),  ∇²f = diag(2i)  (κ = n)
minimum f(0) = 0; start (1, …, 1); domain [−10, 10]ⁿ)",
            .source = "Jamil & Yang (2013), A literature survey of benchmark functions, no. 138",
            .check_params = {{{"dim", std::int64_t{1}}}, {{"dim", std::int64_t{4}}}}};
  }
};
using SumOfSquares = ProblemObjective<SumOfSquaresProblem>;

}  // namespace descent
