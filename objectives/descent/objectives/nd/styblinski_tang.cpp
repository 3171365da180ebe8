#include "descent/objectives/nd/styblinski_tang.hpp"

#include <cmath>

namespace descent {

namespace {

// The smaller root of 4x³ − 32x + 5 = 0 (the global minimiser of each coordinate), by
// Newton's method from −3 to full precision.
double coordinate_minimiser() {
  double x = -3.0;
  for (int i = 0; i < 50; ++i) {
    const double step = (4.0 * x * x * x - 32.0 * x + 5.0) / (12.0 * x * x - 32.0);
    x -= step;
    if (std::abs(step) <= 1e-16 * std::abs(x)) break;
  }
  return x;
}

}  // namespace

double StyblinskiTang::value(const Vector& x) const {
  return evaluate<double>(std::span<const double>(x.data(), dim_));
}

void StyblinskiTang::gradient(const Vector& x, Vector& g) const {
  g = (2.0 * x.array().cube() - 16.0 * x.array() + 2.5).matrix();
}

void StyblinskiTang::hessian(const Vector& x, Matrix& h) const {
  check_dense_hessian(*this);
  h = (6.0 * x.array().square() - 16.0).matrix().asDiagonal();
}

void StyblinskiTang::hessian_vector(const Vector& x, const Vector& v, Vector& hv) const {
  hv = ((6.0 * x.array().square() - 16.0) * v.array()).matrix();
}

std::vector<KnownMinimum> StyblinskiTang::minima() const {
  const Vector x = Vector::Constant(dim_, coordinate_minimiser());
  return {{x, value(x), true}};
}

std::vector<Vector> StyblinskiTang::standard_starts() const { return {Vector::Zero(dim_)}; }

Box StyblinskiTang::domain() const {
  return {Vector::Constant(dim_, -5.0), Vector::Constant(dim_, 5.0)};
}

ObjectiveEntry styblinski_tang_entry() {
  return objective_entry<StyblinskiTang>({
      .name = "styblinski_tang",
      .family = "n-D",
      .summary = "Styblinski–Tang: separable double wells, 2ⁿ minima, one global",
      .formula = "f(x) = ½ Σ (xᵢ⁴ − 16xᵢ² + 5xᵢ),  ∇²f = diag(6xᵢ² − 16)\n"
                 "global minimum xᵢ = −2.9035340…, f = −39.1661657…·n; start 0; domain [−5, 5]ⁿ",
      .source = "M. A. Styblinski & T.-S. Tang, Neural Networks 3 (1990)",
      .check_params = {{{"dim", std::int64_t{1}}}, {{"dim", std::int64_t{4}}}},
  });
}

}  // namespace descent
