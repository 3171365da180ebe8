// The runner: every run exactly once on any number of threads, each objective instance built
// once per thread for its consecutive runs, and an error that names the run it came from.
#include <catch2/catch.hpp>

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>

#include "descent/objectives/registry.hpp"
#include "descent/optimizers/registry.hpp"
#include "descent/runner/runner.hpp"
#include "descent/suite/suite.hpp"
#include "support/run_suites.hpp"

using namespace descent;

namespace {

// The runs of `suite` as run_all takes them.
std::vector<const RunSpec*> runs_of(const Suite& suite) {
  std::vector<const RunSpec*> runs;
  for (const auto& spec : suite.runs) runs.push_back(&spec);
  return runs;
}

}  // namespace

TEST_CASE("run_all runs every run exactly once on one or several threads", "[runner]") {
  const Suite suite = parse_suite(test::kSmallSuite, "small.toml", builtin_catalog());
  const int threads = GENERATE(1, 2, 3);
  std::mutex mutex;
  std::multiset<std::string> finished;
  // Catch2 assertions are not thread-safe: the callback only records.
  run_all(runs_of(suite), threads, builtin_catalog(), [&](const RunSpec& spec, const RunResult&) {
    std::lock_guard lock(mutex);
    finished.insert(spec.run_id);
  });
  REQUIRE(finished.size() == suite.runs.size());
  for (const auto& spec : suite.runs) REQUIRE(finished.count(spec.run_id) == 1);
}

TEST_CASE("an error inside a run names the run", "[runner][errors]") {
  Suite suite = parse_suite(test::kSmallSuite, "small.toml", builtin_catalog());
  suite.runs[1].optimizer = "no_such_method";
  try {
    run_all(runs_of(suite), 2, builtin_catalog(), [](const RunSpec&, const RunResult&) {});
    FAIL("run_all did not throw");
  } catch (const ConfigError& error) {
    REQUIRE_THAT(error.what(), Catch::Contains(suite.runs[1].run_id) &&
                                   Catch::Contains(suite.runs[1].label) &&
                                   Catch::Contains("no_such_method"));
  }
}

TEST_CASE("an error of what is done with a finished run is not blamed on the run",
          "[runner][errors]") {
  const Suite suite = parse_suite(test::kSmallSuite, "small.toml", builtin_catalog());
  try {
    run_all(runs_of(suite), 2, builtin_catalog(), [](const RunSpec&, const RunResult&) {
      throw std::runtime_error("results.h5: No space left on device");
    });
    FAIL("run_all did not throw");
  } catch (const std::runtime_error& error) {
    REQUIRE(std::string(error.what()) == "results.h5: No space left on device");
  }
}

TEST_CASE("a thread builds an objective instance once for its consecutive runs, with the same results",
          "[runner]") {
  // The small suite: beale from two starts and rosenbrock from one, 12 runs, two instances.
  const Suite suite = parse_suite(test::kSmallSuite, "small.toml", builtin_catalog());
  std::atomic<int> built{0};
  std::vector<ObjectiveEntry> counting = objective_registry();
  for (auto& entry : counting)
    entry.make = [&built, make = entry.make](const ParamMap& params) {
      ++built;
      return make(params);
    };
  const Catalog catalog{counting, optimizer_registry()};
  const int threads = GENERATE(1, 2);
  std::mutex mutex;
  std::map<std::string, RunResult> results;
  run_all(runs_of(suite), threads, catalog, [&](const RunSpec& spec, const RunResult& result) {
    std::lock_guard lock(mutex);
    results.emplace(spec.run_id, result);
  });
  INFO(threads << " threads");
  REQUIRE(built >= 2);
  REQUIRE(built <= 2 * threads);
  REQUIRE(results.size() == suite.runs.size());
  for (const auto& spec : suite.runs) {
    const RunResult alone = execute_run(spec, builtin_catalog());
    const RunResult& shared = results.at(spec.run_id);
    REQUIRE(shared.iterations == alone.iterations);
    REQUIRE(shared.x_final == alone.x_final);
    REQUIRE(shared.trace.f == alone.trace.f);
  }
}
