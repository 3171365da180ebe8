// Small building blocks of the finite-sum objectives' minibatch passes.
#pragma once

#include <span>

#include "descent/core/types.hpp"

namespace descent {

// The columns `terms` of `source`, side by side: a view into `source` when the terms are
// consecutive (the full batch, with no copy), else gathered into `storage`.
Eigen::Ref<const Matrix> batch_columns(const Matrix& source, std::span<const Index> terms,
                                       Matrix& storage);

// The entries `terms` of `source`.
Vector batch_entries(const Vector& source, std::span<const Index> terms);

// Column-wise softmax of z in place (shifted by each column's maximum, so it never
// overflows); returns the sum over columns of log Σₖ exp(zₖ).
double softmax_columns(Matrix& z);

// Eigenvalues (ascending) of the second moment XXᵀ/m of the m columns of X: the Hessian of
// (1/2m)‖W X − Y‖²_F in vec W is (XXᵀ/m) ⊗ I, with these eigenvalues.
Vector second_moment_eigenvalues(const Matrix& x);

}  // namespace descent
