// Small objectives the tests need beyond the library's:
//   Valley   f(x, y) = (x + y)²   (singular Hessian, minimum on the line x + y = 0)
//   Floor    f(x) = 1 + 10⁻²⁰ ‖x‖² + ν(x),  ∇f = 2·10⁻²⁰ x,  ν = 2ε off the sphere ‖x‖² = n
//            (where the standard start, all ones, lies) and 0 on it: a deterministic stand-in
//            for rounding. The decrease the gradient promises is far below an ulp of f, and
//            every step off the start's sphere looks 2 ulps worse: the rounding floor, made
//            exact.
#pragma once

#include <limits>

#include "descent/core/objective.hpp"

namespace descent::test {

class Valley final : public Objective {
 public:
  Index dim() const override { return 2; }
  double value(const Vector& x) const override { return (x[0] + x[1]) * (x[0] + x[1]); }
  void gradient(const Vector& x, Vector& g) const override {
    g.setConstant(2, 2.0 * (x[0] + x[1]));
  }
  void hessian(const Vector&, Matrix& h) const override { h.setConstant(2, 2, 2.0); }
};

class Floor final : public Objective {
 public:
  static constexpr double kScale = 1e-20;
  explicit Floor(Index dim) : dim_(dim) {}
  Index dim() const override { return dim_; }
  double value(const Vector& x) const override {
    const double r2 = x.squaredNorm();
    const double noise =
        r2 == static_cast<double>(dim_) ? 0.0 : 2.0 * std::numeric_limits<double>::epsilon();
    return 1.0 + kScale * r2 + noise;
  }
  void gradient(const Vector& x, Vector& g) const override { g = 2.0 * kScale * x; }
  void hessian(const Vector&, Matrix& h) const override {
    h = 2.0 * kScale * Matrix::Identity(dim_, dim_);
  }

 private:
  Index dim_;
};

}  // namespace descent::test
