#include "descent/objectives/classic/goldstein_price.hpp"

#include <Eigen/Core>

namespace descent {

namespace {

using Vec2 = Eigen::Vector2d;
using Mat2 = Eigen::Matrix2d;

// One factor c + s² u of f, with s linear and u quadratic in (x, y): value, gradient, Hessian.
struct Factor {
  double value;
  Vec2 gradient;
  Mat2 hessian;
};

Factor factor(double c, double s, const Vec2& ds, double u, const Vec2& du, const Mat2& d2u) {
  Factor f;
  f.value = c + s * s * u;
  f.gradient = 2.0 * s * u * ds + s * s * du;
  f.hessian = 2.0 * u * ds * ds.transpose() + 2.0 * s * (ds * du.transpose() + du * ds.transpose()) +
              s * s * d2u;
  return f;
}

Factor factor_a(double x, double y) {
  const double a = x + y + 1.0;
  const double p = 19.0 - 14.0 * x + 3.0 * x * x - 14.0 * y + 6.0 * x * y + 3.0 * y * y;
  const double dp = -14.0 + 6.0 * x + 6.0 * y;  // ∂p/∂x = ∂p/∂y
  return factor(1.0, a, Vec2(1.0, 1.0), p, Vec2(dp, dp), Mat2{{6.0, 6.0}, {6.0, 6.0}});
}

Factor factor_b(double x, double y) {
  const double b = 2.0 * x - 3.0 * y;
  const double q = 18.0 - 32.0 * x + 12.0 * x * x + 48.0 * y - 36.0 * x * y + 27.0 * y * y;
  const Vec2 dq(-32.0 + 24.0 * x - 36.0 * y, 48.0 - 36.0 * x + 54.0 * y);
  return factor(30.0, b, Vec2(2.0, -3.0), q, dq, Mat2{{24.0, -36.0}, {-36.0, 54.0}});
}

}  // namespace

double GoldsteinPrice::value(const Vector& x) const {
  return evaluate<double>(std::span<const double>(x.data(), 2));
}

void GoldsteinPrice::gradient(const Vector& p, Vector& g) const {
  const Factor a = factor_a(p[0], p[1]), b = factor_b(p[0], p[1]);
  g = b.value * a.gradient + a.value * b.gradient;
}

void GoldsteinPrice::hessian(const Vector& p, Matrix& h) const {
  const Factor a = factor_a(p[0], p[1]), b = factor_b(p[0], p[1]);
  h = b.value * a.hessian + a.value * b.hessian + a.gradient * b.gradient.transpose() +
      b.gradient * a.gradient.transpose();
}

std::vector<KnownMinimum> GoldsteinPrice::minima() const {
  return {{Vector{{0.0, -1.0}}, 3.0, true},
          {Vector{{-0.6, -0.4}}, 30.0, false},
          {Vector{{1.8, 0.2}}, 84.0, false},
          {Vector{{1.2, 0.8}}, 840.0, false}};
}

std::vector<Vector> GoldsteinPrice::standard_starts() const { return {Vector{{-1.5, 1.5}}}; }

ObjectiveEntry goldstein_price_entry() {
  return objective_entry<GoldsteinPrice>({
      .name = "goldstein_price",
      .family = "classic 2-D",
      .summary = "Goldstein–Price: a product of two quartics, values spanning six decades",
      .formula = "f = [1 + (x + y + 1)² (19 − 14x + 3x² − 14y + 6xy + 3y²)]\n"
                 "  · [30 + (2x − 3y)² (18 − 32x + 12x² + 48y − 36xy + 27y²)]\n"
                 "∇f, ∇²f by the product rule on the two factors\n"
                 "global minimum f(0, −1) = 3; local minima f(−0.6, −0.4) = 30, f(1.8, 0.2) = 84,\n"
                 "f(1.2, 0.8) = 840; start (−1.5, 1.5); domain [−2, 2]²",
      .source = "A. A. Goldstein & I. F. Price, On descent from local minima, Math. Comp. 25 "
                "(1971)",
  });
}

}  // namespace descent
