// The line searches: every accepted step satisfies the conditions its search claims, the
// accepted point's values are the ones left for the driver, and failure is a status.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "descent/line_search/armijo.hpp"
#include "descent/line_search/strong_wolfe.hpp"
#include "descent/objectives/classic/beale.hpp"
#include "descent/objectives/quadratic/quadratic.hpp"
#include "descent/objectives/classic/rosenbrock.hpp"
#include "descent/objectives/saddles/saddles.hpp"
#include "support/run_method.hpp"
#include "support/tolerances.hpp"

using namespace descent;
using Catch::Matchers::WithinRel;

namespace {

struct Line {
  double f0, slope0;
  Vector x, d;
};

// A random point in the box [-2, 2]ⁿ and a descent direction there: −g turned by a random
// perturbation of up to 80% of its length.
Line random_line(const Objective& objective, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> box(-2.0, 2.0);
  const Index n = objective.dim();
  Line line{0.0, 0.0, Vector(n), Vector(n)};
  do {
    for (Index i = 0; i < n; ++i) line.x[i] = box(rng);
    Vector g(n), noise(n);
    line.f0 = objective.value_gradient(line.x, g);
    for (Index i = 0; i < n; ++i) noise[i] = box(rng);
    line.d = -g + 0.8 * g.norm() / noise.norm() * noise * 0.5;
    line.slope0 = g.dot(line.d);
  } while (!(line.slope0 < 0.0));
  return line;
}

}  // namespace

TEST_CASE("accepted steps satisfy the conditions their search claims",
          "[line_search][theory]") {
  std::mt19937_64 rng(Catch::rngSeed());
  const Rosenbrock rosenbrock;
  const Beale beale;
  const Quadratic quadratic({.dim = 5, .kappa = 100.0, .spectrum = Spectrum::kLogUniform,
                             .eigenvalues = {}, .rotate = true, .rotation_seed = 1});
  const Objective* objective = GENERATE_REF(as<const Objective*>{}, &rosenbrock, &beale, &quadratic);
  const auto [c1, c2] = GENERATE(std::pair{1e-4, 0.9}, std::pair{1e-4, 0.1}, std::pair{0.3, 0.4});
  const double t0 = GENERATE(1e-3, 1.0, 10.0);

  LineSearchOptions options;
  options.c1 = c1;
  options.c2 = c2;
  options.max_trials = 40;
  const Index n = objective->dim();
  Vector trial_x(n), trial_g(n), g(n);
  int accepted_wolfe = 0, accepted_armijo = 0;
  for (int k = 0; k < 50; ++k) {
    const Line l = random_line(*objective, rng);
    for (auto kind : {LineSearchKind::kArmijo, LineSearchKind::kStrongWolfe}) {
      options.line_search = kind;
      Evaluator evaluator(*objective);
      LineFunction line(evaluator, l.x, l.d, trial_x, trial_g);
      const auto result = search_line(line, l.f0, l.slope0, t0, options);
      REQUIRE(result.trials == evaluator.counts().f);
      if (result.status != LineSearchStatus::kAccepted) continue;
      // Recomputed independently at x + t d.
      const Vector x = l.x + result.step * l.d;
      const double f = objective->value_gradient(x, g);
      REQUIRE(f <= l.f0 + c1 * result.step * l.slope0);
      REQUIRE_THAT(result.f, WithinRel(f, test::kExactStep));
      REQUIRE((trial_x - x).norm() <= test::kExactStep * x.norm());
      REQUIRE((trial_g - g).norm() <= 1e-12 * std::max(1.0, g.norm()));
      if (kind == LineSearchKind::kStrongWolfe) {
        REQUIRE(std::fabs(g.dot(l.d)) <= c2 * std::fabs(l.slope0));
        ++accepted_wolfe;
      } else {
        ++accepted_armijo;
      }
    }
  }
  // The searches succeed on smooth functions from these starts; failure is the exception.
  REQUIRE(accepted_armijo >= 45);
  REQUIRE(accepted_wolfe >= 45);
}

TEST_CASE("the cubic and quadratic interpolants find the minimiser of a quadratic exactly",
          "[line_search][exact]") {
  // φ(t) = (t − 3)², φ' = 2(t − 3)
  const auto phi = [](double t) { return (t - 3.0) * (t - 3.0); };
  const auto dphi = [](double t) { return 2.0 * (t - 3.0); };
  REQUIRE_THAT(cubic_minimizer(0.0, phi(0.0), dphi(0.0), 5.0, phi(5.0), dphi(5.0)),
               WithinRel(3.0, test::kExactStep));
  REQUIRE_THAT(cubic_minimizer(4.0, phi(4.0), dphi(4.0), 1.0, phi(1.0), dphi(1.0)),
               WithinRel(3.0, test::kExactStep));
  REQUIRE_THAT(quadratic_minimizer(0.0, phi(0.0), dphi(0.0), 1.0, phi(1.0)),
               WithinRel(3.0, test::kExactStep));
  // φ(t) = t³ − 3t: local minimiser t = 1
  REQUIRE_THAT(cubic_minimizer(0.0, 0.0, -3.0, 2.0, 2.0, 9.0), WithinRel(1.0, test::kExactStep));
}

TEST_CASE("a line search with no acceptable step reports failure, never throws",
          "[line_search][failure]") {
  // f = x² − y² along d = (0, 1) from (0, 0.5): φ decreases without bound, and φ'(t) never
  // shrinks, so no strong Wolfe step exists; a claimed descent direction that is not one
  // (d = (0, −1)) leaves Armijo nothing to accept either.
  const Saddle saddle;
  const Vector x{{0.0, 0.5}};
  Vector trial_x(2), trial_g(2);
  LineSearchOptions options;
  options.max_trials = 10;

  Evaluator evaluator(saddle);
  const Vector up{{0.0, 1.0}};
  LineFunction line(evaluator, x, up, trial_x, trial_g);
  options.line_search = LineSearchKind::kStrongWolfe;
  const auto wolfe = search_line(line, saddle.value(x), -1.0, 1.0, options);
  REQUIRE(wolfe.status == LineSearchStatus::kFailed);
  REQUIRE(wolfe.trials == 10);

  const Vector down{{0.0, -1.0}};
  LineFunction wrong(evaluator, x, down, trial_x, trial_g);
  options.line_search = LineSearchKind::kArmijo;
  const auto armijo = search_line(wrong, saddle.value(x), -1.0, 1.0, options);
  REQUIRE(armijo.status == LineSearchStatus::kFailed);
}

TEST_CASE("a line search that fails ends the run with line_search_failed",
          "[line_search][driver][failure]") {
  // On the unbounded saddle, L-BFGS's strong Wolfe search finds no step along −g once it
  // heads down the y axis: the run ends with the stop reason, not an exception.
  const Saddle saddle;
  RunSettings settings;
  settings.max_iter = 100;
  const auto result = test::run_method("lbfgs", {{"max_trials", std::int64_t{8}}}, saddle,
                                       Vector{{0.5, 0.5}}, settings);
  REQUIRE(result.stop_reason == StopReason::kLineSearchFailed);
  REQUIRE(result.status() == RunStatus::kFailed);
}

TEST_CASE("c1 and c2 must satisfy 0 < c1 < c2 < 1", "[line_search][config]") {
  for (const char* name : {"newton", "regularized_newton", "bfgs", "lbfgs", "cg", "newton_cg"}) {
    INFO(name);
    const auto* entry = find_optimizer(name);
    REQUIRE_THROWS_MATCHES(entry->make({{"c1", 0.5}, {"c2", 0.4}}), ConfigError,
                           Catch::Matchers::Predicate<ConfigError>(
                               [](const ConfigError& e) { return e.key() == "c2"; }));
    REQUIRE_THROWS_AS(entry->make({{"c1", 0.0}}), ConfigError);
    REQUIRE_THROWS_AS(entry->make({{"c2", 1.0}}), ConfigError);
    REQUIRE_THROWS_AS(entry->make({{"line_search", std::string("exact")}}), ConfigError);
    REQUIRE_NOTHROW(entry->make({{"c1", 0.2}, {"c2", 0.3}}));
  }
}
