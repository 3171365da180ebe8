#pragma once

#include <cstdint>

#include "descent/objectives/nd/rosenbrock_terms.hpp"
#include "descent/objectives/problem.hpp"

namespace descent {

struct ChainedRosenbrockProblem : DimensionProblem<DimensionParams<10, 2>> {
  using DimensionProblem::DimensionProblem;

  template <class T>
  T evaluate(std::span<const T> x) const {
    return rosenbrock_terms(x, 1);
  }
  // Term i couples xᵢ and xᵢ₊₁: it adds to gᵢ and gᵢ₊₁. The running `carry` holds the
  // contribution of term i − 1 to gᵢ so each coordinate is written once.
  double value_gradient(const Vector& x, Vector& g) const {
    g.resize(dim_);
    const double* p = x.data();
    double* out = g.data();
    double sum = 0.0, carry = 0.0;
    for (Index i = 0; i + 1 < dim_; ++i) {
      const double u = p[i], valley = p[i + 1] - u * u, offset = 1.0 - u;
      sum += 100.0 * valley * valley + offset * offset;
      out[i] = carry - 400.0 * u * valley - 2.0 * offset;
      carry = 200.0 * valley;
    }
    out[dim_ - 1] = carry;
    return sum;
  }
  void hessian(const Vector& x, Matrix& h) const {
    h.setZero(dim_, dim_);
    for (Index i = 0; i + 1 < dim_; ++i) {
      h(i, i) += 1200.0 * x[i] * x[i] - 400.0 * x[i + 1] + 2.0;
      h(i, i + 1) = h(i + 1, i) = -400.0 * x[i];
      h(i + 1, i + 1) += 200.0;
    }
  }
  void hessian_vector(const Vector& x, const Vector& v, Vector& hv) const {
    hv.resize(dim_);
    const double* p = x.data();
    const double* d = v.data();
    double* out = hv.data();
    double carry = 0.0;  // (∇²f v)ᵢ from term i − 1
    for (Index i = 0; i + 1 < dim_; ++i) {
      const double u = p[i], cross = -400.0 * u;
      out[i] = carry + (1200.0 * u * u - 400.0 * p[i + 1] + 2.0) * d[i] + cross * d[i + 1];
      carry = cross * d[i] + 200.0 * d[i + 1];
    }
    out[dim_ - 1] = carry;
  }
  std::vector<KnownMinimum> minima() const { return {{Vector::Ones(dim_), 0.0, true}}; }
  std::vector<Vector> standard_starts() const {
    Vector start(dim_);
    for (Index i = 0; i < dim_; ++i) start[i] = i % 2 == 0 ? -1.2 : 1.0;
    return {start};
  }

  static ObjectiveDoc doc() {
    return {.name = "chained_rosenbrock", .family = "n-D",
            .summary = "Chained Rosenbrock: consecutive coordinates coupled, tridiagonal Hessian",
            .formula = R"(f(x) = Σ_{i<n−1} [100 (xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)²]
∂f/∂xᵢ = −400xᵢ(xᵢ₊₁ − xᵢ²) − 2(1 − xᵢ) [i < n−1] + 200(xᵢ − xᵢ₋₁²) [i > 0]
∇²f tridiagonal: diagonal 1200xᵢ² − 400xᵢ₊₁ + 2 (i < n−1) + 200 (i > 0),
off-diagonal −400xᵢ
global minimum f(1, …, 1) = 0 (for 4 ≤ n ≤ 7 also a local minimum near x₀ = −1,
not listed); start (−1.2, 1, −1.2, 1, …); O(n) f, ∇f and Hv)",
            .source = "Nocedal & Wright, Numerical Optimization (2006), eq. (9.31); Dixon & Mills (1994)",
            .check_params = {{{"dim", std::int64_t{2}}}, {{"dim", std::int64_t{5}}}}};
  }
};
using ChainedRosenbrock = ProblemObjective<ChainedRosenbrockProblem>;

}  // namespace descent
