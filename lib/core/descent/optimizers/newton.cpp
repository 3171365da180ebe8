#include "descent/optimizers/newton.hpp"

namespace descent {

void Newton::reset(Index dim) {
  search_.reset(dim);
  hessian_.resize(dim, dim);
  direction_.resize(dim);
}

StepStatus Newton::step(Vector& x, StepContext& context) {
  context.evaluator().hessian(x, hessian_);
  if (system_.solve(hessian_, context.g(), direction_) == NewtonSystem::Result::kSingular)
    return StepStatus::kHessianSingular;
  return search_.move(x, direction_, context.g().dot(direction_), 1.0, options_.search, context);
}

}  // namespace descent
