// Small objectives the second-order tests and the L-BFGS benchmark need beyond the library's:
//   Saddle               f(x, y) = x² − y²         (saddle at 0, unbounded below)
//   Valley               f(x, y) = (x + y)²        (singular Hessian, minimum on x + y = 0)
//   ExtendedRosenbrock   f(x) = Σᵢ 100 (x₂ᵢ − x₂ᵢ₋₁²)² + (1 − x₂ᵢ₋₁)²,  n even
//                        (Moré, Garbow & Hillstrom 1981, problem 21; minimum f(1, …, 1) = 0,
//                        standard start (−1.2, 1, −1.2, 1, …))
#pragma once

#include "descent/core/objective.hpp"

namespace descent::test {

class Saddle final : public Objective {
 public:
  Index dim() const override { return 2; }
  double value(const Vector& x) const override { return x[0] * x[0] - x[1] * x[1]; }
  void gradient(const Vector& x, Vector& g) const override {
    g.resize(2);
    g << 2.0 * x[0], -2.0 * x[1];
  }
  void hessian(const Vector&, Matrix& h) const override {
    h.setZero(2, 2);
    h(0, 0) = 2.0;
    h(1, 1) = -2.0;
  }
};

class Valley final : public Objective {
 public:
  Index dim() const override { return 2; }
  double value(const Vector& x) const override { return (x[0] + x[1]) * (x[0] + x[1]); }
  void gradient(const Vector& x, Vector& g) const override {
    g.setConstant(2, 2.0 * (x[0] + x[1]));
  }
  void hessian(const Vector&, Matrix& h) const override { h.setConstant(2, 2, 2.0); }
};

class ExtendedRosenbrock final : public Objective {
 public:
  explicit ExtendedRosenbrock(Index n) : n_(n) {}

  Index dim() const override { return n_; }
  double value(const Vector& x) const override {
    double f = 0.0;
    for (Index i = 0; i < n_; i += 2) {
      const double w = x[i + 1] - x[i] * x[i], u = 1.0 - x[i];
      f += 100.0 * w * w + u * u;
    }
    return f;
  }
  void gradient(const Vector& x, Vector& g) const override { value_gradient(x, g); }
  double value_gradient(const Vector& x, Vector& g) const override {
    g.resize(n_);
    double f = 0.0;
    for (Index i = 0; i < n_; i += 2) {
      const double w = x[i + 1] - x[i] * x[i], u = 1.0 - x[i];
      f += 100.0 * w * w + u * u;
      g[i] = -400.0 * x[i] * w - 2.0 * u;
      g[i + 1] = 200.0 * w;
    }
    return f;
  }
  void hessian(const Vector& x, Matrix& h) const override {
    h.setZero(n_, n_);
    for (Index i = 0; i < n_; i += 2) {
      h(i, i) = 1200.0 * x[i] * x[i] - 400.0 * x[i + 1] + 2.0;
      h(i, i + 1) = h(i + 1, i) = -400.0 * x[i];
      h(i + 1, i + 1) = 200.0;
    }
  }
  void hessian_vector(const Vector& x, const Vector& v, Vector& hv) const override {
    hv.resize(n_);
    for (Index i = 0; i < n_; i += 2) {
      hv[i] = (1200.0 * x[i] * x[i] - 400.0 * x[i + 1] + 2.0) * v[i] - 400.0 * x[i] * v[i + 1];
      hv[i + 1] = -400.0 * x[i] * v[i] + 200.0 * v[i + 1];
    }
  }
  std::vector<KnownMinimum> minima() const override { return {{Vector::Ones(n_), 0.0, true}}; }
  std::vector<Vector> standard_starts() const override {
    Vector x0(n_);
    for (Index i = 0; i < n_; i += 2) {
      x0[i] = -1.2;
      x0[i + 1] = 1.0;
    }
    return {x0};
  }

 private:
  Index n_;
};

}  // namespace descent::test
