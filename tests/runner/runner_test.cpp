// The runner: every run exactly once on any number of threads, and an error that names the
// run it came from.
#include <catch2/catch.hpp>

#include <mutex>
#include <set>

#include "descent/objectives/registry.hpp"
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
