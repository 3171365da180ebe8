#pragma once

#include <cstdint>

#include "descent/objectives/nd/rosenbrock_terms.hpp"
#include "descent/objectives/problem.hpp"

namespace descent {

struct ExtendedRosenbrockProblem : DimensionProblem<DimensionParams<10, 2, 10'000'000, 2>> {
  using DimensionProblem::DimensionProblem;

  template <class T>
  T evaluate(std::span<const T> x) const {
    return rosenbrock_terms(x, 2);
  }
  double value_gradient(const Vector& x, Vector& g) const {
    g.resize(dim_);
    const double* p = x.data();
    double* out = g.data();
    double sum = 0.0;
    for (Index i = 0; i < dim_; i += 2) {
      const double u = p[i], valley = p[i + 1] - u * u, offset = 1.0 - u;
      sum += 100.0 * valley * valley + offset * offset;
      out[i] = -400.0 * u * valley - 2.0 * offset;
      out[i + 1] = 200.0 * valley;
    }
    return sum;
  }
  void hessian(const Vector& x, Matrix& h) const {
    h.setZero(dim_, dim_);
    for (Index i = 0; i < dim_; i += 2) {
      const double u = x[i];
      h(i, i) = 1200.0 * u * u - 400.0 * x[i + 1] + 2.0;
      h(i, i + 1) = h(i + 1, i) = -400.0 * u;
      h(i + 1, i + 1) = 200.0;
    }
  }
  void hessian_vector(const Vector& x, const Vector& v, Vector& hv) const {
    hv.resize(dim_);
    const double* p = x.data();
    const double* d = v.data();
    double* out = hv.data();
    for (Index i = 0; i < dim_; i += 2) {
      const double u = p[i], cross = -400.0 * u;
      out[i] = (1200.0 * u * u - 400.0 * p[i + 1] + 2.0) * d[i] + cross * d[i + 1];
      out[i + 1] = cross * d[i] + 200.0 * d[i + 1];
    }
  }
  std::vector<KnownMinimum> minima() const { return {{Vector::Ones(dim_), 0.0, true}}; }
  std::vector<Vector> standard_starts() const {
    Vector start(dim_);
    for (Index i = 0; i < dim_; i += 2) {
      start[i] = -1.2;
      start[i + 1] = 1.0;
    }
    return {start};
  }

  static ObjectiveDoc doc() {
    return {.name = "extended_rosenbrock", .family = "n-D",
            .summary = "Extended Rosenbrock (MGH 21): n/2 independent 2-D bananas, O(n) f, ∇f, Hv",
            .formula = R"(f(x) = Σ_{i<n/2} [100 (x₂ᵢ₊₁ − x₂ᵢ²)² + (1 − x₂ᵢ)²],  n even
per pair (u, w) = (x₂ᵢ, x₂ᵢ₊₁): ∂f/∂u = −400u(w − u²) − 2(1 − u), ∂f/∂w = 200(w − u²)
∇²f block diagonal: [[1200u² − 400w + 2, −400u], [−400u, 200]] per pair
minimum f(1, …, 1) = 0; standard start (−1.2, 1, −1.2, 1, …))",
            .source = "Moré, Garbow & Hillstrom (1981), problem 21",
            .check_params = {{{"dim", std::int64_t{2}}}, {{"dim", std::int64_t{6}}}}};
  }
};
using ExtendedRosenbrock = ProblemObjective<ExtendedRosenbrockProblem>;

}  // namespace descent
