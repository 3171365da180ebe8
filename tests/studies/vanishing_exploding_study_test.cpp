// The vanishing/exploding study on a copy with ρ, eigenvalue lists, a depth and scales the
// shipped study does not use: the per-step factor of the norm is ρ, of each eigen-direction
// its λᵢ (the stored list, or ρ(n − i)/n without one), and ‖∂f/∂W₁‖/‖∂f/∂M‖ is s^(L−1) over
// small and large s alike.
#include "support/study_copies.hpp"

using namespace descent;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

// The analysis fits cᵢ,ₖ₊₁/cᵢ,ₖ, which the start makes λᵢ to rounding (vanishing_exploding.cpp).
constexpr double kPerDirection = 1e-6;

const char* const kRecurrences = R"toml(
[[objective]]
name = "linear_recurrence"
params = { hidden = 3, steps = 24, sequences = 4, eigen_components = true }
sweep = { rho = [0.7, 1.3] }
[[objective]]
name = "linear_recurrence"
params = { steps = 24, sequences = 4, eigenvalues = [0.2, -0.95, 1.25], eigen_components = true }
)toml";

}  // namespace

TEST_CASE("a copy of the vanishing/exploding study predicts ρ per step and λᵢ per eigen-direction",
          "[studies][vanishing_exploding]") {
  const test::StudyRun study({.kind = "vanishing_exploding", .run = "max_iter = 5",
                              .body = std::string(kRecurrences) + "[[optimizer]]\nname = \"gd\"\nlr = 1e-3\n"});
  for (const double rho : {0.7, 1.3, 1.25}) {
    INFO("ρ = " << rho);
    bool found = false;
    for (const auto& row : test::rows_where(study.rows, "per-step factor of ‖∂f/∂h")) {
      if (std::abs(test::number(row, "predicted") - rho) > test::kClosedForm) continue;
      found = true;
      CHECK_THAT(test::number(row, "measured"), WithinRel(rho, 0.05));
      CHECK(row.at("verdict") == "agrees");
    }
    CHECK(found);
  }
  // λᵢ = ρ(n − i)/n for the swept instances, the list for the third: signed, one row each.
  const std::vector<double> lambdas = {0.7, 0.7 * 2 / 3, 0.7 / 3, 1.3, 1.3 * 2 / 3, 1.3 / 3, 0.2, -0.95, 1.25};
  const auto rows = test::rows_where(study.rows, "along eigenvector i: λᵢ");
  REQUIRE(rows.size() == lambdas.size());
  for (std::size_t j = 0; j < rows.size(); ++j) {
    INFO(rows[j].at("parameters"));
    CHECK_THAT(test::number(rows[j], "predicted"), WithinAbs(lambdas[j], test::kClosedForm));
    CHECK_THAT(test::number(rows[j], "measured"), WithinRel(lambdas[j], kPerDirection));
    CHECK(rows[j].at("verdict") == "agrees");
  }
}

TEST_CASE("a copy of the vanishing/exploding study isolates s^(L−1) from the residual over every s",
          "[studies][vanishing_exploding]") {
  const test::StudyRun study({.kind = "vanishing_exploding", .run = "max_iter = 5", .body = R"toml(
[[objective]]
name = "deep_linear"
params = { width = 3, examples = 16, depth = 5, product_gradient = true }
sweep = { init_scale = [0.15, 0.6, 1.7, 2.5] }
[[optimizer]]
name = "gd"
lr = 1e-4
)toml", .figures = true});
  const auto depth = test::the_row(study.rows, "‖∂f/∂W₁‖/‖∂f/∂M‖", "", "depth=5;s_min=0.15;s_max=2.5");
  CHECK(test::number(depth, "predicted") == 4.0);
  CHECK_THAT(test::number(depth, "measured"), WithinRel(4.0, 1e-9));
  CHECK(depth.at("verdict") == "agrees");
  // The raw first-layer gradient also carries the residual, which grows like s^L for s > 1.
  const auto raw = test::the_row(study.rows, "(residual included)", "", "depth=5");
  CHECK(raw.at("verdict") == "measured_only");
  CHECK(test::number(raw, "measured") > 4.5);
  // The ratio the figure draws is s⁴ point by point.
  int points = 0;
  for (const auto& point : test::read_csv(study.output() / "figures" / "gradients.csv"))
    if (point.at("panel") == "through depth" && point.at("role") == "measured") {
      CHECK_THAT(test::number(point, "y"), WithinRel(std::pow(test::number(point, "x"), 4.0), 1e-12));
      ++points;
    }
  CHECK(points == 4);
  CHECK(std::filesystem::file_size(study.output() / "figures" / "gradients.png") > 1000);
  CHECK(std::filesystem::file_size(study.output() / "figures" / "outcome.pdf") > 1000);
  test::require_latex_compiles(study.output(), "study.tex");
}

TEST_CASE("the vanishing/exploding study refuses deep_linear runs without product_gradient", "[studies][vanishing_exploding]") {
  test::TemporaryDirectory directory;
  const auto suite = test::write_file(directory / "plain.toml", test::study_copy_suite({.kind = "vanishing_exploding", .run = "max_iter = 2", .body = R"toml(
[[objective]]
name = "deep_linear"
[[optimizer]]
name = "gd"
lr = 1e-3
)toml"}));
  const auto refused = test::run_descent({"study", suite.string(), "-o", (directory / "out").string(), "--no-figures"});
  CHECK(refused.exit_status == 2);
  CHECK_THAT(refused.err, Catch::Contains("product_gradient = true"));
  CHECK_FALSE(std::filesystem::exists(directory / "out" / "study.csv"));
}
