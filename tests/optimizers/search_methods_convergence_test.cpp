// Every search-direction method, with its default line search and with more_thuente,
// converges on Rosenbrock, Beale and a rotated quadratic with κ = 10⁴ from their standard
// starts, and stops with converged_grad. Newton's own direction
// is the exception on Beale: from (1, 1) its step heads for the saddle (0, 1) (a test below
// pins that), so it starts near the minimum there.
#include <catch2/catch.hpp>

#include "descent/objectives/classic/beale.hpp"
#include "descent/objectives/quadratic/quadratic.hpp"
#include "descent/objectives/classic/rosenbrock.hpp"
#include "support/run_method.hpp"

using namespace descent;

namespace {

struct Method {
  const char* name;
  ParamMap params;
  bool newton_direction = false;  // −H⁻¹g unmodified: Beale from near its minimum
};

}  // namespace

TEST_CASE("each search-direction method converges on Rosenbrock, Beale and a κ = 1e4 quadratic",
          "[optimizers][second_order][convergence]") {
  const auto method = GENERATE(
      Method{"newton", {}, true},
      Method{"newton", {{"line_search", std::string("armijo")}}, true},
      Method{"regularized_newton", {{"regularization", std::string("adaptive")}}},
      Method{"regularized_newton",
             {{"regularization", std::string("clamp")}, {"line_search", std::string("armijo")}}},
      Method{"regularized_newton",
             {{"regularization", std::string("abs_eigen")}, {"line_search", std::string("armijo")}}},
      Method{"bfgs", {}},
      Method{"lbfgs", {}},
      Method{"cg", {{"beta_rule", std::string("fletcher_reeves")}}},
      Method{"cg", {{"beta_rule", std::string("polak_ribiere_plus")}}},
      Method{"cg", {{"beta_rule", std::string("hestenes_stiefel")}}},
      Method{"cg", {{"beta_rule", std::string("dai_yuan")}}},
      Method{"newton_cg", {}},
      // The Moré–Thuente search under every method that takes a line search.
      Method{"newton", {{"line_search", std::string("more_thuente")}}, true},
      Method{"regularized_newton",
             {{"regularization", std::string("clamp")}, {"line_search", std::string("more_thuente")}}},
      Method{"bfgs", {{"line_search", std::string("more_thuente")}}},
      Method{"lbfgs", {{"line_search", std::string("more_thuente")}}},
      Method{"cg", {{"beta_rule", std::string("polak_ribiere_plus")},
                    {"line_search", std::string("more_thuente")}}},
      Method{"newton_cg", {{"line_search", std::string("more_thuente")}}});

  const Rosenbrock rosenbrock;
  const Beale beale;
  Quadratic::Params ill_conditioned;
  ill_conditioned.dim = 10;
  ill_conditioned.kappa = 1e4;
  ill_conditioned.rotation = {.rotate = true, .seed = 3};
  const Quadratic quadratic(ill_conditioned);
  const Objective* objective = GENERATE_REF(as<const Objective*>{}, &rosenbrock, &beale, &quadratic);

  RunSettings settings;
  settings.max_iter = 5000;
  settings.stop.grad_norm = 1e-8;
  const Vector x0 = method.newton_direction && objective == &beale
                        ? Vector{{2.0, 0.2}}
                        : objective->standard_starts().front();
  const auto result = test::run_method(method.name, method.params, *objective, x0, settings);
  INFO(method.name << " " << to_text(method.params) << " from " << x0.transpose() << ": "
                   << to_string(result.stop_reason) << " after " << result.iterations);
  REQUIRE(result.stop_reason == StopReason::kConvergedGrad);
  const auto minimum = objective->minima().front();
  REQUIRE((result.x_final - minimum.x).norm() < 1e-6 * std::max(1.0, minimum.x.norm()));
}

TEST_CASE("pure Newton from Beale's standard start (1, 1) lands on the saddle (0, 1)",
          "[optimizers][second_order][saddle]") {
  const Beale beale;
  RunSettings settings;
  settings.stop.grad_norm = 1e-8;
  const auto result = test::run_method("newton", {}, beale, Vector{{1.0, 1.0}}, settings);
  REQUIRE(result.stop_reason == StopReason::kConvergedGrad);
  REQUIRE((result.x_final - Vector{{0.0, 1.0}}).norm() < 1e-12);
  Matrix h;
  beale.hessian(result.x_final, h);
  REQUIRE(h(0, 0) * h(1, 1) - h(0, 1) * h(1, 0) < 0.0);  // det < 0: a saddle
}
