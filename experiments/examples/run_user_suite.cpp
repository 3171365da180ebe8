// The user objective and optimizer in a suite, through descent's experiment engine: a Catalog
// holding descent's entries and the user's, a suite in TOML, the runner and the HDF5 store.
// `descent inspect`, the figure scripts and descent.read_results then read OUT.h5 as any
// other results file.   Usage: run_user_suite OUT.h5
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cosh_valley.hpp"
#include "descent/objectives/registry.hpp"
#include "descent/optimizers/registry.hpp"
#include "descent/runner/runner.hpp"
#include "descent/store/results_store.hpp"
#include "descent/suite/suite.hpp"
#include "sign_descent.hpp"

namespace {

constexpr const char* kSuite = R"(
name = "user_entries"
[run]
max_iter = 2000
schedule = { kind = "inverse_time", period = 10 }
[[objective]]
name = "cosh_valley"
params = { shift = 2.0 }
[[objective]]
name = "beale"
[[optimizer]]
name = "sign_descent"
lr = 0.1
[[optimizer]]
name = "adam"
lr = 0.05
)";

descent::ObjectiveEntry cosh_valley_entry() {
  return {.name = "cosh_valley",
          .family = "user",
          .summary = "cosh(x − c) + (y − x)²",
          .formula = "f = cosh(x − c) + (y − x)²",
          .source = "experiments/examples/cosh_valley.hpp",
          .fields = descent::fields_of<CoshValleyParams>(),
          .check_params = {},
          .normalize = [](const descent::ParamMap& p) {
            return descent::params_of(descent::options_from<CoshValleyParams>(p));
          },
          .make = [](const descent::ParamMap& p) -> std::unique_ptr<descent::Objective> {
            return std::make_unique<CoshValley>(descent::options_from<CoshValleyParams>(p));
          },
          .autodiff = nullptr};  // used only by descent's own registry tests
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: run_user_suite OUT.h5\n");
    return 2;
  }
  std::vector<descent::ObjectiveEntry> objectives = descent::objective_registry();
  objectives.push_back(cosh_valley_entry());
  std::vector<descent::OptimizerEntry> optimizers = descent::optimizer_registry();
  optimizers.push_back(descent::optimizer_entry<SignDescent>());
  const descent::Catalog catalog{objectives, optimizers};

  try {
    const descent::Suite suite = descent::parse_suite(kSuite, "user_entries.toml", catalog);
    descent::ResultsStore store(argv[1], suite);
    std::vector<const descent::RunSpec*> runs;
    for (const auto& spec : suite.runs) runs.push_back(&spec);
    descent::run_all(runs, 2, catalog, [&](const descent::RunSpec& spec, const descent::RunResult& result) {
      store.write_run(spec, result);
      std::printf("%-12s on %-12s %-10s f = %.10g\n", spec.label.c_str(), spec.objective.c_str(),
                  std::string(descent::to_string(result.stop_reason)).c_str(), result.f_final);
    });
    store.compact();
  } catch (const descent::ConfigError& error) {
    std::fprintf(stderr, "%s\n", error.what());
    return 2;
  }
  return 0;
}
