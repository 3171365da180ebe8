// The label-smoothing study on a copy with K = 4 classes and α the shipped study does not use:
// the logit gap is log((1 − α + α/K)/(α/K)).
#include "support/study_copies.hpp"

using namespace descent;
using Catch::Matchers::WithinRel;

TEST_CASE("a copy of the label-smoothing study predicts the logit gap from its own α and K",
          "[studies][label_smoothing]") {
  const test::StudyRun study({.kind = "label_smoothing", .run = R"toml(max_iter = 2000
stop = { grad_norm = 1e-10 })toml", .body = R"toml(
[[objective]]
name = "softmax_regression"
params = { examples = 80, features = 3, classes = 4, separation = 20.0, l2 = 1e-8 }
sweep = { label_smoothing = [0.0, 0.15, 0.25] }
[[optimizer]]
name = "lbfgs"
)toml"});
  for (const double alpha : {0.15, 0.25}) {
    INFO("α = " << alpha);
    const auto row = test::the_row(study.rows, "logit gap", "", alpha == 0.15 ? "alpha=0.15;" : "alpha=0.25;");
    const double gap = std::log((1 - alpha + alpha / 4) / (alpha / 4));
    CHECK_THAT(test::number(row, "predicted"), WithinRel(gap, test::kClosedForm));
    CHECK_THAT(test::number(row, "measured"), WithinRel(gap, 0.05));
    CHECK(row.at("verdict") == "agrees");
  }
  const auto hard = test::the_row(study.rows, "logit gap", "", "alpha=0;");
  CHECK(hard.at("verdict") == "measured_only");
  // Smoothing bounds the weights: more smoothing, smaller weights (at α = 0 only l2 and where
  // the solver stopped bound them, so that row is not compared).
  const auto norms = test::rows_where(study.rows, "weight norm");
  REQUIRE(norms.size() == 3);
  CHECK(test::number(norms[1], "measured") > test::number(norms[2], "measured"));
  test::require_latex_compiles(study.output(), "study.tex");
}
