// L-BFGS: its two-loop direction equals the dense BFGS recursion over its last m pairs on
// top of H₀ = γI, with the window sliding; it stops storing pairs with yᵀs ≤ 0.
#include <catch2/catch.hpp>

#include "descent/objectives/quadratic/quadratic.hpp"
#include "descent/objectives/classic/rosenbrock.hpp"
#include "descent/objectives/saddles/saddles.hpp"
#include "support/run_method.hpp"
#include "support/tolerances.hpp"

using namespace descent;

TEST_CASE("lbfgs steps along −H g with H the BFGS recursion over the last m pairs",
          "[lbfgs][exact]") {
  const Quadratic q({.dim = 6, .kappa = 50.0, .spectrum = Spectrum::kLogUniform,
                     .eigenvalues = {}, .rotation = {.rotate = true, .seed = 5}});
  const std::int64_t memory = GENERATE(1, 2, 3);
  RunSettings settings;
  settings.max_iter = 6;
  const auto result = test::run_method("lbfgs", {{"memory", memory}}, q,
                                       q.standard_starts().front(), settings);
  REQUIRE(result.iterations == 6);
  const auto gradient = [&](const Vector& x) {
    Vector g(6);
    q.gradient(x, g);
    return g;
  };
  const auto& step_size = test::column(result, "step_size");
  for (std::size_t k = 1; k < 6; ++k) {
    // Pairs from the steps into θ_{k−m+1} … θ_k, oldest first.
    const std::size_t first = k >= static_cast<std::size_t>(memory) ? k - static_cast<std::size_t>(memory) : 0;
    const Vector s_new = test::iterate(result, k) - test::iterate(result, k - 1);
    const Vector y_new = gradient(test::iterate(result, k)) - gradient(test::iterate(result, k - 1));
    Matrix h = s_new.dot(y_new) / y_new.squaredNorm() * Matrix::Identity(6, 6);
    for (std::size_t i = first; i < k; ++i) {
      const Vector s = test::iterate(result, i + 1) - test::iterate(result, i);
      const Vector y = gradient(test::iterate(result, i + 1)) - gradient(test::iterate(result, i));
      const double rho = 1.0 / y.dot(s);
      const Matrix v = Matrix::Identity(6, 6) - rho * y * s.transpose();
      h = v.transpose() * h * v + rho * s * s.transpose();
    }
    const Vector expected = test::iterate(result, k) - step_size[k + 1] * h * gradient(test::iterate(result, k));
    INFO("k = " << k << ", memory " << memory);
    REQUIRE((test::iterate(result, k + 1) - expected).norm() <= 1e-12 * expected.norm());
  }
}

TEST_CASE("lbfgs stores no pair with yᵀs ≤ 0", "[lbfgs][curvature]") {
  const Saddle saddle;
  RunSettings settings;
  settings.max_iter = 1;
  const auto result = test::run_method("lbfgs", {{"line_search", std::string("armijo")}}, saddle,
                                       Vector{{0.1, 1.0}}, settings);
  REQUIRE(test::column(result, "curvature")[1] < 0.0);
  REQUIRE(test::column(result, "update_skipped")[1] == 1.0);
}

TEST_CASE("lbfgs hands the line search's values to the driver: one f and ∇f per trial",
          "[lbfgs][evaluations]") {
  const Rosenbrock rosenbrock;
  RunSettings settings;
  settings.stop.grad_norm = 1e-8;
  const auto result = test::run_method("lbfgs", {}, rosenbrock, Vector{{-1.2, 1.0}}, settings);
  REQUIRE(result.stop_reason == StopReason::kConvergedGrad);
  double trials = 0.0;
  for (double t : test::column(result, "ls_trials"))
    if (!std::isnan(t)) trials += t;
  REQUIRE(result.evals.f == 1 + static_cast<std::int64_t>(trials));
  REQUIRE(result.evals.grad == result.evals.f);
  REQUIRE(result.evals.hess == 0);
}
