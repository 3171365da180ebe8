// NewtonSystem: solves H d = −g for a symmetric H, the linear algebra of a Newton step.
// Cholesky (LLᵀ, blocked) when H is positive definite; otherwise LDLᵀ with symmetric
// pivoting, which also solves indefinite systems (pure Newton heads for the stationary point
// of the quadratic model, saddle or not). H is singular when the reciprocal condition
// estimate of its factorisation is below machine epsilon. The factorisations are sized by
// their first compute() and reuse that storage; they are never reassigned, since Eigen leaves
// a default-constructed decomposition's info() uninitialised and a move would copy it.
#pragma once

#include <Eigen/Cholesky>

#include "descent/core/types.hpp"

namespace descent {

class NewtonSystem {
 public:
  enum class Result { kPositiveDefinite, kIndefinite, kSingular };

  // d = −H⁻¹ g unless kSingular.
  Result solve(const Matrix& h, const Vector& g, Vector& d);

 private:
  Eigen::LLT<Matrix> llt_;
  Eigen::LDLT<Matrix> ldlt_;
};

}  // namespace descent
