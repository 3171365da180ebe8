#include "descent/objectives/training/batch_math.hpp"

#include <cmath>

#include <Eigen/Eigenvalues>

namespace descent {

Eigen::Ref<const Matrix> batch_columns(const Matrix& source, std::span<const Index> terms,
                                       Matrix& storage) {
  const auto b = static_cast<Index>(terms.size());
  bool consecutive = true;
  for (Index j = 1; j < b && consecutive; ++j) consecutive = terms[j] == terms[0] + j;
  if (consecutive && b > 0) return source.middleCols(terms[0], b);
  storage.resize(source.rows(), b);
  for (Index j = 0; j < b; ++j) storage.col(j) = source.col(terms[j]);
  return storage;
}

Vector batch_entries(const Vector& source, std::span<const Index> terms) {
  Vector out(static_cast<Index>(terms.size()));
  for (std::size_t j = 0; j < terms.size(); ++j) out[static_cast<Index>(j)] = source[terms[j]];
  return out;
}

void softmax_columns(Matrix& z) {
  for (Index i = 0; i < z.cols(); ++i) {
    auto column = z.col(i);
    column = (column.array() - column.maxCoeff()).exp();
    column /= column.sum();
  }
}

double softmax_cross_entropy(Matrix& z, const Eigen::Ref<const Matrix>& t) {
  Vector losses(z.cols());
  for (Index i = 0; i < z.cols(); ++i) {
    auto column = z.col(i);
    column.array() -= column.maxCoeff();
    const double cross = t.col(i).dot(column);
    column = column.array().exp();
    const double partition = column.sum();
    column /= partition;
    losses[i] = std::log(partition) - cross;
  }
  return compensated_sum(losses);
}

double compensated_sum(const Eigen::Ref<const Vector>& v) {
  double sum = 0.0, compensation = 0.0;
  for (Index i = 0; i < v.size(); ++i) {
    const double next = sum + v[i];
    compensation += std::fabs(sum) >= std::fabs(v[i]) ? (sum - next) + v[i] : (v[i] - next) + sum;
    sum = next;
  }
  return sum + compensation;
}

Vector second_moment_eigenvalues(const Matrix& x) {
  const Matrix moment = x * x.transpose() / static_cast<double>(x.cols());
  return Eigen::SelfAdjointEigenSolver<Matrix>(moment, Eigen::EigenvaluesOnly).eigenvalues();
}

}  // namespace descent
