// Nonlinear CG: every β rule pinned against its formula, linear CG's finite termination with
// an (almost) exact line search, restarts, and the default curvature constant.
#include <catch2/catch.hpp>

#include "descent/objectives/classic/beale.hpp"
#include "descent/objectives/quadratic/quadratic.hpp"
#include "support/run_method.hpp"

using namespace descent;
using Catch::Matchers::WithinRel;

namespace {

const char* const kRules[] = {"fletcher_reeves", "polak_ribiere_plus", "hestenes_stiefel",
                              "dai_yuan"};

}  // namespace

TEST_CASE("with an exact line search CG ends an n-dimensional quadratic in at most n steps",
          "[cg][theory]") {
  // On a quadratic the zoom's cubic through two trials is φ itself: the strong Wolfe search
  // with c₂ = 1e-8 returns the exact minimiser along d up to rounding, and every β rule
  // reduces to linear CG. Rounding (κ = 100) leaves ‖g‖ near 1e-9 ‖g₀‖ after n steps.
  const Quadratic q({.dim = 8, .kappa = 100.0, .spectrum = Spectrum::kLogUniform,
                     .eigenvalues = {}, .rotation = {.rotate = true, .seed = 11}});
  const std::string rule = GENERATE(from_range(std::begin(kRules), std::end(kRules)));
  RunSettings settings;
  settings.max_iter = 8;
  const Vector x0 = q.standard_starts().front();
  Vector g0(8);
  q.gradient(x0, g0);
  settings.stop.grad_norm = 1e-8 * g0.norm();
  const auto result = test::run_method(
      "cg", {{"beta_rule", rule}, {"c1", 1e-10}, {"c2", 1e-8}, {"max_trials", std::int64_t{60}}},
      q, x0, settings);
  INFO(rule << ": " << to_string(result.stop_reason) << " after " << result.iterations);
  REQUIRE(result.stop_reason == StopReason::kConvergedGrad);
  REQUIRE(result.iterations == 8);
  // The n-th step is the one that ends it: five orders of magnitude in one step.
  REQUIRE(result.trace.grad_norm[7] > 1e-4 * g0.norm());
}

TEST_CASE("each β rule follows its formula", "[cg][exact]") {
  const Beale beale;
  const std::string rule = GENERATE(from_range(std::begin(kRules), std::end(kRules)));
  RunSettings settings;
  settings.max_iter = 2;
  const auto result = test::run_method("cg", {{"beta_rule", rule}}, beale, Vector{{1.0, 1.0}},
                                       settings);
  REQUIRE(result.iterations == 2);
  const auto gradient = [&](std::size_t k) {
    Vector g(2);
    beale.gradient(test::iterate(result, k), g);
    return g;
  };
  const Vector g0 = gradient(0), g1 = gradient(1);
  const Vector d0 = -g0, y = g1 - g0;
  double beta = 0.0;
  if (rule == "fletcher_reeves") beta = g1.squaredNorm() / g0.squaredNorm();
  if (rule == "polak_ribiere_plus") beta = std::max(0.0, g1.dot(y) / g0.squaredNorm());
  if (rule == "hestenes_stiefel") beta = g1.dot(y) / d0.dot(y);
  if (rule == "dai_yuan") beta = g1.squaredNorm() / d0.dot(y);
  const auto& recorded = test::column(result, "beta");
  INFO(rule);
  REQUIRE(recorded[1] == 0.0);  // the first step is −g
  REQUIRE_THAT(recorded[2], WithinRel(beta, 1e-12));
  // θ₂ = θ₁ + t (−g₁ + β d₀)
  const Vector d1 = -g1 + beta * d0;
  const Vector x2 = test::iterate(result, 1) + test::column(result, "step_size")[2] * d1;
  REQUIRE((test::iterate(result, 2) - x2).norm() <= 1e-12 * x2.norm());
}

TEST_CASE("cg restarts with −g every restart_every steps", "[cg][restart]") {
  const Beale beale;
  RunSettings settings;
  settings.max_iter = 7;
  const auto result = test::run_method("cg", {{"restart_every", std::int64_t{3}}}, beale,
                                       Vector{{1.0, 1.0}}, settings);
  const auto& restarted = test::column(result, "restarted");
  for (std::size_t k = 1; k <= 7; ++k)
    if ((k - 1) % 3 == 0) REQUIRE(restarted[k] == 1.0);
}

TEST_CASE("cg's strong Wolfe curvature constant defaults to 0.1", "[cg][config]") {
  const auto params = find_optimizer("cg")->normalize({});
  REQUIRE(std::get<double>(params.at("c2")) == 0.1);
  REQUIRE(std::get<std::string>(params.at("line_search")) == "strong_wolfe");
  REQUIRE(std::get<std::string>(params.at("beta_rule")) == "polak_ribiere_plus");
}
