#pragma once

#include <cmath>
#include <numbers>

#include "descent/objectives/problem.hpp"

namespace descent {

struct TridProblem : DimensionProblem<> {
  using DimensionProblem::DimensionProblem;

  template <class T>
  T evaluate(std::span<const T> x) const {
    T sum = T(0.0);
    for (Index i = 0; i < dim_; ++i) {
      sum += (x[i] - 1.0) * (x[i] - 1.0);
      if (i > 0) sum -= x[i] * x[i - 1];
    }
    return sum;
  }
  void gradient(const Vector& x, Vector& g) const {
    g.resize(dim_);
    for (Index i = 0; i < dim_; ++i) {
      g[i] = 2.0 * (x[i] - 1.0);
      if (i > 0) g[i] -= x[i - 1];
      if (i + 1 < dim_) g[i] -= x[i + 1];
    }
  }
  void hessian(const Vector&, Matrix& h) const {
    h.setZero(dim_, dim_);
    for (Index i = 0; i < dim_; ++i) {
      h(i, i) = 2.0;
      if (i + 1 < dim_) h(i, i + 1) = h(i + 1, i) = -1.0;
    }
  }
  void hessian_vector(const Vector&, const Vector& v, Vector& hv) const {
    hv.resize(dim_);
    for (Index i = 0; i < dim_; ++i) {
      hv[i] = 2.0 * v[i];
      if (i > 0) hv[i] -= v[i - 1];
      if (i + 1 < dim_) hv[i] -= v[i + 1];
    }
  }
  std::vector<KnownMinimum> minima() const {
    const double n = static_cast<double>(dim_);
    Vector x(dim_);
    for (Index i = 0; i < dim_; ++i) {
      const double k = static_cast<double>(i + 1);
      x[i] = k * (n + 1.0 - k);
    }
    return {{x, -n * (n + 4.0) * (n - 1.0) / 6.0, true}};
  }
  std::vector<Vector> standard_starts() const { return {Vector::Zero(dim_)}; }
  Box domain() const {
    const double n2 = static_cast<double>(dim_) * static_cast<double>(dim_);
    return cube(dim_, -n2, n2);
  }
  // ∇²f = tridiag(−1, 2, −1) has the eigenvalues 2 − 2cos(kπ/(n + 1)), k = 1 … n, so
  //   mu = 4 sin²(π/(2(n + 1))),   L = 4 cos²(π/(2(n + 1)))
  // (the second difference matrix; Strang, Linear Algebra and Its Applications, 4th ed., §1.7).
  ObjectiveConstants constants() const {
    const double half_angle = std::numbers::pi / (2.0 * static_cast<double>(dim_ + 1));
    const double sin = std::sin(half_angle), cos = std::cos(half_angle);
    return strongly_convex_constants(dim_, 4.0 * cos * cos, 4.0 * sin * sin);
  }

  static ObjectiveDoc doc() {
    return {.name = "trid", .family = "n-D",
            .summary = "Trid: a convex quadratic with tridiagonal Hessian and minimiser i(n + 1 − i)",
            .formula = R"(f(x) = Σᵢ (xᵢ − 1)² − Σ_{i≥2} xᵢ xᵢ₋₁
∂f/∂xᵢ = 2(xᵢ − 1) − xᵢ₋₁ − xᵢ₊₁,  ∇²f = tridiag(−1, 2, −1) (positive definite)
minimum xᵢ = i(n + 1 − i), f = −n(n + 4)(n − 1)/6; start 0; domain [−n², n²]ⁿ)",
            .source = "A.-R. Hedar (2005); Jamil & Yang (2013), no. 150",
            .check_params = {{{"dim", std::int64_t{2}}}, {{"dim", std::int64_t{6}}}}};
  }
};
using Trid = ProblemObjective<TridProblem>;

}  // namespace descent
