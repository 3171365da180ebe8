// Evaluator: the only way a method reaches an objective. It counts every call to f, ∇f,
// ∇²f and Hv (f and ∇f together count one of each). Whether values are finite is the
// driver's test, at the accepted iterate only: a line search's trial may overflow and be
// rejected without ending the run (as Ceres counts an invalid trial as insufficient decrease).
#pragma once

#include <cstdint>
#include <span>

#include "descent/core/objective.hpp"

namespace descent {

struct EvalCounts {
  std::int64_t f = 0;
  std::int64_t grad = 0;
  std::int64_t hess = 0;
  std::int64_t hvp = 0;

  // Every call of any kind: the quantity `max_evals` bounds.
  std::int64_t total() const { return f + grad + hess + hvp; }
};

class Evaluator {
 public:
  explicit Evaluator(const Objective& objective) : objective_(objective) {}

  double value(const Vector& x);
  void gradient(const Vector& x, Vector& g);
  double value_gradient(const Vector& x, Vector& g);
  double batch_value_gradient(const Vector& x, std::span<const Index> terms, Vector& g);
  void hessian(const Vector& x, Matrix& h);
  void hessian_vector(const Vector& x, const Vector& v, Vector& hv);

  const Objective& objective() const { return objective_; }
  Index dim() const { return objective_.dim(); }
  const EvalCounts& counts() const { return counts_; }

 private:
  const Objective& objective_;
  EvalCounts counts_;
};

}  // namespace descent
