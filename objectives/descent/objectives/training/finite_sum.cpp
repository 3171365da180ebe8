#include "descent/objectives/training/finite_sum.hpp"

#include <numeric>
#include <string>

#include "descent/core/config_error.hpp"

namespace descent {

void FiniteSumObjective::set_num_terms(Index m) {
  all_terms_.resize(static_cast<std::size_t>(m));
  std::iota(all_terms_.begin(), all_terms_.end(), Index{0});
}

void FiniteSumObjective::hessian(const Vector& x, Matrix& h) const {
  check_dense_hessian(*this);
  const Index n = dim();
  h.resize(n, n);
  Vector e = Vector::Zero(n), column;
  for (Index j = 0; j < n; ++j) {
    e[j] = 1.0;
    hessian_vector(x, e, column);
    h.col(j) = column;
    e[j] = 0.0;
  }
  h = 0.5 * (h + h.transpose()).eval();  // exactly symmetric
}

}  // namespace descent
