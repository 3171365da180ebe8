// Small building blocks of the finite-sum objectives' minibatch passes.
#pragma once

#include <cmath>
#include <span>

#include "descent/core/types.hpp"

namespace descent {

// The columns `terms` of `source`, side by side: a view into `source` when the terms are
// consecutive (the full batch, with no copy), else gathered into `storage`.
Eigen::Ref<const Matrix> batch_columns(const Matrix& source, std::span<const Index> terms,
                                       Matrix& storage);

// The entries `terms` of `source`.
Vector batch_entries(const Vector& source, std::span<const Index> terms);

// σ(u) = 1/(1 + e⁻ᵘ), evaluated without overflow on either side.
inline double sigmoid(double u) {
  if (u >= 0.0) return 1.0 / (1.0 + std::exp(-u));
  const double e = std::exp(u);
  return e / (1.0 + e);
}

// Column-wise softmax of z in place (shifted by each column's maximum, so it never
// overflows); returns the sum over columns of log Σₖ exp(zₖ).
double softmax_columns(Matrix& z);

}  // namespace descent
