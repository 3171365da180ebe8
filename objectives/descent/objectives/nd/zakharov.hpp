#pragma once

#include "descent/objectives/problem.hpp"

namespace descent {

struct ZakharovProblem : DimensionProblem<> {
  using DimensionProblem::DimensionProblem;

  template <class T>
  T evaluate(std::span<const T> x) const {
    T sum = T(0.0), s = T(0.0);
    for (Index i = 0; i < dim_; ++i) {
      sum += x[i] * x[i];
      s += 0.5 * static_cast<double>(i + 1) * x[i];
    }
    const T s2 = s * s;
    return sum + s2 + s2 * s2;
  }
  void gradient(const Vector& x, Vector& g) const {
    const Vector c = coefficients();
    const double s = c.dot(x);
    g = 2.0 * x + (2.0 * s + 4.0 * s * s * s) * c;
  }
  void hessian(const Vector& x, Matrix& h) const {
    const Vector c = coefficients();
    const double s = c.dot(x);
    h = (2.0 + 12.0 * s * s) * c * c.transpose();
    h.diagonal().array() += 2.0;
  }
  void hessian_vector(const Vector& x, const Vector& v, Vector& hv) const {
    const Vector c = coefficients();
    const double s = c.dot(x);
    hv = 2.0 * v + ((2.0 + 12.0 * s * s) * c.dot(v)) * c;
  }
  std::vector<KnownMinimum> minima() const { return {{Vector::Zero(dim_), 0.0, true}}; }
  std::vector<Vector> standard_starts() const { return {Vector::Ones(dim_)}; }
  Box domain() const { return cube(dim_, -5.0, 10.0); }

  static ObjectiveDoc doc() {
    return {.name = "zakharov", .family = "n-D",
            .summary = "Zakharov: identity plus a quartic rank-one term, dense Hessian, O(n) Hv",
            .formula = R"(f(x) = Σ xᵢ² + S² + S⁴,  S = Σ cᵢ xᵢ,  cᵢ = i/2
∇f = 2x + (2S + 4S³) c,  ∇²f = 2I + (2 + 12S²) c cᵀ (dense, rank-one update)
∇²f v = 2v + (2 + 12S²)(cᵀv) c in O(n)
minimum f(0) = 0; start (1, …, 1); domain [−5, 10]ⁿ)",
            .source = "Jamil & Yang (2013), A literature survey of benchmark functions, no. 172",
            .check_params = {{{"dim", std::int64_t{2}}}, {{"dim", std::int64_t{5}}}}};
  }
 private:
  // c = (1/2, 2/2, …, n/2)
  Vector coefficients() const { return Vector::LinSpaced(dim_, 0.5, 0.5 * static_cast<double>(dim_)); }
};
using Zakharov = ProblemObjective<ZakharovProblem>;

}  // namespace descent
