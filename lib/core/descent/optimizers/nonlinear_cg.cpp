#include "descent/optimizers/nonlinear_cg.hpp"

#include <algorithm>
#include <cmath>

namespace descent {

void NonlinearCg::reset(Index dim) {
  direction_.resize(dim);
  previous_g_.resize(dim);
  previous_gg_ = previous_step_ = previous_slope_ = 0.0;
  since_restart_ = 0;
  steps_ = 0;
  search_.reset(dim);
}

double NonlinearCg::beta(const Vector& g) const {
  switch (options_.beta_rule) {
    case BetaRule::kFletcherReeves: return g.squaredNorm() / previous_gg_;
    case BetaRule::kPolakRibierePlus:
      return std::max(0.0, (g.squaredNorm() - g.dot(previous_g_)) / previous_gg_);
    case BetaRule::kHestenesStiefel:
      return (g.squaredNorm() - g.dot(previous_g_)) /
             (direction_.dot(g) - direction_.dot(previous_g_));
    case BetaRule::kDaiYuan:
      return g.squaredNorm() / (direction_.dot(g) - direction_.dot(previous_g_));
  }
  return 0.0;
}

StepStatus NonlinearCg::step(Vector& x, StepContext& context) {
  const Vector& g = context.g();
  const Index period = options_.restart_every > 0 ? options_.restart_every : x.size();
  const bool first = steps_ == 0;
  bool restart = first || since_restart_ >= period;
  double b = 0.0;
  if (!restart) {
    b = beta(g);
    if (std::isfinite(b)) {
      direction_ = b * direction_ - g;
      restart = !(direction_.dot(g) < 0.0);
    } else {
      restart = true;
    }
  }
  if (restart) {
    b = 0.0;
    direction_ = -g;
    since_restart_ = 0;
  }
  context.record("beta", b);
  context.record("restarted", restart ? 1.0 : 0.0);

  const double slope = direction_.dot(g);
  double t0 = first ? std::fmin(1.0, 1.0 / g.norm()) : previous_step_ * previous_slope_ / slope;
  if (!(t0 > 0.0 && std::isfinite(t0))) t0 = 1.0;
  const StepStatus status = search_.move(x, direction_, slope, t0, options_.search, context);
  if (status != StepStatus::kOk) return status;
  previous_g_ = g;
  previous_gg_ = g.squaredNorm();
  previous_step_ = search_.result().step;
  previous_slope_ = search_.initial_slope();
  ++since_restart_;
  ++steps_;
  return StepStatus::kOk;
}

}  // namespace descent
