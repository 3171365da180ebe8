#pragma once

#include <cmath>

#include "descent/objectives/partial_products.hpp"
#include "descent/objectives/problem.hpp"

namespace descent {

struct GriewankProblem : DimensionProblem<> {
  using DimensionProblem::DimensionProblem;

  template <class T>
  T evaluate(std::span<const T> x) const {
    using std::cos;
    using std::sqrt;
    T sum = T(0.0), product = T(1.0);
    for (Index i = 0; i < dim_; ++i) {
      sum += x[i] * x[i] / 4000.0;
      product *= cos(x[i] / std::sqrt(static_cast<double>(i + 1)));
    }
    return 1.0 + sum - product;
  }
  void gradient(const Vector& x, Vector& g) const {
    const Factors f(x);
    g.resize(dim_);
    for (Index i = 0; i < dim_; ++i) g[i] = x[i] / 2000.0 + f.a[i] * f.before[i] * f.after[i + 1];
  }
  void hessian(const Vector& x, Matrix& h) const {
    const Factors f(x);
    h.resize(dim_, dim_);
    for (Index i = 0; i < dim_; ++i) {
      h(i, i) = 1.0 / 2000.0 + f.product() / static_cast<double>(i + 1);
      double between = 1.0;  // Π_{i<k<j} cₖ
      for (Index j = i + 1; j < dim_; ++j) {
        h(i, j) = h(j, i) = -f.a[i] * f.a[j] * f.before[i] * between * f.after[j + 1];
        between *= f.c[j];
      }
    }
  }
  // (Hv)ᵢ = vᵢ/2000 + (P/i) vᵢ − aᵢ Σ_{j≠i} aⱼvⱼ Π_{k≠i,j} cₖ. The sum splits at i:
  //   left  Lᵢ = Σ_{j<i} aⱼvⱼ Π_{k<i,k≠j} cₖ,   L₀ = 0,  Lᵢ₊₁ = Lᵢcᵢ + aᵢvᵢ before[i]
  //   right Rᵢ = Σ_{j>i} aⱼvⱼ Π_{k>i,k≠j} cₖ,   Rₙ₋₁ = 0, Rᵢ₋₁ = Rᵢcᵢ + aᵢvᵢ after[i+1]
  // and the cross term is aᵢ (Lᵢ after[i+1] + before[i] Rᵢ).
  void hessian_vector(const Vector& x, const Vector& v, Vector& hv) const {
    const Factors f(x);
    hv.resize(dim_);
    double left = 0.0;
    for (Index i = 0; i < dim_; ++i) {
      hv[i] = (1.0 / 2000.0 + f.product() / static_cast<double>(i + 1)) * v[i] -
              f.a[i] * left * f.after[i + 1];
      left = left * f.c[i] + f.a[i] * v[i] * f.before[i];
    }
    double right = 0.0;
    for (Index i = dim_; i-- > 0;) {
      hv[i] -= f.a[i] * f.before[i] * right;
      right = right * f.c[i] + f.a[i] * v[i] * f.after[i + 1];
    }
  }
  std::vector<KnownMinimum> minima() const { return {{Vector::Zero(dim_), 0.0, true}}; }
  std::vector<Vector> standard_starts() const { return {Vector::Constant(dim_, 10.0)}; }
  Box domain() const { return cube(dim_, -600.0, 600.0); }

  static ObjectiveDoc doc() {
    return {.name = "griewank", .family = "n-D",
            .summary = "Griewank: a wide parabola times a product of cosines, dense Hessian, O(n) Hv",
            .formula = R"(f(x) = 1 + Σ xᵢ²/4000 − P,  P = Πᵢ cᵢ,  cᵢ = cos(xᵢ/√i),  aᵢ = sin(xᵢ/√i)/√i
∂f/∂xᵢ = xᵢ/2000 + aᵢ Π_{k≠i} cₖ
∂²f/∂xᵢ² = 1/2000 + P/i,  ∂²f/∂xᵢ∂xⱼ = −aᵢaⱼ Π_{k≠i,j} cₖ (dense)
products over k ≠ i from prefix and suffix products (no division, so cᵢ = 0 is
harmless); Hv in O(n) from running sums of aⱼvⱼ times partial products
global minimum f(0) = 0; start (10, …, 10); domain [−600, 600]ⁿ)",
            .source = "A. O. Griewank, J. Optim. Theory Appl. 34 (1981)",
            .check_params = {{{"dim", std::int64_t{1}}}, {{"dim", std::int64_t{2}}}, {{"dim", std::int64_t{6}}}}};
  }
 private:
  // cᵢ, aᵢ and the partial products before[i] = Π_{k<i} cₖ, after[i] = Π_{k≥i} cₖ (so
  // Π_{k≠i} cₖ = before[i]·after[i+1], with no division).
  struct Factors {
    Vector c, a, before, after;

    explicit Factors(const Vector& x) {
      const Index n = x.size();
      c.resize(n);
      a.resize(n);
      for (Index i = 0; i < n; ++i) {
        const double root = std::sqrt(static_cast<double>(i + 1));
        c[i] = std::cos(x[i] / root);
        a[i] = std::sin(x[i] / root) / root;
      }
      partial_products(c, before, after);
    }
    double product() const { return before[before.size() - 1]; }
  };
};
using Griewank = ProblemObjective<GriewankProblem>;

}  // namespace descent
