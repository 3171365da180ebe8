#pragma once

#include <cmath>
#include <numbers>

#include "descent/objectives/problem.hpp"

namespace descent {

struct RastriginProblem : DimensionProblem {
  using DimensionProblem::DimensionProblem;

  template <class T>
  T evaluate(std::span<const T> x) const {
    using std::cos;
    T sum = T(10.0 * static_cast<double>(dim_));
    for (Index i = 0; i < dim_; ++i) sum += x[i] * x[i] - 10.0 * cos(2.0 * std::numbers::pi * x[i]);
    return sum;
  }
  void gradient(const Vector& x, Vector& g) const {
    g = (2.0 * x.array() + 10.0 * kTwoPi * (kTwoPi * x.array()).sin()).matrix();
  }
  void hessian(const Vector& x, Matrix& h) const {
    h = (2.0 + 10.0 * kTwoPi * kTwoPi * (kTwoPi * x.array()).cos()).matrix().asDiagonal();
  }
  void hessian_vector(const Vector& x, const Vector& v, Vector& hv) const {
    hv = ((2.0 + 10.0 * kTwoPi * kTwoPi * (kTwoPi * x.array()).cos()) * v.array()).matrix();
  }
  std::vector<KnownMinimum> minima() const { return {{Vector::Zero(dim_), 0.0, true}}; }
  std::vector<Vector> standard_starts() const { return {Vector::Constant(dim_, 2.5)}; }
  Box domain() const { return {Vector::Constant(dim_, -5.12), Vector::Constant(dim_, 5.12)}; }

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
