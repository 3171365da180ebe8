// Regularized Newton: (H + αI)⁻¹g tends to gradient descent with rate 1/α, the saddle-free
// form escapes a saddle that pure Newton converges to, Levenberg–Marquardt adapts α, and the
// trace holds α and the count of negative eigenvalues.
#include <catch2/catch.hpp>

#include <cmath>

#include "descent/objectives/quadratic/quadratic.hpp"
#include "descent/objectives/classic/rosenbrock.hpp"
#include "descent/objectives/saddles/saddles.hpp"
#include "support/derivatives_at.hpp"
#include "support/run_method.hpp"
#include "support/tolerances.hpp"

using namespace descent;
using Catch::Matchers::WithinRel;

namespace {

const std::string kFixed = "fixed", kAdaptive = "adaptive", kAbs = "abs_eigen", kClamp = "clamp";

Vector one_step(const std::string& regularization, double alpha, const Objective& objective,
                const Vector& x0, ParamMap extra = {}) {
  RunSettings settings;
  settings.max_iter = 1;
  extra["regularization"] = regularization;
  extra["alpha"] = alpha;
  return test::run_method("regularized_newton", extra, objective, x0, settings).x_final;
}

}  // namespace

TEST_CASE("regularized Newton with α → ∞ follows gradient descent with learning rate 1/α",
          "[regularized_newton][theory]") {
  const Rosenbrock rosenbrock;
  const Vector x0{{-1.2, 1.0}};
  const auto [g, h] = test::derivatives_at(rosenbrock, x0);
  const double h_norm = h.norm();
  double previous_gap = std::numeric_limits<double>::infinity();
  for (double alpha : {1e4, 1e6, 1e8}) {
    const Vector gd_step = -g / alpha;
    const Vector step = one_step(kFixed, alpha, rosenbrock, x0) - x0;
    // (H + αI)⁻¹ = α⁻¹(I − H/α + …): the gap to −g/α is at most ‖H‖/α of its length.
    const double gap = (step - gd_step).norm() / gd_step.norm();
    INFO("alpha = " << alpha << ", relative gap " << gap);
    REQUIRE(gap <= 1.01 * h_norm / alpha);
    REQUIRE(gap < previous_gap / 50.0);
    previous_gap = gap;
  }
}

TEST_CASE("regularized Newton with α = 0 is Newton's step", "[regularized_newton][exact]") {
  const Rosenbrock rosenbrock;
  const Vector x0{{-1.2, 1.0}};
  RunSettings settings;
  settings.max_iter = 1;
  const Vector newton = test::run_method("newton", {}, rosenbrock, x0, settings).x_final;
  const Vector regularized = one_step(kFixed, 0.0, rosenbrock, x0);
  REQUIRE_THAT(regularized[0], WithinRel(newton[0], test::kLinearSolve));
  REQUIRE_THAT(regularized[1], WithinRel(newton[1], test::kLinearSolve));
}

TEST_CASE("near a saddle pure Newton converges to it and the saddle-free form escapes",
          "[regularized_newton][saddle][theory]") {
  const Saddle saddle;
  const Vector x0{{0.3, 1e-3}};
  RunSettings settings;
  settings.max_iter = 100;
  settings.stop.grad_norm = 1e-12;
  settings.stop.f_target = -1e6;

  const auto newton = test::run_method("newton", {}, saddle, x0, settings);
  REQUIRE(newton.stop_reason == StopReason::kConvergedGrad);
  REQUIRE(newton.x_final.norm() == 0.0);

  // |H| = 2I: d = −(x, −y), so x → 0 in one step and y doubles at every step.
  const auto saddle_free = test::run_method(
      "regularized_newton", {{"regularization", kAbs}, {"alpha", 0.0}}, saddle, x0, settings);
  REQUIRE(saddle_free.stop_reason == StopReason::kTargetReached);
  REQUIRE_THAT(test::iterate(saddle_free, 1)[1], WithinRel(2e-3, test::kExactStep));
  REQUIRE(test::iterate(saddle_free, 1)[0] == 0.0);
  REQUIRE(saddle_free.iterations == 20);  // 1e-3 · 2²⁰ ≈ 1049 > 1000 = √(10⁶)
  for (double count : test::column(saddle_free, "negative_eigenvalues"))
    if (!std::isnan(count)) REQUIRE(count == 1.0);
}

TEST_CASE("clamping floors the eigenvalues at δ", "[regularized_newton][exact]") {
  // H = diag(2, −2) → diag(2, δ): d = −(2x/2, −2y/δ)
  const Saddle saddle;
  const Vector x0{{0.3, 0.1}};
  const Vector x1 = one_step(kClamp, 0.0, saddle, x0, {{"delta", 0.5}});
  REQUIRE(std::fabs(x1[0]) <= 1e-16);
  REQUIRE_THAT(x1[1], WithinRel(0.1 + 2.0 * 0.1 / 0.5, test::kExactStep));
}

TEST_CASE("adaptive α falls after every successful step and rises after a failed one",
          "[regularized_newton][adaptive]") {
  RunSettings settings;
  settings.stop.grad_norm = 1e-10;
  SECTION("on a convex quadratic every step succeeds: α = α₀ / 10ᵏ") {
    const Quadratic q({.dim = 3, .kappa = 10.0, .spectrum = Spectrum::kLinear,
                       .eigenvalues = {}, .rotation = {.rotate = false, .seed = 0}});
    settings.max_iter = 3;
    const auto result = test::run_method("regularized_newton",
                                         {{"regularization", kAdaptive}, {"alpha", 1.0}}, q,
                                         q.standard_starts().front(), settings);
    const auto& alpha = test::column(result, "alpha");
    REQUIRE_THAT(alpha[1], WithinRel(1.0, test::kExactStep));
    REQUIRE_THAT(alpha[2], WithinRel(0.1, test::kExactStep));
    REQUIRE_THAT(alpha[3], WithinRel(0.01, test::kExactStep));
  }
  SECTION("on Rosenbrock f never rises, and some step needs a larger α") {
    const Rosenbrock rosenbrock;
    const auto result = test::run_method("regularized_newton",
                                         {{"regularization", kAdaptive}, {"alpha", 1e-4}},
                                         rosenbrock, Vector{{-1.2, 1.0}}, settings);
    REQUIRE(result.stop_reason == StopReason::kConvergedGrad);
    for (std::size_t k = 1; k < result.trace.size(); ++k)
      REQUIRE(result.trace.f[k] < result.trace.f[k - 1]);
    const auto& trials = test::column(result, "ls_trials");
    REQUIRE(*std::max_element(trials.begin() + 1, trials.end()) > 1.0);
  }
}

TEST_CASE("regularized_newton rejects inconsistent settings", "[regularized_newton][config]") {
  const auto* entry = find_optimizer("regularized_newton");
  REQUIRE_THROWS_AS(entry->make({{"regularization", kAdaptive},
                                 {"line_search", std::string("armijo")}}),
                    ConfigError);
  REQUIRE_THROWS_AS(entry->make({{"regularization", kAdaptive}, {"alpha", 0.0}}), ConfigError);
  REQUIRE_THROWS_AS(entry->make({{"alpha_increase", 1.0}}), ConfigError);
  REQUIRE_THROWS_AS(entry->make({{"delta", 0.0}}), ConfigError);
}
