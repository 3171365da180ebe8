#pragma once

#include <cmath>

#include "descent/objectives/problem.hpp"

namespace descent {

struct DixonPriceProblem : DimensionProblem<> {
  using DimensionProblem::DimensionProblem;

  template <class T>
  T evaluate(std::span<const T> x) const {
    T sum = (x[0] - 1.0) * (x[0] - 1.0);
    for (Index i = 1; i < dim_; ++i) {
      const T w = 2.0 * x[i] * x[i] - x[i - 1];
      sum += static_cast<double>(i + 1) * w * w;
    }
    return sum;
  }
  // 0-based k carries weight k + 1; term k (k ≥ 1) is (k + 1) wₖ², wₖ = 2xₖ² − xₖ₋₁.
  void gradient(const Vector& x, Vector& g) const {
    g.resize(dim_);
    g[0] = 2.0 * (x[0] - 1.0);
    for (Index k = 1; k < dim_; ++k) {
      const double weight = static_cast<double>(k + 1);
      const double w = 2.0 * x[k] * x[k] - x[k - 1];
      g[k] = 8.0 * weight * w * x[k];
      g[k - 1] -= 2.0 * weight * w;
    }
  }
  void hessian(const Vector& x, Matrix& h) const {
    h.setZero(dim_, dim_);
    h(0, 0) = 2.0;
    for (Index k = 1; k < dim_; ++k) {
      const double weight = static_cast<double>(k + 1);
      const double w = 2.0 * x[k] * x[k] - x[k - 1];
      h(k, k) += 2.0 * weight * (16.0 * x[k] * x[k] + 4.0 * w);
      h(k - 1, k - 1) += 2.0 * weight;
      h(k - 1, k) = h(k, k - 1) = -8.0 * weight * x[k];
    }
  }
  void hessian_vector(const Vector& x, const Vector& v, Vector& hv) const {
    hv.resize(dim_);
    hv[0] = 2.0 * v[0];
    for (Index k = 1; k < dim_; ++k) {
      const double weight = static_cast<double>(k + 1);
      const double w = 2.0 * x[k] * x[k] - x[k - 1];
      const double cross = -8.0 * weight * x[k];
      hv[k] = 2.0 * weight * (16.0 * x[k] * x[k] + 4.0 * w) * v[k] + cross * v[k - 1];
      hv[k - 1] += 2.0 * weight * v[k - 1] + cross * v[k];
    }
  }
  std::vector<KnownMinimum> minima() const {
    Vector x(dim_);
    for (Index i = 0; i < dim_; ++i) {
      const double p = std::exp2(static_cast<double>(i + 1));  // 2ⁱ, 1-based i
      x[i] = std::exp2(-(p - 2.0) / p);
    }
    return {{x, 0.0, true}};
  }
  std::vector<Vector> standard_starts() const { return {Vector::Ones(dim_)}; }
  Box domain() const { return cube(dim_, -10.0, 10.0); }

  static ObjectiveDoc doc() {
    return {.name = "dixon_price", .family = "n-D",
            .summary = "Dixon–Price: a chain of quartic valleys with a tridiagonal Hessian",
            .formula = R"(f(x) = (x₁ − 1)² + Σ_{i=2}^n i wᵢ²,  wᵢ = 2xᵢ² − xᵢ₋₁
∂f/∂xₖ = [k = 1] 2(x₁ − 1) + [k ≥ 2] 8k wₖ xₖ − [k < n] 2(k + 1) wₖ₊₁
∂²f/∂xₖ² = [k = 1] 2 + [k ≥ 2] 2k(16xₖ² + 4wₖ) + [k < n] 2(k + 1),
∂²f/∂xₖ∂xₖ₊₁ = −8(k + 1) xₖ₊₁ (tridiagonal)
minimum f = 0 at xᵢ = 2^(−(2ⁱ − 2)/2ⁱ) (sign flips of xᵢ, i ≥ 2, give further
global minima; the positive one is listed); start (1, …, 1); domain [−10, 10]ⁿ)",
            .source = "L. C. W. Dixon & R. C. Price (1989); Jamil & Yang (2013), no. 48",
            .check_params = {{{"dim", std::int64_t{1}}}, {{"dim", std::int64_t{5}}}}};
  }
};
using DixonPrice = ProblemObjective<DixonPriceProblem>;

}  // namespace descent
