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

// The L2-regularised training loss (1/m) Σᵢ ℓᵢ + (λ/2)‖θ‖² from the summed loss Σᵢ ℓᵢ over
// m examples: the tail of the finite-sum objectives' evaluate<T>, generic in T.
template <class T>
T l2_regularized_mean(const T& loss_sum, Index m, double l2, std::span<const T> theta) {
  T norm2 = T(0.0);
  for (const T& t : theta) norm2 += t * t;
  return loss_sum / static_cast<double>(m) + 0.5 * l2 * norm2;
}

// σ(u) = 1/(1 + e⁻ᵘ), evaluated without overflow on either side.
inline double sigmoid(double u) {
  if (u >= 0.0) return 1.0 / (1.0 + std::exp(-u));
  const double e = std::exp(u);
  return e / (1.0 + e);
}

// Column-wise softmax of z in place (shifted by each column's maximum, so it never
// overflows).
void softmax_columns(Matrix& z);

// The summed cross-entropy of the logits z against targets t whose columns sum to one,
//   Σᵢ ℓᵢ,   ℓᵢ = log Σₖ exp(zₖᵢ) − tᵢᵀzᵢ = log Σₖ exp(zₖᵢ − mᵢ) − tᵢᵀ(zᵢ − mᵢ),  mᵢ = maxₖ zₖᵢ,
// with each ℓᵢ formed from the shifted logits and the ℓᵢ added by compensated_sum: no two
// large sums that nearly cancel, so the result carries a few ulps of rounding, not ulps of
// Σᵢ log Σₖ exp(zₖᵢ). Leaves the column-wise softmax of z in z.
double softmax_cross_entropy(Matrix& z, const Eigen::Ref<const Matrix>& t);

// Σ v by Neumaier's compensated summation (Kahan–Babuška; Higham 2002, §4.3): the error
// is about one rounding of the result, independent of the number of terms.
double compensated_sum(const Eigen::Ref<const Vector>& v);

// Eigenvalues (ascending) of the second moment XXᵀ/m of the m columns of X: the Hessian of
// (1/2m)‖W X − Y‖²_F in vec W is (XXᵀ/m) ⊗ I, with these eigenvalues.
Vector second_moment_eigenvalues(const Matrix& x);

}  // namespace descent
