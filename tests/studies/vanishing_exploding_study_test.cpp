// The vanishing/exploding study on a copy with ρ, an eigenvalue list, a depth and scales the
// shipped study does not use: the per-step factor is ρ, the depth slope L − 1.
#include "studies/study_support.hpp"

using namespace descent;
using Catch::Matchers::WithinRel;

TEST_CASE("a copy of the vanishing/exploding study predicts ρ per step and s^(L−1) through depth",
          "[studies][vanishing_exploding]") {
  test::StudyRun study;
  test::run_study(study, "vanishing-copy", R"toml(
name = "vanishing-copy"
[study]
kind = "vanishing_exploding"
[run]
max_iter = 5
[[objective]]
name = "linear_recurrence"
params = { hidden = 3, steps = 24, sequences = 4 }
sweep = { rho = [0.7, 1.3] }
[[objective]]
name = "linear_recurrence"
params = { steps = 24, sequences = 4, eigenvalues = [0.2, -0.95] }
[[objective]]
name = "deep_linear"
params = { width = 3, examples = 16, depth = 5 }
sweep = { init_scale = [0.1, 0.2, 0.3] }
[[optimizer]]
name = "gd"
lr = 1e-3
)toml", true);
  for (const double rho : {0.7, 1.3, 0.95}) {
    INFO("ρ = " << rho);
    const auto rows = test::rows_where(study.rows, "per-step factor");
    bool found = false;
    for (const auto& row : rows) {
      if (std::abs(test::number(row, "predicted") - rho) > test::kClosedForm) continue;
      found = true;
      CHECK_THAT(test::number(row, "measured"), WithinRel(rho, 0.05));
      CHECK(row.at("verdict") == "agrees");
    }
    CHECK(found);
  }
  const auto depth = test::the_row(study.rows, "log-log slope of ‖∂f/∂W₁‖", "", "depth=5");
  CHECK(test::number(depth, "predicted") == 4.0);
  CHECK_THAT(test::number(depth, "measured"), WithinRel(4.0, 0.05));
  CHECK(depth.at("verdict") == "agrees");
  // The figures were drawn from the data the analysis wrote.
  CHECK(std::filesystem::file_size(study.output() / "figures" / "gradients.png") > 1000);
  CHECK(std::filesystem::file_size(study.output() / "figures" / "outcome.pdf") > 1000);
  test::require_latex_compiles(study.output());
}
