#include "descent/optimizers/regularized_newton.hpp"

#include <cmath>
#include <limits>

namespace descent {

void RegularizedNewtonOptions::validate() const {
  if (regularization != Regularization::kAdaptive) return;
  if (!(alpha > 0.0))
    throw ConfigError("alpha", "key 'alpha' = " + detail::real_text(alpha) +
                                   " breaks the rule 0 < alpha for regularization = \"adaptive\"");
  if (search.line_search != LineSearchKind::kNone)
    throw ConfigError("line_search", "regularization = \"adaptive\" needs line_search = \"none\" "
                                     "(it accepts or rejects whole steps itself)");
}

void RegularizedNewton::reset(Index dim) {
  alpha_ = options_.alpha;
  hessian_.resize(dim, dim);
  shifted_.resize(dim);
  rotated_gradient_.resize(dim);
  direction_.resize(dim);
  trial_x_.resize(dim);
  trial_g_.resize(dim);
  search_.reset(dim);
}

void RegularizedNewton::solve(const Vector& g) {
  const Matrix& q = eigen_.eigenvectors();
  rotated_gradient_.noalias() = q.transpose() * g;
  rotated_gradient_.array() /= shifted_.array();
  direction_.noalias() = -(q * rotated_gradient_);
}

StepStatus RegularizedNewton::step(Vector& x, StepContext& context) {
  context.evaluator().hessian(x, hessian_);
  // A Hessian that is not finite ends the run: the evaluator has noted it, and the driver
  // stops with non_finite after a step that does not move.
  if (!hessian_.allFinite()) return StepStatus::kOk;
  eigen_.compute(hessian_);
  if (eigen_.info() != Eigen::Success) return StepStatus::kHessianSingular;
  const Vector& lambda = eigen_.eigenvalues();
  context.record("negative_eigenvalues", static_cast<double>((lambda.array() < 0.0).count()));
  if (options_.regularization == Regularization::kAdaptive) return adaptive_step(x, context);

  switch (options_.regularization) {
    case Regularization::kAbsEigen: shifted_ = lambda.cwiseAbs(); break;
    case Regularization::kClamp: shifted_ = lambda.cwiseMax(options_.delta); break;
    default: shifted_ = lambda; break;
  }
  shifted_.array() += alpha_;
  const double n_eps = static_cast<double>(x.size()) * std::numeric_limits<double>::epsilon();
  if (!(shifted_.cwiseAbs().minCoeff() > n_eps * shifted_.cwiseAbs().maxCoeff()))
    return StepStatus::kHessianSingular;
  context.record("alpha", alpha_);
  solve(context.g());
  return search_.move(x, direction_, context.g().dot(direction_), 1.0, options_.search, context);
}

StepStatus RegularizedNewton::adaptive_step(Vector& x, StepContext& context) {
  const Vector& lambda = eigen_.eigenvalues();
  LineFunction line(context.evaluator(), x, direction_, trial_x_, trial_g_);
  for (std::int64_t evaluations = 0; evaluations < options_.search.max_trials;) {
    shifted_ = lambda.array() + alpha_;
    if (!(shifted_.minCoeff() > 0.0)) {
      alpha_ *= options_.alpha_increase;
      continue;
    }
    solve(context.g());
    const double f = line.value_at(1.0);
    ++evaluations;
    if (std::isfinite(f) && f < context.f()) {
      line.slope_at_last();
      context.record("alpha", alpha_);
      context.record("ls_trials", static_cast<double>(evaluations));
      context.record("step_size", 1.0);
      x.swap(trial_x_);
      context.set_values_at_new_iterate(f, trial_g_);
      alpha_ /= options_.alpha_decrease;
      return StepStatus::kOk;
    }
    alpha_ *= options_.alpha_increase;
  }
  return StepStatus::kLineSearchFailed;
}

}  // namespace descent
