// Newton's method: one step on a quadratic, the exact step −H⁻¹g, quadratic convergence,
// saddles, and the failures it reports as stop reasons.
#include <catch2/catch.hpp>

#include "descent/objectives/quadratic/quadratic.hpp"
#include "descent/objectives/classic/rosenbrock.hpp"
#include "descent/objectives/saddles/saddles.hpp"
#include "support/derivatives_at.hpp"
#include "support/local_objectives.hpp"
#include "support/run_method.hpp"
#include "support/tolerances.hpp"

using namespace descent;
using Catch::Matchers::WithinRel;

TEST_CASE("Newton solves an SPD quadratic in one step", "[newton][theory]") {
  const Index dim = GENERATE(2, 10, 50);
  const double kappa = GENERATE(10.0, 1e4);
  const Quadratic q({.dim = dim, .kappa = kappa, .spectrum = Spectrum::kLogUniform,
                     .eigenvalues = {}, .rotation = {.rotate = true, .seed = 7}});
  RunSettings settings;
  settings.stop.grad_norm = 1e-9;
  const Vector x0 = q.standard_starts().front();
  const auto result = test::run_method("newton", {}, q, x0, settings);
  REQUIRE(result.stop_reason == StopReason::kConvergedGrad);
  REQUIRE(result.iterations == 1);
  REQUIRE(result.x_final.norm() <= 1e-14 * kappa * x0.norm());
  REQUIRE(result.evals.hess == 1);
}

TEST_CASE("a Newton step is θ − H⁻¹g", "[newton][exact]") {
  const Rosenbrock rosenbrock;
  const Vector x0{{-1.2, 1.0}};
  const auto [g, h] = test::derivatives_at(rosenbrock, x0);
  // 2×2 inverse by hand
  const double det = h(0, 0) * h(1, 1) - h(0, 1) * h(1, 0);
  const Vector step{{-(h(1, 1) * g[0] - h(0, 1) * g[1]) / det,
                     -(-h(1, 0) * g[0] + h(0, 0) * g[1]) / det}};
  RunSettings settings;
  settings.max_iter = 1;
  const auto result = test::run_method("newton", {}, rosenbrock, x0, settings);
  const Vector x1 = x0 + step;
  REQUIRE_THAT(result.x_final[0], WithinRel(x1[0], test::kLinearSolve));
  REQUIRE_THAT(result.x_final[1], WithinRel(x1[1], test::kLinearSolve));
}

TEST_CASE("Newton converges quadratically on Rosenbrock near the minimum", "[newton][theory]") {
  const Rosenbrock rosenbrock;
  RunSettings settings;
  settings.max_iter = 20;
  settings.stop.grad_norm = 1e-13;
  const auto result = test::run_method("newton", {}, rosenbrock, Vector{{0.8, 0.7}}, settings);
  REQUIRE(result.stop_reason == StopReason::kConvergedGrad);
  const Vector minimum{{1.0, 1.0}};
  std::vector<double> errors;
  for (std::size_t k = 0; k < result.trace.size(); ++k)
    errors.push_back((test::iterate(result, k) - minimum).norm());
  int measured = 0;
  for (std::size_t k = 0; k + 1 < errors.size(); ++k) {
    if (errors[k] < 1e-7) break;  // below this, rounding dominates e_{k+1}
    INFO("k = " << k << ": e_k = " << errors[k] << ", e_{k+1} = " << errors[k + 1]);
    // e_{k+1} ≤ C e_k²: from (0.8, 0.7) the ratios stay between 0.2 and 13 (they alternate
    // as the iterates cross the valley), where a linear rate would make them grow as 1/e_k.
    REQUIRE(errors[k + 1] / (errors[k] * errors[k]) < 20.0);
    ++measured;
  }
  REQUIRE(measured >= 3);
  REQUIRE(errors.back() < 1e-12);
}

TEST_CASE("pure Newton started near a saddle converges to the saddle", "[newton][saddle]") {
  const Saddle saddle;
  RunSettings settings;
  settings.stop.grad_norm = 1e-12;
  const auto result = test::run_method("newton", {}, saddle, Vector{{0.3, -0.2}}, settings);
  REQUIRE(result.stop_reason == StopReason::kConvergedGrad);
  REQUIRE(result.x_final.norm() == 0.0);
}

TEST_CASE("Newton reports a singular Hessian and a non-descent direction as stop reasons",
          "[newton][failure]") {
  RunSettings settings;
  SECTION("hessian_singular") {
    const test::Valley valley;
    const Vector x0{{1.0, 2.0}};
    const auto result = test::run_method("newton", {}, valley, x0, settings);
    REQUIRE(result.stop_reason == StopReason::kHessianSingular);
    REQUIRE(result.iterations == 0);
    REQUIRE(result.x_final == x0);
  }
  SECTION("not_descent with a line search on an indefinite H") {
    // d = −H⁻¹g = (−0.1, −1) and gᵀd = 1.98 > 0 at (0.1, 1) on x² − y².
    const Saddle saddle;
    const auto result = test::run_method("newton", {{"line_search", std::string("armijo")}},
                                         saddle, Vector{{0.1, 1.0}}, settings);
    REQUIRE(result.stop_reason == StopReason::kNotDescent);
    REQUIRE(result.status() == RunStatus::kFailed);
  }
}

TEST_CASE("Newton with a line search records step size and trials", "[newton][trace]") {
  const Rosenbrock rosenbrock;
  RunSettings settings;
  settings.stop.grad_norm = 1e-8;
  const auto result = test::run_method("newton", {{"line_search", std::string("strong_wolfe")}},
                                       rosenbrock, Vector{{-1.2, 1.0}}, settings);
  REQUIRE(result.stop_reason == StopReason::kConvergedGrad);
  const auto& steps = test::column(result, "step_size");
  const auto& trials = test::column(result, "ls_trials");
  REQUIRE(steps.size() == result.trace.size());
  REQUIRE(std::isnan(steps.front()));  // row 0 is the start, before any step
  for (std::size_t k = 1; k < steps.size(); ++k) {
    REQUIRE(steps[k] > 0.0);
    REQUIRE(trials[k] >= 1.0);
  }
  REQUIRE(steps.back() == 1.0);  // near the minimum the full Newton step is taken
}
