// The products of all but one of n numbers, without division (so a zero among them is
// harmless): with before[i] = Π_{k<i} vₖ and after[i] = Π_{k≥i} vₖ (n + 1 entries each,
// before[0] = after[n] = 1), Π_{k≠i} vₖ = before[i]·after[i+1].
#pragma once

#include "descent/core/types.hpp"

namespace descent {

inline void partial_products(const Vector& v, Vector& before, Vector& after) {
  const Index n = v.size();
  before.resize(n + 1);
  after.resize(n + 1);
  before[0] = 1.0;
  for (Index i = 0; i < n; ++i) before[i + 1] = before[i] * v[i];
  after[n] = 1.0;
  for (Index i = n; i-- > 0;) after[i] = after[i + 1] * v[i];
}

}  // namespace descent
