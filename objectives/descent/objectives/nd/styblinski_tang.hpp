#pragma once

#include <cmath>

#include "descent/objectives/separable_problem.hpp"

namespace descent {

struct StyblinskiTangProblem : SeparableProblem<StyblinskiTangProblem> {
  using SeparableProblem::SeparableProblem;

  // 2fᵢ: the ½ multiplies the sum.
  template <class T>
  T term(Index, const T& xi) const {
    const T x2 = xi * xi;
    return x2 * x2 - 16.0 * x2 + 5.0 * xi;
  }
  template <class T>
  T evaluate(std::span<const T> x) const {
    return 0.5 * sum_of_terms(x);
  }
  double derivative(Index, double xi) const { return 2.0 * (xi * xi * xi) - 16.0 * xi + 2.5; }
  double second_derivative(Index, double xi) const { return 6.0 * (xi * xi) - 16.0; }
  std::vector<KnownMinimum> minima() const {
    const Vector x = Vector::Constant(dim_, coordinate_minimiser());
    return {{x, evaluate(std::span<const double>(x.data(), static_cast<std::size_t>(dim_))), true}};
  }
  std::vector<Vector> standard_starts() const { return {Vector::Zero(dim_)}; }
  Box domain() const { return cube(dim_, -5.0, 5.0); }

  static ObjectiveDoc doc() {
    return {.name = "styblinski_tang", .family = "n-D",
            .summary = "Styblinski–Tang: separable double wells, 2ⁿ minima, one global",
            .formula = R"(f(x) = ½ Σ (xᵢ⁴ − 16xᵢ² + 5xᵢ),  ∂f/∂xᵢ = 2xᵢ³ − 16xᵢ + 2.5,  ∇²f = diag(6xᵢ² − 16)
global minimum xᵢ = −2.9035340… (the smaller root of 4x³ − 32x + 5, by Newton's
method), f = −39.1661657…·n; 2ⁿ − 1 local minima mix in the larger root 2.746802…
start 0; domain [−5, 5]ⁿ)",
            .source = "M. A. Styblinski & T.-S. Tang, Neural Networks 3 (1990)",
            .check_params = {{{"dim", std::int64_t{1}}}, {{"dim", std::int64_t{4}}}}};
  }
 private:
  // The smaller root of 4x³ − 32x + 5 = 0 (the global minimiser of each coordinate), by
  // Newton's method from −3 to full precision.
  static double coordinate_minimiser() {
    double x = -3.0;
    for (int i = 0; i < 50; ++i) {
      const double step = (4.0 * x * x * x - 32.0 * x + 5.0) / (12.0 * x * x - 32.0);
      x -= step;
      if (std::abs(step) <= 1e-16 * std::abs(x)) break;
    }
    return x;
  }
};
using StyblinskiTang = ProblemObjective<StyblinskiTangProblem>;

}  // namespace descent
