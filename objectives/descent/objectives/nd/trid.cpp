#include "descent/objectives/nd/trid.hpp"

#include <cmath>
#include <numbers>

namespace descent {

double Trid::value(const Vector& x) const {
  return evaluate<double>(std::span<const double>(x.data(), dim_));
}

void Trid::gradient(const Vector& x, Vector& g) const {
  g.resize(dim_);
  for (Index i = 0; i < dim_; ++i) {
    g[i] = 2.0 * (x[i] - 1.0);
    if (i > 0) g[i] -= x[i - 1];
    if (i + 1 < dim_) g[i] -= x[i + 1];
  }
}

void Trid::hessian(const Vector&, Matrix& h) const {
  check_dense_hessian(*this);
  h.setZero(dim_, dim_);
  for (Index i = 0; i < dim_; ++i) {
    h(i, i) = 2.0;
    if (i + 1 < dim_) h(i, i + 1) = h(i + 1, i) = -1.0;
  }
}

void Trid::hessian_vector(const Vector&, const Vector& v, Vector& hv) const {
  hv.resize(dim_);
  for (Index i = 0; i < dim_; ++i) {
    hv[i] = 2.0 * v[i];
    if (i > 0) hv[i] -= v[i - 1];
    if (i + 1 < dim_) hv[i] -= v[i + 1];
  }
}

std::vector<KnownMinimum> Trid::minima() const {
  const double n = static_cast<double>(dim_);
  Vector x(dim_);
  for (Index i = 0; i < dim_; ++i) {
    const double k = static_cast<double>(i + 1);
    x[i] = k * (n + 1.0 - k);
  }
  return {{x, -n * (n + 4.0) * (n - 1.0) / 6.0, true}};
}

std::vector<Vector> Trid::standard_starts() const { return {Vector::Zero(dim_)}; }

ObjectiveConstants Trid::constants() const {
  const double half_angle = std::numbers::pi / (2.0 * static_cast<double>(dim_ + 1));
  const double sin = std::sin(half_angle), cos = std::cos(half_angle);
  return strongly_convex_constants(dim_, 4.0 * cos * cos, 4.0 * sin * sin);
}

Box Trid::domain() const {
  const double n2 = static_cast<double>(dim_) * static_cast<double>(dim_);
  return {Vector::Constant(dim_, -n2), Vector::Constant(dim_, n2)};
}

ObjectiveEntry trid_entry() {
  return objective_entry<Trid>({
      .name = "trid",
      .family = "n-D",
      .summary = "Trid: a convex quadratic with tridiagonal Hessian and minimiser i(n + 1 − i)",
      .formula = "f(x) = Σᵢ (xᵢ − 1)² − Σ_{i≥2} xᵢ xᵢ₋₁,  ∇²f = tridiag(−1, 2, −1)\n"
                 "minimum xᵢ = i(n + 1 − i), f = −n(n + 4)(n − 1)/6; start 0; domain [−n², n²]ⁿ",
      .source = "A.-R. Hedar (2005); Jamil & Yang (2013), no. 150",
      .check_params = {{{"dim", std::int64_t{2}}}, {{"dim", std::int64_t{6}}}},
  });
}

}  // namespace descent
