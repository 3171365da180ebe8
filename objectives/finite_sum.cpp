#include "objectives/finite_sum.hpp"

#include <numeric>
#include <string>

#include "descent/core/config_error.hpp"

namespace descent {

void FiniteSumObjective::set_num_terms(Index m) {
  all_terms_.resize(static_cast<std::size_t>(m));
  std::iota(all_terms_.begin(), all_terms_.end(), Index{0});
}

void FiniteSumObjective::hessian(const Vector& x, Matrix& h) const {
  const Index n = dim();
  if (n > kMaxDenseHessianDim)
    throw ConfigError("hessian", std::string("a dense Hessian needs dim <= ")
                                     .append(std::to_string(kMaxDenseHessianDim))
                                     .append(" (this objective has dim ")
                                     .append(std::to_string(n))
                                     .append("): use a Hessian-vector method"));
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
