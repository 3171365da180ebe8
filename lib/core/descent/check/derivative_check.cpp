#include "descent/check/derivative_check.hpp"

#include <algorithm>
#include <cmath>
#include <random>

namespace descent {

void DerivativeCheckOptions::validate() const {
  if (!(smallest_step < largest_step))
    throw ConfigError("smallest_step", "key 'smallest_step' = " + detail::real_text(smallest_step) +
                                           " must be < largest_step = " + detail::real_text(largest_step));
}

namespace {

std::vector<double> step_ladder(const DerivativeCheckOptions& options) {
  std::vector<double> steps;
  const double ratio = std::pow(10.0, -1.0 / static_cast<double>(options.steps_per_decade));
  // Multiply from the top; stop within rounding of the smallest step.
  for (double h = options.largest_step; h >= options.smallest_step * (1.0 - 1e-9); h *= ratio)
    steps.push_back(h);
  return steps;
}

double relative_error(const Eigen::Ref<const Matrix>& estimate, const Eigen::Ref<const Matrix>& exact) {
  const double scale = std::max(1.0, exact.cwiseAbs().maxCoeff());
  return (estimate - exact).cwiseAbs().maxCoeff() / scale;
}

Vector random_point(const Box& box, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  Vector x(box.lower.size());
  for (Index i = 0; i < x.size(); ++i) x[i] = box.lower[i] + (box.upper[i] - box.lower[i]) * unit(rng);
  return x;
}

Vector random_unit_direction(Index n, std::mt19937_64& rng) {
  std::normal_distribution<double> normal;
  Vector u(n);
  for (Index i = 0; i < n; ++i) u[i] = normal(rng);
  return u.normalized();
}

// Errors of the four difference quotients at one point and step.
StepErrors coordinate_errors(const Objective& objective, const Vector& x, double f, const Vector& g,
                             const Vector& grad_at_x, const Matrix& h, double step) {
  const Index n = x.size();
  Vector central_g(n), forward_g(n), g_plus, g_minus;
  Matrix central_h(n, n), forward_h(n, n);
  Vector probe = x;
  for (Index i = 0; i < n; ++i) {
    const double hi = step * std::max(1.0, std::abs(x[i]));
    probe[i] = x[i] + hi;
    const double f_plus = objective.value(probe);
    objective.gradient(probe, g_plus);
    probe[i] = x[i] - hi;
    const double f_minus = objective.value(probe);
    objective.gradient(probe, g_minus);
    probe[i] = x[i];
    central_g[i] = (f_plus - f_minus) / (2.0 * hi);
    forward_g[i] = (f_plus - f) / hi;
    central_h.col(i) = (g_plus - g_minus) / (2.0 * hi);
    forward_h.col(i) = (g_plus - grad_at_x) / hi;
  }
  return {step, relative_error(central_g, g), relative_error(forward_g, g),
          relative_error(central_h, h), relative_error(forward_h, h)};
}

StepErrors directional_errors(const Objective& objective, const Vector& x, double f, const Vector& g,
                              const Vector& u, const Vector& hu, double step) {
  const double hx = step * std::max(1.0, x.cwiseAbs().maxCoeff());
  Vector g_plus, g_minus;
  const Vector plus = x + hx * u, minus = x - hx * u;
  const double f_plus = objective.value(plus), f_minus = objective.value(minus);
  objective.gradient(plus, g_plus);
  objective.gradient(minus, g_minus);
  const Matrix slope = Matrix::Constant(1, 1, g.dot(u));
  const Matrix central_slope = Matrix::Constant(1, 1, (f_plus - f_minus) / (2.0 * hx));
  const Matrix forward_slope = Matrix::Constant(1, 1, (f_plus - f) / hx);
  return {step, relative_error(central_slope, slope), relative_error(forward_slope, slope),
          relative_error((g_plus - g_minus) / (2.0 * hx), hu), relative_error((g_plus - g) / hx, hu)};
}

}  // namespace

DerivativeCheckReport check_derivatives(const Objective& objective, const DerivativeCheckOptions& options) {
  validate_fields(options);
  DerivativeCheckReport report;
  report.dim = objective.dim();
  report.points = options.points;
  report.directional = objective.dim() > options.full_check_max_dim;
  const auto steps = step_ladder(options);
  for (double step : steps) report.errors.push_back({step, 0.0, 0.0, 0.0, 0.0});

  std::mt19937_64 rng(static_cast<std::uint64_t>(options.seed));
  const Box box = objective.domain();
  for (std::int64_t p = 0; p < options.points; ++p) {
    const Vector x = random_point(box, rng);
    Vector g;
    const double f = objective.value_gradient(x, g);
    Matrix h;
    Vector u, hu;
    if (report.directional) {
      u = random_unit_direction(x.size(), rng);
      objective.hessian_vector(x, u, hu);
    } else {
      objective.hessian(x, h);
    }
    for (std::size_t k = 0; k < steps.size(); ++k) {
      const StepErrors e = report.directional ? directional_errors(objective, x, f, g, u, hu, steps[k])
                                              : coordinate_errors(objective, x, f, g, g, h, steps[k]);
      auto& worst = report.errors[k];
      // NaN (a step that left the domain of definition) counts as the worst possible error.
      const auto worse = [](double a, double b) { return std::isnan(b) ? INFINITY : std::max(a, b); };
      worst.gradient_central = worse(worst.gradient_central, e.gradient_central);
      worst.gradient_forward = worse(worst.gradient_forward, e.gradient_forward);
      worst.hessian_central = worse(worst.hessian_central, e.hessian_central);
      worst.hessian_forward = worse(worst.hessian_forward, e.hessian_forward);
    }
  }
  const auto best = [&](double StepErrors::*error, double& best_step, double& best_error) {
    const auto it = std::min_element(report.errors.begin(), report.errors.end(),
                                     [&](const StepErrors& a, const StepErrors& b) { return a.*error < b.*error; });
    best_step = it->step;
    best_error = (*it).*error;
  };
  best(&StepErrors::gradient_central, report.best_gradient_step, report.best_gradient_error);
  best(&StepErrors::hessian_central, report.best_hessian_step, report.best_hessian_error);
  report.passed = report.best_gradient_error <= options.tolerance && report.best_hessian_error <= options.tolerance;
  return report;
}

}  // namespace descent
