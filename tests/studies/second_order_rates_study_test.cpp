// The second-order study on Rosenbrock from a start the shipped study does not use: Newton's
// predicted constant eₖ₊₁/eₖ² = ½‖H*⁻¹T[u, u]‖ lies within the closed-form range over unit u.
#include "support/study_copies.hpp"

#include <Eigen/Dense>
#include <numbers>

using namespace descent;
using Catch::Matchers::WithinRel;

namespace {

// Rosenbrock f = 100(y − x²)² + (1 − x)² at x* = (1, 1): H* = [[802, −400], [−400, 200]],
// third derivatives f_xxx = 2400, f_xxy = −400 (the others 0).
double rosenbrock_newton_constant(double angle) {
  const double u1 = std::cos(angle), u2 = std::sin(angle);
  Eigen::Matrix2d h;
  h << 802, -400, -400, 200;
  const Eigen::Vector2d t(2400 * u1 * u1 - 800 * u1 * u2, -400 * u1 * u1);
  return 0.5 * h.inverse().operator*(t).norm();
}

}  // namespace

TEST_CASE("a copy of the second-order study predicts Newton's constant from the objective",
          "[studies][second_order_rates]") {
  const test::StudyRun study({.kind = "second_order_rates", .run = R"toml(max_iter = 500
record = { every = 1, x = true }
stop = { grad_norm = 1e-13 })toml", .body = R"toml(
[[objective]]
name = "rosenbrock"
starts = [[-1.5, 2.0]]
[[optimizer]]
name = "newton"
line_search = "armijo"
[[optimizer]]
name = "bfgs"
[[optimizer]]
name = "lbfgs"
memory = 3
)toml"});
  const auto newton = test::the_row(study.rows, "Newton: eₖ₊₁/eₖ²");
  double low = 1e300, high = 0;
  for (int i = 0; i < 3600; ++i) {
    const double c = rosenbrock_newton_constant(std::numbers::pi * i / 3600.0);
    low = std::min(low, c);
    high = std::max(high, c);
  }
  const double predicted = test::number(newton, "predicted");
  CHECK(predicted >= low * (1 - 1e-6));
  CHECK(predicted <= high * (1 + 1e-6));
  CHECK_THAT(test::number(newton, "measured"), WithinRel(predicted, 0.1));
  CHECK(newton.at("verdict") == "agrees");

  const auto bfgs = test::the_row(study.rows, "BFGS");
  CHECK(test::number(bfgs, "predicted") == 0.0);
  CHECK(test::number(bfgs, "measured") < 0.1);
  CHECK(bfgs.at("verdict") == "agrees");

  const auto lbfgs = test::the_row(study.rows, "fitted linear rate", "lbfgs");
  CHECK(lbfgs.at("verdict") == "measured_only");
  CHECK(test::number(lbfgs, "measured") < 1.0);
  test::require_latex_compiles(study.output(), "study.tex");
}
