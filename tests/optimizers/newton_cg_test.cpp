// Newton–CG: Hessian-free (products H v only), the inner CG solves a quadratic's Newton
// system in at most n products, and it stops at negative curvature.
#include <catch2/catch.hpp>

#include "descent/objectives/quadratic/quadratic.hpp"
#include "descent/objectives/classic/rosenbrock.hpp"
#include "descent/objectives/saddles/saddles.hpp"
#include "descent/objectives/nd/extended_rosenbrock.hpp"
#include "support/run_method.hpp"

using namespace descent;

TEST_CASE("newton_cg solves an SPD quadratic in one outer step with at most n products",
          "[newton_cg][theory]") {
  // κ = 10 keeps the inner CG's loss of orthogonality in rounding below the tolerance.
  const Quadratic q({.dim = 12, .kappa = 10.0, .spectrum = Spectrum::kLogUniform,
                     .eigenvalues = {}, .rotation = {.rotate = true, .seed = 2}});
  RunSettings settings;
  settings.max_iter = 1;
  const Vector x0 = q.standard_starts().front();
  const auto result = test::run_method(
      "newton_cg", {{"forcing", std::string("fixed")}, {"eta", 1e-12}}, q, x0, settings);
  REQUIRE(result.x_final.norm() <= 1e-9 * x0.norm());
  REQUIRE(test::column(result, "cg_iterations")[1] <= 12.0);
  REQUIRE(result.evals.hvp == static_cast<std::int64_t>(test::column(result, "cg_iterations")[1]));
}

TEST_CASE("newton_cg is Hessian-free", "[newton_cg][evaluations]") {
  const ExtendedRosenbrock rosenbrock({.dim = 1000});
  RunSettings settings;
  settings.stop.grad_norm = 1e-8;
  const auto result = test::run_method("newton_cg", {}, rosenbrock,
                                       rosenbrock.standard_starts().front(), settings);
  REQUIRE(result.stop_reason == StopReason::kConvergedGrad);
  REQUIRE(result.evals.hess == 0);
  REQUIRE(result.evals.hvp > 0);
}

TEST_CASE("newton_cg stops its inner CG at negative curvature", "[newton_cg][saddle]") {
  // On x² − y² from (0.1, 1) the first inner direction p = −g = (−0.2, 2) has
  // pᵀHp = 2·0.04 − 2·4 < 0: the step direction is −g.
  const Saddle saddle;
  RunSettings settings;
  settings.max_iter = 1;
  const auto result = test::run_method("newton_cg", {}, saddle, Vector{{0.1, 1.0}}, settings);
  REQUIRE(test::column(result, "negative_curvature")[1] == 1.0);
  REQUIRE(test::column(result, "cg_iterations")[1] == 1.0);
  const Vector step = result.x_final - Vector{{0.1, 1.0}};
  REQUIRE(std::fabs(step[0] * 2.0 + step[1] * 0.2) <= 1e-15);  // parallel to (−0.2, 2)
  REQUIRE(step[1] > 0.0);
}
