#include "descent/optimizers/bfgs.hpp"

#include <cmath>

namespace descent {

void Bfgs::reset(Index dim) {
  inverse_hessian_.setIdentity(dim, dim);
  direction_.resize(dim);
  s_.resize(dim);
  y_.resize(dim);
  hy_.resize(dim);
  updated_ = false;
  search_.reset(dim);
}

StepStatus Bfgs::step(Vector& x, StepContext& context) {
  const Vector& g = context.g();
  direction_.noalias() = -(inverse_hessian_.selfadjointView<Eigen::Lower>() * g);
  // While H = H₀ = I the step −g has no scale: cap its length at 1.
  const double t0 = updated_ ? 1.0 : std::fmin(1.0, 1.0 / g.norm());
  const StepStatus status =
      search_.move(x, direction_, g.dot(direction_), t0, options_.search, context);
  if (status != StepStatus::kOk) return status;
  s_ = x - search_.previous_x();
  y_ = search_.gradient() - g;
  update(context);
  return StepStatus::kOk;
}

// Only the lower triangle of H is stored and updated.
void Bfgs::update(StepContext& context) {
  double sy = s_.dot(y_);
  context.record("curvature", sy);
  const auto h = inverse_hessian_.selfadjointView<Eigen::Lower>();
  if (!updated_ && options_.initial_scaling == InitialScaling::kScaled && sy > 0.0)
    inverse_hessian_.diagonal().setConstant(sy / y_.squaredNorm());
  hy_.noalias() = h * y_;
  double yhy = y_.dot(hy_);
  if (options_.nonpositive_curvature == NonpositiveCurvature::kDamp) {
    const double theta = sy >= 0.2 * yhy ? 1.0 : 0.8 * yhy / (yhy - sy);
    context.record("damping", theta);
    if (theta < 1.0) {
      s_ = theta * s_ + (1.0 - theta) * hy_;
      sy = s_.dot(y_);
    }
  }
  if (!(sy > 1e-10 * s_.norm() * y_.norm())) {
    context.record("update_skipped", 1.0);
    return;
  }
  context.record("update_skipped", 0.0);
  // H⁺ = H − ρ (Hy sᵀ + s (Hy)ᵀ) + (ρ² yᵀHy + ρ) s sᵀ
  const double rho = 1.0 / sy;
  inverse_hessian_.selfadjointView<Eigen::Lower>().rankUpdate(hy_, s_, -rho);
  inverse_hessian_.selfadjointView<Eigen::Lower>().rankUpdate(s_, rho * rho * yhy + rho);
  updated_ = true;
}

}  // namespace descent
