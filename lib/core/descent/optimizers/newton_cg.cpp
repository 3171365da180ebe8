#include "descent/optimizers/newton_cg.hpp"

#include <algorithm>
#include <cmath>

namespace descent {

void NewtonCg::reset(Index dim) {
  z_.resize(dim);
  r_.resize(dim);
  p_.resize(dim);
  hp_.resize(dim);
  search_.reset(dim);
}

StepStatus NewtonCg::step(Vector& x, StepContext& context) {
  const Vector& g = context.g();
  Evaluator& evaluator = context.evaluator();
  const double g_norm = g.norm();
  double eta = options_.eta;
  if (options_.forcing == Forcing::kSuperlinear) eta = std::min(0.5, std::sqrt(g_norm));
  if (options_.forcing == Forcing::kQuadratic) eta = std::min(0.5, g_norm);
  const double tolerance = eta * g_norm;
  const std::int64_t max_iterations =
      options_.max_cg_iterations > 0 ? options_.max_cg_iterations : static_cast<std::int64_t>(x.size());

  z_.setZero();
  r_ = g;
  p_ = -g;
  double rr = r_.squaredNorm();
  std::int64_t iterations = 0;
  bool negative_curvature = false;
  while (iterations < max_iterations) {
    evaluator.hessian_vector(x, p_, hp_);
    ++iterations;
    const double curvature = p_.dot(hp_);
    if (!(curvature > 0.0)) {
      negative_curvature = true;
      if (iterations == 1) z_ = -g;
      break;
    }
    const double a = rr / curvature;
    z_.noalias() += a * p_;
    r_.noalias() += a * hp_;
    const double rr_next = r_.squaredNorm();
    if (std::sqrt(rr_next) < tolerance) break;
    p_ = (rr_next / rr) * p_ - r_;
    rr = rr_next;
  }
  context.record("cg_iterations", static_cast<double>(iterations));
  context.record("negative_curvature", negative_curvature ? 1.0 : 0.0);
  return search_.move(x, z_, g.dot(z_), 1.0, options_.search, context);
}

}  // namespace descent
