#include "descent/optimizers/newton_system.hpp"

#include <limits>

namespace descent {

NewtonSystem::Result NewtonSystem::solve(const Matrix& h, const Vector& g, Vector& d) {
  constexpr double kEps = std::numeric_limits<double>::epsilon();
  llt_.compute(h);
  if (llt_.info() == Eigen::Success) {
    if (!(llt_.rcond() > kEps)) return Result::kSingular;
    d = -g;
    llt_.solveInPlace(d);
    return Result::kPositiveDefinite;
  }
  ldlt_.compute(h);
  if (ldlt_.info() != Eigen::Success || !(ldlt_.rcond() > kEps)) return Result::kSingular;
  d = -g;
  ldlt_.solveInPlace(d);
  return Result::kIndefinite;
}

}  // namespace descent
