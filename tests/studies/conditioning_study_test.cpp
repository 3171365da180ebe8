// The conditioning study on a copy with κ the shipped study does not use (30 and 3000, n = 6),
// and gradient descent also at lr = 1/L: every prediction must follow the stored values.
#include "support/study_copies.hpp"

using namespace descent;
using Catch::Matchers::WithinRel;

namespace {

const test::StudyCopy kCopy = {.kind = "conditioning",
                               .run = R"toml(max_iter = 100000
record = { log = 100, x = true }
stop = { grad_norm = 1e-11 })toml",
                               .body = R"toml(
[[objective]]
name = "quadratic"
params = { dim = 6, rotate = true, rotation_seed = 5 }
sweep = { kappa = [30, 3000] }
[[optimizer]]
name = "gd"
lr = "2/(L + mu)"
[[optimizer]]
name = "gd"
label = "gd 1/L"
lr = "1/L"
[[optimizer]]
name = "momentum"
label = "heavy ball"
lr = "4/(sqrt(L) + sqrt(mu))^2"
momentum = "((sqrt(kappa) - 1)/(sqrt(kappa) + 1))^2"
[[optimizer]]
name = "newton"
[[optimizer]]
name = "adam"
lr = 0.01
run = { max_iter = 2000 }
)toml"};

}  // namespace

TEST_CASE("a copy of the conditioning study predicts GD's and heavy ball's rates from its own κ",
          "[studies][conditioning]") {
  const test::StudyRun study(kCopy);
  for (const double kappa : {30.0, 3000.0}) {
    const std::string instance = "kappa=" + std::string(kappa == 30.0 ? "30" : "3000") + ";";
    INFO("κ = " << kappa);
    const auto gd = test::the_row(study.rows, "linear rate of ‖x−x*‖", "gd", instance);
    CHECK(gd.at("label") == "gd");
    CHECK_THAT(test::number(gd, "predicted"), WithinRel((kappa - 1) / (kappa + 1), test::kClosedForm));
    CHECK_THAT(test::number(gd, "measured"), WithinRel((kappa - 1) / (kappa + 1), 1e-4));
    CHECK(gd.at("verdict") == "agrees");

    const auto slow = test::the_row(study.rows, "linear rate of ‖x−x*‖", "gd 1/L", instance);
    CHECK_THAT(test::number(slow, "predicted"), WithinRel(1 - 1 / kappa, test::kClosedForm));
    CHECK(slow.at("verdict") == "agrees");

    const auto hb = test::the_row(study.rows, "linear rate of ‖x−x*‖/k", "heavy ball", instance);
    const double root = std::sqrt(kappa);
    // At the optimal (ε, α) the roots are double: the discriminant is rounding-sized, and its
    // square root moves the computed modulus by ~√(2⁻⁵²) ≈ 1e-8.
    CHECK_THAT(test::number(hb, "predicted"), WithinRel((root - 1) / (root + 1), 1e-7));
    CHECK_THAT(test::number(hb, "measured"), WithinRel((root - 1) / (root + 1), 1e-3));
    CHECK(hb.at("verdict") == "agrees");

    const auto newton = test::the_row(study.rows, "Newton: one step", "newton", instance);
    CHECK(test::number(newton, "measured") == 1.0);
    CHECK(newton.at("verdict") == "agrees");

    const auto adam = test::rows_where(study.rows, "", "adam", instance);
    REQUIRE(adam.size() == 1);
    CHECK(adam.front().at("verdict") == "measured_only");
    CHECK(adam.front().at("predicted").empty());
  }
  // Iterations grow like κ for GD at 2/(L + μ) and like √κ for heavy ball.
  const auto gd_slope = test::the_row(study.rows, "log-log slope", "gd", "kappa_min=30");
  CHECK_THAT(test::number(gd_slope, "measured"), WithinRel(1.0, 0.1));
  const auto hb_slope = test::the_row(study.rows, "log-log slope", "heavy ball");
  CHECK_THAT(test::number(hb_slope, "measured"), WithinRel(0.5, 0.15));
  CHECK(hb_slope.at("verdict") == "agrees");
  test::require_latex_compiles(study.output(), "study.tex");
}
