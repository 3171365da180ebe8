// inspect: counts by status and stop reason, a line per label, and the columns stored.
#include <catch2/catch.hpp>

#include <cmath>

#include "descent/store/inspect_results.hpp"
#include "descent/store/results_store.hpp"
#include "sample_runs.hpp"
#include "support/temporary_directory.hpp"

using namespace descent;

TEST_CASE("a summary counts runs by status, stop reason and label", "[store][inspect]") {
  const test::TemporaryDirectory dir;
  // gd with lr 0.19 converges on ½(x₁² + 10x₂²) (lr < 2/L = 0.2); 0.21 diverges; a cap of
  // 3 iterations ends the run on its budget.
  std::vector<RunSpec> runs{test::quadratic_run("gd", 0.19, 0, 2000),
                            test::quadratic_run("gd", 0.19, 1, 3),
                            test::quadratic_run("gd", 0.21, 0, 2000),
                            test::quadratic_run("momentum", 0.01, 0, 2000)};
  runs[0].label = runs[1].label = runs[2].label = "gd";
  runs[3].label = "momentum";
  runs[2].settings.edit().divergence.f_above = 1e6;
  for (auto& spec : runs) spec.run_id = compute_run_id(spec);
  std::vector<RunResult> results;
  for (const auto& spec : runs) results.push_back(test::run(spec));
  REQUIRE(results[0].status() == RunStatus::kConverged);
  REQUIRE(results[1].stop_reason == StopReason::kMaxIter);
  REQUIRE(results[2].stop_reason == StopReason::kDiverged);
  REQUIRE(results[3].status() == RunStatus::kConverged);
  results[3].trace.extra["damping"] = std::vector<double>(results[3].trace.size(), 0.5);

  ResultsStore store(dir / "out.h5", test::suite_of(runs));
  for (std::size_t i = 0; i < runs.size(); ++i) store.write_run(runs[i], results[i]);
  store.compact();

  const auto summary = summarize_results(dir / "out.h5");
  REQUIRE(summary.runs == 4);
  REQUIRE(summary.info.suite_name == "store-test");
  REQUIRE(summary.by_status == std::map<std::string, std::int64_t>{
                                   {"converged", 2}, {"budget", 1}, {"diverged", 1}});
  REQUIRE(summary.by_stop_reason.at("max_iter") == 1);
  REQUIRE(summary.by_stop_reason.at("diverged") == 1);
  REQUIRE(summary.by_stop_reason.at("converged_grad") == 2);

  REQUIRE(summary.by_label.size() == 2);
  const LabelSummary& gd = summary.by_label[0];
  REQUIRE(gd.label == "gd");
  REQUIRE(gd.runs == 3);
  REQUIRE(gd.converged == 1);
  std::vector<std::int64_t> iterations{results[0].iterations, results[1].iterations,
                                       results[2].iterations};
  std::sort(iterations.begin(), iterations.end());
  REQUIRE(gd.median_iterations == static_cast<double>(iterations[1]));
  REQUIRE(summary.by_label[1].label == "momentum");
  REQUIRE(summary.by_label[1].median_iterations == static_cast<double>(results[3].iterations));

  REQUIRE(summary.index_columns.front() == "run_id");
  REQUIRE(summary.index_columns.size() == 19);
  REQUIRE(summary.trace_columns ==
          std::vector<std::string>{"iter", "f", "grad_norm", "raw_grad_norm", "step_norm", "lr",
                                   "evals_f", "evals_grad", "evals_hess", "evals_hvp", "seconds",
                                   "x", "damping"});
}

TEST_CASE("a summary names objective instances by the parameters that differ", "[store][inspect]") {
  const test::TemporaryDirectory dir;
  // The same quadratic at two spectra: the instances differ in eigenvalues only.
  RunSpec wide = test::quadratic_run("gd", 0.01);
  RunSpec narrow = test::quadratic_run("gd", 0.01, 1);
  narrow.objective_params = find_objective("quadratic")->normalize(
      {{"eigenvalues", std::vector<double>{1.0, 2.0}}});
  narrow.run_id = compute_run_id(narrow);
  RunResult wide_result = test::run(wide);
  wide_result.f_star = 0.0;
  {
    ResultsStore store(dir / "out.h5", test::suite_of({wide, narrow}));
    store.write_run(wide, wide_result);
    store.write_run(narrow, test::run(narrow));
    store.compact();
  }
  const auto summary = summarize_results(dir / "out.h5");
  REQUIRE(summary.by_instance.size() == 2);
  REQUIRE(summary.by_instance[0].name == "quadratic eigenvalues=[1, 10]");
  REQUIRE(summary.by_instance[0].runs == 1);
  REQUIRE(summary.by_instance[0].f_star == 0.0);
  REQUIRE(summary.by_instance[0].f_star_source == "known");
  REQUIRE(summary.by_instance[1].name == "quadratic eigenvalues=[1, 2]");
  REQUIRE(std::isnan(summary.by_instance[1].f_star));
  REQUIRE(summary.by_instance[1].f_star_source == "none");
}
