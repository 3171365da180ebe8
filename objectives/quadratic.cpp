#include "objectives/quadratic.hpp"

#include <cmath>
#include <random>

#include <Eigen/QR>

namespace descent {

namespace {

constexpr Index kMaxRotatedDim = 4096;  // a dense n×n A beyond this costs > 128 MiB

Vector spaced_eigenvalues(Index n, double kappa, Spectrum spectrum) {
  Vector lambda(n);
  for (Index i = 0; i < n; ++i) {
    const double t = n == 1 ? 0.0 : static_cast<double>(i) / static_cast<double>(n - 1);
    lambda[i] = spectrum == Spectrum::kLinear ? 1.0 + (kappa - 1.0) * t : std::pow(kappa, t);
  }
  return lambda;
}

Matrix haar_orthogonal(Index n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal;
  Matrix z(n, n);
  for (Index j = 0; j < n; ++j)
    for (Index i = 0; i < n; ++i) z(i, j) = normal(rng);
  Eigen::HouseholderQR<Matrix> qr(z);
  Matrix q = qr.householderQ();
  const Matrix r = qr.matrixQR().triangularView<Eigen::Upper>();
  for (Index j = 0; j < n; ++j)
    if (r(j, j) < 0) q.col(j) *= -1.0;
  return q;
}

}  // namespace

void Quadratic::Params::validate() const {
  if (!eigenvalues.empty()) {
    for (double lambda : eigenvalues)
      if (!(lambda > 0.0) || !std::isfinite(lambda))
        throw ConfigError("eigenvalues", "key 'eigenvalues': every eigenvalue must be finite and > 0 (got " +
                                             detail::real_text(lambda) + ")");
  }
  const Index n = eigenvalues.empty() ? dim : static_cast<Index>(eigenvalues.size());
  if (rotate && n > kMaxRotatedDim)
    throw ConfigError("rotate", "key 'rotate': a rotated quadratic is dense and needs dim <= " +
                                    std::to_string(kMaxRotatedDim) + " (got " + std::to_string(n) + ")");
}

Quadratic::Quadratic(const Params& params) : rotated_(params.rotate) {
  validate_fields(params);
  if (!params.eigenvalues.empty())
    eigenvalues_ = Eigen::Map<const Vector>(params.eigenvalues.data(),
                                            static_cast<Index>(params.eigenvalues.size()));
  else
    eigenvalues_ = spaced_eigenvalues(params.dim, params.kappa, params.spectrum);
  if (rotated_) {
    const Matrix q = haar_orthogonal(dim(), static_cast<std::uint64_t>(params.rotation_seed));
    a_ = q * eigenvalues_.asDiagonal() * q.transpose();
    a_ = 0.5 * (a_ + a_.transpose()).eval();  // exactly symmetric
  }
}

double Quadratic::value(const Vector& x) const {
  if (!rotated_) return 0.5 * (eigenvalues_.array() * x.array().square()).sum();
  return 0.5 * x.dot(a_ * x);
}

void Quadratic::gradient(const Vector& x, Vector& g) const {
  if (!rotated_)
    g = eigenvalues_.cwiseProduct(x);
  else
    g.noalias() = a_ * x;
}

double Quadratic::value_gradient(const Vector& x, Vector& g) const {
  gradient(x, g);
  return 0.5 * x.dot(g);
}

void Quadratic::hessian(const Vector&, Matrix& h) const {
  if (rotated_)
    h = a_;
  else
    h = eigenvalues_.asDiagonal();
}

void Quadratic::hessian_vector(const Vector&, const Vector& v, Vector& hv) const {
  if (!rotated_)
    hv = eigenvalues_.cwiseProduct(v);
  else
    hv.noalias() = a_ * v;
}

std::vector<KnownMinimum> Quadratic::minima() const { return {{Vector::Zero(dim()), 0.0, true}}; }

std::vector<Vector> Quadratic::standard_starts() const { return {Vector::Ones(dim())}; }

ObjectiveEntry quadratic_entry() {
  return objective_entry<Quadratic>({
      .name = "quadratic",
      .family = "quadratic",
      .summary = "½ xᵀAx with a prescribed spectrum and optional random rotation",
      .formula = "f(x) = ½ xᵀ A x,  A = Q diag(λ) Qᵀ,  ∇f = A x,  ∇²f = A\n"
                 "λ spaced from 1 to κ (linear or loguniform) or given explicitly\n"
                 "minimum: f(0) = 0; standard start (1, …, 1)",
      .source = "Nocedal & Wright, Numerical Optimization (2006), ch. 3 and 5",
  });
}

}  // namespace descent
