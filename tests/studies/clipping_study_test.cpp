// The clipping study on a copy with ε, c and α the shipped study does not use: the bounds are
// ε c, ε c √n and ε c/(1 − α), and every clipped run keeps them.
#include "support/study_copies.hpp"

#include <set>

using namespace descent;
using Catch::Matchers::WithinRel;

namespace {

using Bounds = std::vector<std::pair<std::string, double>>;

// A gradient-descent [[optimizer]] table: its label, ε and clip settings ("" for none).
std::string gd_table(const std::string& label, const std::string& lr, const std::string& clip = "") {
  std::string table = "[[optimizer]]\nname = \"gd\"\nlabel = \"" + label + "\"\nlr = " + lr + "\n";
  if (!clip.empty()) table += "run = { clip = { " + clip + " } }\n";
  return table;
}

// Each labelled method's row: the bound predicted as the closed form, and kept.
void check_bounds(const test::StudyRun& study, const Bounds& bounds) {
  for (const auto& [label, bound] : bounds) {
    INFO(label);
    const auto row = test::the_row(study.rows, "largest step ≤", label);
    CHECK_THAT(test::number(row, "predicted"), WithinRel(bound, test::kClosedForm));
    CHECK(test::number(row, "measured") <= bound * (1 + 1e-9));
    CHECK(row.at("verdict") == "agrees");
  }
}

}  // namespace

TEST_CASE("a copy of the clipping study bounds every step by its own ε, c and α", "[studies][clipping]") {
  const test::StudyRun study({.kind = "clipping", .run = "max_iter = 100", .body = R"toml(
[[objective]]
name = "cliff"
params = { height = 500.0 }
starts = { random = 3, box = [0.5, 1.5] }
)toml" + gd_table("unclipped", "0.05") + gd_table("norm", "0.05", "norm = 2.0") +
                                            gd_table("value", "0.05", "value = 0.3") + R"toml(
[[optimizer]]
name = "momentum"
label = "heavy ball"
lr = 0.05
momentum = 0.5
run = { clip = { norm = 2.0 } }
)toml"});
  check_bounds(study, {{"norm", 0.05 * 2.0}, {"value", 0.05 * 0.3 * std::sqrt(2.0)}, {"heavy ball", 0.05 * 2.0 / 0.5}});
  const auto unclipped = test::the_row(study.rows, "largest step", "unclipped");
  CHECK(unclipped.at("verdict") == "measured_only");
  CHECK(test::number(unclipped, "measured") > 0.05 * 2.0);  // more than clipping allows
  CHECK(test::rows_where(study.rows, "fraction of runs diverged").size() == 4);
  test::require_latex_compiles(study.output(), "study.tex");
}

TEST_CASE("a copy of the clipping study counts its outcomes over starts and minibatch seeds",
          "[studies][clipping]") {
  const test::StudyRun study({.kind = "clipping", .suite = "repeats = 2", .run = "max_iter = 40\nbatch = { size = 1 }",
                              .body = R"toml(
[[objective]]
name = "linear_recurrence"
params = { hidden = 3, steps = 12, sequences = 4, rho = 1.4 }
sweep = { init_seed = [3, 7] }
)toml" + gd_table("norm", "0.02", "norm = 0.5") + gd_table("value", "0.02", "value = 0.1"),
                              .figures = true});
  // n = 3² + 3·2 = 15 parameters.
  const Bounds bounds = {{"norm", 0.02 * 0.5}, {"value", 0.02 * 0.1 * std::sqrt(15.0)}};
  check_bounds(study, bounds);
  for (const auto& method : bounds)
    for (const char* quantity : {"fraction of runs diverged", "median final f", "median iterations"})
      CHECK(test::the_row(study.rows, quantity, method.first).at("parameters") == "starts=2;repeats=2;runs=4");
  // Each repeat draws its own minibatches: the four runs of a method end at four different f.
  std::set<std::string> finals;
  // The figure's diverged panel: one bar per method, in the suite's order, as high as its row.
  std::vector<std::pair<std::string, double>> bars;
  for (const auto& point : test::read_csv(study.output() / "figures" / "clipping.csv")) {
    if (point.at("panel") == "linear_recurrence" && point.at("series") == "norm") finals.insert(point.at("y"));
    if (point.at("panel") == "linear_recurrence: runs diverged") {
      CHECK(point.at("role") == "bar");
      CHECK(test::number(point, "x") == static_cast<double>(bars.size()));
      bars.emplace_back(point.at("series"), test::number(point, "y"));
    }
  }
  CHECK(finals.size() == 4);
  REQUIRE(bars.size() == bounds.size());
  for (std::size_t i = 0; i < bars.size(); ++i) {
    CHECK(bars[i].first == bounds[i].first);
    CHECK(bars[i].second == test::number(test::the_row(study.rows, "fraction of runs diverged", bars[i].first), "measured"));
  }
  CHECK(std::filesystem::file_size(study.output() / "figures" / "clipping.png") > 1000);
}
