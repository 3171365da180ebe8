#pragma once

#include "descent/objectives/planar_problem.hpp"

namespace descent {

struct GoldsteinPriceProblem : PlanarProblem<GoldsteinPriceProblem> {
  template <class T>
  T f(const T& x, const T& y) const {
    const T a = x + y + 1.0;
    const T p = 19.0 - 14.0 * x + 3.0 * x * x - 14.0 * y + 6.0 * x * y + 3.0 * y * y;
    const T b = 2.0 * x - 3.0 * y;
    const T q = 18.0 - 32.0 * x + 12.0 * x * x + 48.0 * y - 36.0 * x * y + 27.0 * y * y;
    return (1.0 + a * a * p) * (30.0 + b * b * q);
  }
  Vector2 grad(double x, double y) const {
    const Factor a = factor_a(x, y), b = factor_b(x, y);
    return b.value * a.gradient + a.value * b.gradient;
  }
  Matrix2 hess(double x, double y) const {
    const Factor a = factor_a(x, y), b = factor_b(x, y);
    return b.value * a.hessian + a.value * b.hessian + a.gradient * b.gradient.transpose() +
           b.gradient * a.gradient.transpose();
  }
  std::vector<KnownMinimum> minima() const {
    return {{Vector{{0.0, -1.0}}, 3.0, true},
            {Vector{{-0.6, -0.4}}, 30.0, false},
            {Vector{{1.8, 0.2}}, 84.0, false},
            {Vector{{1.2, 0.8}}, 840.0, false}};
  }
  std::vector<Vector> standard_starts() const { return {Vector{{-1.5, 1.5}}}; }
  static ObjectiveDoc doc() {
    return {.name = "goldstein_price", .family = "classic 2-D",
            .summary = "Goldstein–Price: a product of two quartics, values spanning six decades",
            .formula = R"(f = A·B,  A = 1 + a²p,  a = x + y + 1,  p = 19 − 14x + 3x² − 14y + 6xy + 3y²
         B = 30 + b²q, b = 2x − 3y,     q = 18 − 32x + 12x² + 48y − 36xy + 27y²
∇A = 2ap∇a + a²∇p,  ∇²A = 2p∇a∇aᵀ + 2a(∇a∇pᵀ + ∇p∇aᵀ) + a²∇²p (likewise B)
∇f = B∇A + A∇B,  ∇²f = B∇²A + A∇²B + ∇A∇Bᵀ + ∇B∇Aᵀ
global minimum f(0, −1) = 3; local minima where a or b vanish: f(−0.6, −0.4) = 30,
f(1.8, 0.2) = 84, f(1.2, 0.8) = 840; start (−1.5, 1.5); domain [−2, 2]²)",
            .source = "A. A. Goldstein & I. F. Price, On descent from local minima, Math. Comp. 25 "
                      "(1971)"};
  }
 private:
  // One factor c + s² u of f, with s linear and u quadratic in (x, y): value, gradient, Hessian.
  struct Factor {
    double value;
    Vector2 gradient;
    Matrix2 hessian;
  };
  static Factor factor(double c, double s, const Vector2& ds, double u, const Vector2& du, const Matrix2& d2u) {
    Factor f;
    f.value = c + s * s * u;
    f.gradient = 2.0 * s * u * ds + s * s * du;
    f.hessian = 2.0 * u * ds * ds.transpose() + 2.0 * s * (ds * du.transpose() + du * ds.transpose()) +
                s * s * d2u;
    return f;
  }
  static Factor factor_a(double x, double y) {
    const double a = x + y + 1.0;
    const double p = 19.0 - 14.0 * x + 3.0 * x * x - 14.0 * y + 6.0 * x * y + 3.0 * y * y;
    const double dp = -14.0 + 6.0 * x + 6.0 * y;  // ∂p/∂x = ∂p/∂y
    return factor(1.0, a, Vector2(1.0, 1.0), p, Vector2(dp, dp), Matrix2{{6.0, 6.0}, {6.0, 6.0}});
  }
  static Factor factor_b(double x, double y) {
    const double b = 2.0 * x - 3.0 * y;
    const double q = 18.0 - 32.0 * x + 12.0 * x * x + 48.0 * y - 36.0 * x * y + 27.0 * y * y;
    const Vector2 dq(-32.0 + 24.0 * x - 36.0 * y, 48.0 - 36.0 * x + 54.0 * y);
    return factor(30.0, b, Vector2(2.0, -3.0), q, dq, Matrix2{{24.0, -36.0}, {-36.0, 54.0}});
  }
};
using GoldsteinPrice = ProblemObjective<GoldsteinPriceProblem>;

}  // namespace descent
