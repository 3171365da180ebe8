// The sum that the chained and extended Rosenbrock functions share:
//   Σ 100 (xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)²   over i = 0, s, 2s, … with i + 1 < n,
// consecutive coordinates for stride s = 1 (chained_rosenbrock.hpp), disjoint pairs for s = 2
// (extended_rosenbrock.hpp).
#pragma once

#include <span>

#include "descent/core/types.hpp"

namespace descent {

template <class T>
T rosenbrock_terms(std::span<const T> x, Index stride) {
  const auto n = static_cast<Index>(x.size());
  T sum = T(0.0);
  for (Index i = 0; i + 1 < n; i += stride) {
    const T valley = x[i + 1] - x[i] * x[i];
    const T offset = 1.0 - x[i];
    sum += 100.0 * valley * valley + offset * offset;
  }
  return sum;
}

}  // namespace descent
