// The regularized-Newton study on a copy with a saddle of index 2 (|λ| = 1, 2, 4, two negated)
// and α, δ the shipped study does not use: each variant's predicted growth is the closed form
// max |1 − λ/(m(λ) + α)|.
#include "support/study_copies.hpp"

using namespace descent;
using Catch::Matchers::WithinRel;

TEST_CASE("a copy of the regularized-Newton study predicts escape factors from its own α and δ",
          "[studies][regularized_newton]") {
  const test::StudyRun study({.kind = "regularized_newton", .run = R"toml(max_iter = 40
record = { every = 1, x = true })toml", .body = R"toml(
[[objective]]
name = "quadratic"
params = { dim = 4, kappa = 20 }
[[objective]]
name = "indefinite_quadratic"
params = { dim = 3, negative = 2, kappa = 4 }
starts = { random = 4, box = [-1, 1] }
[[optimizer]]
name = "regularized_newton"
label = "path"
sweep = { alpha = [1e3, 1e4, 1e5, 1e6] }
[[optimizer]]
name = "gd"
sweep = { lr = [1e-3, 1e-4, 1e-5, 1e-6] }
[[optimizer]]
name = "newton"
label = "pure Newton"
[[optimizer]]
name = "regularized_newton"
label = "saddle-free"
regularization = "abs_eigen"
alpha = 0.5
[[optimizer]]
name = "regularized_newton"
label = "damped"
alpha = 4.0
[[optimizer]]
name = "regularized_newton"
label = "clamped"
regularization = "clamp"
alpha = 1.0
delta = 0.01
)toml"});
  // Eigenvalues −1, −2, 4: saddle-free |1 − λ/(|λ| + α)| is largest at λ = −2: 1 + 2/2.5;
  // damped (H + 4I): 1 + 2/2 at λ = −2; clamped: 1 + 2/(0.01 + 1) at λ = −2.
  const std::vector<std::pair<std::string, double>> growth = {
      {"saddle-free", 1 + 2 / 2.5}, {"damped", 2.0}, {"clamped", 1 + 2 / 1.01}};
  for (const auto& [label, factor] : growth) {
    INFO(label);
    const auto row = test::the_row(study.rows, "per-step growth", label);
    CHECK_THAT(test::number(row, "predicted"), WithinRel(factor, test::kClosedForm));
    // 40 steps: the second negative direction (1 + 1/(1 + α) against 1 + 2/(2 + α)) has faded
    // to a few per cent of the dominant one, the fit over the last 20 to well under 1%.
    CHECK_THAT(test::number(row, "measured"), WithinRel(factor, 0.01));
    CHECK(row.at("verdict") == "agrees");
  }
  const auto newton = test::the_row(study.rows, "pure Newton ends on the saddle", "pure Newton");
  CHECK(test::number(newton, "measured") == 1.0);
  CHECK(newton.at("verdict") == "agrees");

  CHECK(test::rows_where(study.rows, "relative distance to GD's path").size() == 4);
  const auto slope = test::the_row(study.rows, "log-log slope of the path distance");
  CHECK(test::number(slope, "predicted") == -1.0);
  CHECK_THAT(test::number(slope, "measured"), WithinRel(-1.0, 0.1));
  // The path runs on the saddle are not saddle variants: no growth rows for them.
  for (const auto& row : test::rows_where(study.rows, "per-step growth")) CHECK(row.at("label").rfind("path", 0) != 0);
  test::require_latex_compiles(study.output(), "study.tex");
}
