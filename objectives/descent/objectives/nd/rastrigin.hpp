#pragma once

#include <cmath>
#include <numbers>

#include "descent/objectives/separable_problem.hpp"

namespace descent {

struct RastriginProblem : SeparableProblem<RastriginProblem> {
  using SeparableProblem::SeparableProblem;

  // fᵢ without its share of the constant 10n, which starts the sum.
  template <class T>
  T term(Index, const T& xi) const {
    using std::cos;
    return xi * xi - 10.0 * cos(kTwoPi * xi);
  }
  template <class T>
  T evaluate(std::span<const T> x) const {
    return sum_of_terms(x, T(10.0 * static_cast<double>(dim_)));
  }
  double derivative(Index, double xi) const { return 2.0 * xi + 10.0 * kTwoPi * std::sin(kTwoPi * xi); }
  double second_derivative(Index, double xi) const {
    return 2.0 + 10.0 * kTwoPi * kTwoPi * std::cos(kTwoPi * xi);
  }
  std::vector<KnownMinimum> minima() const { return {{Vector::Zero(dim_), 0.0, true}}; }
  std::vector<Vector> standard_starts() const { return {Vector::Constant(dim_, 2.5)}; }
  Box domain() const { return cube(dim_, -5.12, 5.12); }

  static ObjectiveDoc doc() {
    return {.name = "rastrigin", .family = "n-D",
            .summary = "Rastrigin: a parabola covered in cosine ripples, ~10ⁿ local minima",
            .formula = R"(f(x) = 10n + Σ (xᵢ² − 10 cos 2πxᵢ)
∇f = 2x + 20π sin 2πx,  ∇²f = diag(2 + 40π² cos 2πxᵢ)
global minimum f(0) = 0 among a lattice of local minima near the integers;
start (2.5, …, 2.5); domain [−5.12, 5.12]ⁿ)",
            .source = "L. A. Rastrigin (1974); H. Mühlenbein, D. Schomisch & J. Born (1991)",
            .check_params = {{{"dim", std::int64_t{1}}}, {{"dim", std::int64_t{4}}}}};
  }
 private:
  static constexpr double kTwoPi = 2.0 * std::numbers::pi;
};
using Rastrigin = ProblemObjective<RastriginProblem>;

}  // namespace descent
