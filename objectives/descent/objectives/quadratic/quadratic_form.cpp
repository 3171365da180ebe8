#include "descent/objectives/quadratic/quadratic_form.hpp"

#include <random>
#include <string>

#include <Eigen/QR>

#include "descent/core/config_error.hpp"
#include "descent/core/objective.hpp"

namespace descent {

void check_rotated_dim(bool rotate, Index n) {
  if (rotate && n > kMaxDenseHessianDim)
    throw ConfigError("rotate", "key 'rotate': a rotated quadratic is dense and needs dim <= " +
                                    std::to_string(kMaxDenseHessianDim) + " (got " + std::to_string(n) + ")");
}

namespace {

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

QuadraticForm::QuadraticForm(Vector eigenvalues, const Rotation& rotation)
    : eigenvalues_(std::move(eigenvalues)), rotated_(rotation.rotate) {
  if (rotated_) {
    const Matrix q = haar_orthogonal(dim(), static_cast<std::uint64_t>(rotation.seed));
    a_ = q * eigenvalues_.asDiagonal() * q.transpose();
    a_ = 0.5 * (a_ + a_.transpose()).eval();  // exactly symmetric
  }
}

double QuadraticForm::value(const Vector& x) const {
  if (!rotated_) return 0.5 * (eigenvalues_.array() * x.array().square()).sum();
  return 0.5 * x.dot(a_ * x);
}

void QuadraticForm::apply(const Vector& v, Vector& out) const {
  if (!rotated_)
    out = eigenvalues_.cwiseProduct(v);
  else
    out.noalias() = a_ * v;
}

void QuadraticForm::dense(Matrix& a) const {
  if (rotated_)
    a = a_;
  else
    a = eigenvalues_.asDiagonal();
}

}  // namespace descent
