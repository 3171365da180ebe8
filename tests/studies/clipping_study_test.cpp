// The clipping study on a copy with ε, c and α the shipped study does not use: the bounds are
// ε c, ε c √n and ε c/(1 − α), and every clipped run keeps them.
#include "studies/study_support.hpp"

using namespace descent;
using Catch::Matchers::WithinRel;

TEST_CASE("a copy of the clipping study bounds every step by its own ε, c and α", "[studies][clipping]") {
  test::StudyRun study;
  test::run_study(study, "clipping-copy", R"toml(
name = "clipping-copy"
[study]
kind = "clipping"
[run]
max_iter = 100
[[objective]]
name = "cliff"
params = { height = 500.0 }
starts = { random = 3, box = [0.5, 1.5] }
[[optimizer]]
name = "gd"
label = "unclipped"
lr = 0.05
[[optimizer]]
name = "gd"
label = "norm"
lr = 0.05
run = { clip = { norm = 2.0 } }
[[optimizer]]
name = "gd"
label = "value"
lr = 0.05
run = { clip = { value = 0.3 } }
[[optimizer]]
name = "momentum"
label = "heavy ball"
lr = 0.05
momentum = 0.5
run = { clip = { norm = 2.0 } }
)toml");
  const std::vector<std::pair<std::string, double>> bounds = {
      {"norm", 0.05 * 2.0}, {"value", 0.05 * 0.3 * std::sqrt(2.0)}, {"heavy ball", 0.05 * 2.0 / 0.5}};
  for (const auto& [label, bound] : bounds) {
    INFO(label);
    const auto row = test::the_row(study.rows, "largest step ≤", label);
    CHECK_THAT(test::number(row, "predicted"), WithinRel(bound, test::kClosedForm));
    CHECK(test::number(row, "measured") <= bound * (1 + 1e-9));
    CHECK(row.at("verdict") == "agrees");
  }
  const auto unclipped = test::the_row(study.rows, "largest step", "unclipped");
  CHECK(unclipped.at("verdict") == "measured_only");
  CHECK(test::number(unclipped, "measured") > 0.05 * 2.0);  // more than clipping allows
  CHECK(test::rows_where(study.rows, "fraction of runs diverged").size() == 4);
  test::require_latex_compiles(study.output());
}
