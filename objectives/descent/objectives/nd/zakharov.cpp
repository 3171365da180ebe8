#include "descent/objectives/nd/zakharov.hpp"

namespace descent {

namespace {

// c = (1/2, 2/2, …, n/2)
Vector coefficients(Index n) { return Vector::LinSpaced(n, 0.5, 0.5 * static_cast<double>(n)); }

}  // namespace

double Zakharov::value(const Vector& x) const {
  return evaluate<double>(std::span<const double>(x.data(), dim_));
}

void Zakharov::gradient(const Vector& x, Vector& g) const {
  const Vector c = coefficients(dim_);
  const double s = c.dot(x);
  g = 2.0 * x + (2.0 * s + 4.0 * s * s * s) * c;
}

void Zakharov::hessian(const Vector& x, Matrix& h) const {
  check_dense_hessian(*this);
  const Vector c = coefficients(dim_);
  const double s = c.dot(x);
  h = (2.0 + 12.0 * s * s) * c * c.transpose();
  h.diagonal().array() += 2.0;
}

void Zakharov::hessian_vector(const Vector& x, const Vector& v, Vector& hv) const {
  const Vector c = coefficients(dim_);
  const double s = c.dot(x);
  hv = 2.0 * v + ((2.0 + 12.0 * s * s) * c.dot(v)) * c;
}

std::vector<KnownMinimum> Zakharov::minima() const { return {{Vector::Zero(dim_), 0.0, true}}; }

std::vector<Vector> Zakharov::standard_starts() const { return {Vector::Ones(dim_)}; }

Box Zakharov::domain() const {
  return {Vector::Constant(dim_, -5.0), Vector::Constant(dim_, 10.0)};
}

ObjectiveEntry zakharov_entry() {
  return objective_entry<Zakharov>({
      .name = "zakharov",
      .family = "n-D",
      .summary = "Zakharov: identity plus a quartic rank-one term, dense Hessian, O(n) Hv",
      .formula = "f(x) = Σ xᵢ² + S² + S⁴,  S = Σ (i/2) xᵢ\n"
                 "∇f = 2x + (2S + 4S³) c,  ∇²f = 2I + (2 + 12S²) c cᵀ,  cᵢ = i/2\n"
                 "minimum f(0) = 0; start (1, …, 1); domain [−5, 10]ⁿ",
      .source = "Jamil & Yang (2013), A literature survey of benchmark functions, no. 172",
      .check_params = {{{"dim", std::int64_t{2}}}, {{"dim", std::int64_t{5}}}},
  });
}

}  // namespace descent
