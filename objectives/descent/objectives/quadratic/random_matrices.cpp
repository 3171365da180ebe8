#include "descent/objectives/quadratic/random_matrices.hpp"

#include <Eigen/QR>

namespace descent {

Matrix gaussian_matrix(Index rows, Index cols, std::mt19937_64& rng, double sigma) {
  std::normal_distribution<double> normal(0.0, sigma);
  Matrix z(rows, cols);
  for (Index j = 0; j < cols; ++j)
    for (Index i = 0; i < rows; ++i) z(i, j) = normal(rng);
  return z;
}

Matrix haar_orthogonal(Index n, std::mt19937_64& rng) {
  Eigen::HouseholderQR<Matrix> qr(gaussian_matrix(n, n, rng));
  Matrix q = qr.householderQ();
  const Matrix r = qr.matrixQR().triangularView<Eigen::Upper>();
  for (Index j = 0; j < n; ++j)
    if (r(j, j) < 0) q.col(j) *= -1.0;
  return q;
}

}  // namespace descent
