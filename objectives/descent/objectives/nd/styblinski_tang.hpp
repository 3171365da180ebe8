#pragma once

#include <cmath>

#include "descent/objectives/problem.hpp"

namespace descent {

struct StyblinskiTangProblem : DimensionProblem {
  using DimensionProblem::DimensionProblem;

  template <class T>
  T evaluate(std::span<const T> x) const {
    T sum = T(0.0);
    for (Index i = 0; i < dim_; ++i) {
      const T x2 = x[i] * x[i];
      sum += x2 * x2 - 16.0 * x2 + 5.0 * x[i];
    }
    return 0.5 * sum;
  }
  void gradient(const Vector& x, Vector& g) const {
    g = (2.0 * x.array().cube() - 16.0 * x.array() + 2.5).matrix();
  }
  void hessian(const Vector& x, Matrix& h) const {
    h = (6.0 * x.array().square() - 16.0).matrix().asDiagonal();
  }
  void hessian_vector(const Vector& x, const Vector& v, Vector& hv) const {
    hv = ((6.0 * x.array().square() - 16.0) * v.array()).matrix();
  }
  std::vector<KnownMinimum> minima() const {
    const Vector x = Vector::Constant(dim_, coordinate_minimiser());
    return {{x, evaluate(std::span<const double>(x.data(), static_cast<std::size_t>(dim_))), true}};
  }
  std::vector<Vector> standard_starts() const { return {Vector::Zero(dim_)}; }
  Box domain() const { return {Vector::Constant(dim_, -5.0), Vector::Constant(dim_, 5.0)}; }

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
