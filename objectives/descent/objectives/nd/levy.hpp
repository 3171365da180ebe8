#pragma once

#include <cmath>
#include <numbers>

#include "descent/objectives/problem.hpp"

namespace descent {

struct LevyProblem : DimensionProblem<> {
  using DimensionProblem::DimensionProblem;

  template <class T>
  T evaluate(std::span<const T> x) const {
    using std::sin;
    const double pi = std::numbers::pi;
    auto w = [&](Index i) { return 1.0 + (x[i] - 1.0) / 4.0; };
    const T s0 = sin(pi * w(0));
    T sum = s0 * s0;
    for (Index i = 0; i + 1 < dim_; ++i) {
      const T u = w(i) - 1.0, s = sin(pi * w(i) + 1.0);
      sum += u * u * (1.0 + 10.0 * s * s);
    }
    const T u = w(dim_ - 1) - 1.0, s = sin(2.0 * pi * w(dim_ - 1));
    return sum + u * u * (1.0 + s * s);
  }
  void gradient(const Vector& x, Vector& g) const {
    g.resize(dim_);
    for (Index i = 0; i < dim_; ++i) g[i] = coordinate(x, i).first / 4.0;
  }
  void hessian(const Vector& x, Matrix& h) const {
    h.setZero(dim_, dim_);
    for (Index i = 0; i < dim_; ++i) h(i, i) = coordinate(x, i).second / 16.0;
  }
  void hessian_vector(const Vector& x, const Vector& v, Vector& hv) const {
    hv.resize(dim_);
    for (Index i = 0; i < dim_; ++i) hv[i] = coordinate(x, i).second / 16.0 * v[i];
  }
  std::vector<KnownMinimum> minima() const { return {{Vector::Ones(dim_), 0.0, true}}; }
  std::vector<Vector> standard_starts() const { return {Vector::Constant(dim_, -5.0)}; }
  Box domain() const { return cube(dim_, -10.0, 10.0); }

  static ObjectiveDoc doc() {
    return {.name = "levy", .family = "n-D",
            .summary = "Levy: separable oscillating terms, diagonal Hessian",
            .formula = R"(wᵢ = 1 + (xᵢ − 1)/4
f = sin²(πw₁) + Σ_{i<n} (wᵢ − 1)²[1 + 10 sin²(πwᵢ + 1)] + (wₙ − 1)²[1 + sin²(2πwₙ)]
every term depends on one wᵢ, so ∇²f is diagonal: ∂/∂xᵢ = ¼ d/dwᵢ,
∂²/∂xᵢ² = (1/16) d²/dwᵢ²
global minimum f(1, …, 1) = 0; start (−5, …, −5); domain [−10, 10]ⁿ)",
            .source = "A. V. Levy & A. Montalvo (1985); M. Laguna & R. Martí (2005)",
            .check_params = {{{"dim", std::int64_t{1}}}, {{"dim", std::int64_t{2}}}, {{"dim", std::int64_t{5}}}}};
  }
 private:
  static constexpr double kPi = std::numbers::pi;

  // d/dw and d²/dw² of the term(s) coordinate i contributes, w = 1 + (x − 1)/4.
  struct Derivatives {
    double first = 0.0, second = 0.0;
  };
  // sin²(πw)
  static Derivatives leading_term(double w) {
    return {kPi * std::sin(2.0 * kPi * w), 2.0 * kPi * kPi * std::cos(2.0 * kPi * w)};
  }
  // (w − 1)² [1 + 10 sin²(πw + 1)]
  static Derivatives middle_term(double w) {
    const double u = w - 1.0, angle = kPi * w + 1.0, s = std::sin(angle);
    const double s2 = s * s, ds2 = kPi * std::sin(2.0 * angle), d2s2 = 2.0 * kPi * kPi * std::cos(2.0 * angle);
    return {2.0 * u * (1.0 + 10.0 * s2) + 10.0 * u * u * ds2,
            2.0 * (1.0 + 10.0 * s2) + 40.0 * u * ds2 + 10.0 * u * u * d2s2};
  }
  // (w − 1)² [1 + sin²(2πw)]
  static Derivatives last_term(double w) {
    const double u = w - 1.0, s = std::sin(2.0 * kPi * w);
    const double q = s * s, dq = 2.0 * kPi * std::sin(4.0 * kPi * w), d2q = 8.0 * kPi * kPi * std::cos(4.0 * kPi * w);
    return {2.0 * u * (1.0 + q) + u * u * dq, 2.0 * (1.0 + q) + 4.0 * u * dq + u * u * d2q};
  }
  static Derivatives coordinate(const Vector& x, Index i) {
    const Index n = x.size();
    const double w = 1.0 + (x[i] - 1.0) / 4.0;
    Derivatives d = i + 1 < n ? middle_term(w) : last_term(w);
    if (i == 0) {
      const Derivatives lead = leading_term(w);
      d.first += lead.first;
      d.second += lead.second;
    }
    return d;
  }
};
using Levy = ProblemObjective<LevyProblem>;

}  // namespace descent
