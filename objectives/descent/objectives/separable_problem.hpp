// SeparableProblem<Problem>: the base of an n-D problem (problem.hpp) whose only parameter is
// `dim` and whose f is a sum of terms of one coordinate each, f(x) = Σᵢ fᵢ(xᵢ), so that ∇²f is
// diagonal. The problem supplies
//   template <class T> T term(Index i, const T& xi) const;   fᵢ(xᵢ), generic in T
//   double derivative(Index i, double xi) const;            ∂f/∂xᵢ
//   double second_derivative(Index i, double xi) const;     ∂²f/∂xᵢ²
// and the base derives `gradient`, `hessian` and `hessian_vector` from them, and `evaluate` as
// the sum of the terms in the order i = 0 … n − 1. A problem with a constant or a factor
// outside the sum writes its own `evaluate` around `sum_of_terms(x, start)`:
//   struct RastriginProblem : SeparableProblem<RastriginProblem> { … };
#pragma once

#include <span>

#include "descent/objectives/problem.hpp"

namespace descent {

template <class Problem>
struct SeparableProblem : DimensionProblem<> {
  using DimensionProblem::DimensionProblem;

  // start + f₀(x₀) + … + fₙ₋₁(xₙ₋₁), added left to right.
  template <class T>
  T sum_of_terms(std::span<const T> x, T start = T(0.0)) const {
    for (Index i = 0; i < dim_; ++i) start += self().term(i, x[i]);
    return start;
  }
  template <class T>
  T evaluate(std::span<const T> x) const {
    return sum_of_terms(x);
  }
  void gradient(const Vector& x, Vector& g) const {
    g.resize(dim_);
    for (Index i = 0; i < dim_; ++i) g[i] = self().derivative(i, x[i]);
  }
  void hessian(const Vector& x, Matrix& h) const {
    h.setZero(dim_, dim_);
    for (Index i = 0; i < dim_; ++i) h(i, i) = self().second_derivative(i, x[i]);
  }
  void hessian_vector(const Vector& x, const Vector& v, Vector& hv) const {
    hv.resize(dim_);
    for (Index i = 0; i < dim_; ++i) hv[i] = self().second_derivative(i, x[i]) * v[i];
  }

 private:
  const Problem& self() const { return static_cast<const Problem&>(*this); }
};

}  // namespace descent
