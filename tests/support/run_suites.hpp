// Suites and helpers shared by the tests that run `descent run` as a subprocess
// (tests/cli, tests/mpi, tests/suite): a suite run that must succeed, a small suite whose runs
// differ in cost and outcome, a slow one to kill midway, the runs already committed to an
// output's segments, and the comparison with an uninterrupted run on one process.
#pragma once

#include <catch2/catch.hpp>

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "descent/store/results_reader.hpp"
#include "support/same_runs.hpp"
#include "support/subprocess.hpp"
#include "support/temporary_directory.hpp"
#include "support/text_files.hpp"

namespace descent::test {

// A suite file in a fresh temporary directory, DIR/NAME.toml, and the results file a test
// runs it into, DIR/NAME.h5 (not yet written).
struct SuiteFiles {
  TemporaryDirectory dir;
  std::filesystem::path suite;
  std::filesystem::path out;

  SuiteFiles(const std::string& name, const std::string& text)
      : suite(write_file(dir / (name + ".toml"), text)), out(dir / (name + ".h5")) {}
};

// `descent run SUITE -o OUTPUT --quiet ARGS...`, which must succeed (its standard error is
// shown when it does not); OUTPUT.
inline std::filesystem::path run_quietly(const std::filesystem::path& suite,
                                         const std::filesystem::path& output,
                                         const std::vector<std::string>& args = {}) {
  std::vector<std::string> command = {"run", suite.string(), "-o", output.string(), "--quiet"};
  command.insert(command.end(), args.begin(), args.end());
  const ProcessResult run = run_descent(command);
  INFO(run.err);
  REQUIRE(run.exit_status == 0);
  return output;
}

// The suite `text` written as DIR/NAME.toml and run into DIR/NAME.h5 (run_quietly); the
// results file.
inline std::filesystem::path run_suite(const TemporaryDirectory& dir, const std::string& name,
                                       const std::string& text,
                                       const std::vector<std::string>& args = {}) {
  return run_quietly(write_file(dir / (name + ".toml"), text), dir / (name + ".h5"), args);
}

// Twelve runs of about 0.2 s each: long enough to kill the suite midway.
inline constexpr const char* kSlowSuite = R"(
name = "slow"
seed = 7
[run]
max_iter = 40000
record = { every = 500 }
[[objective]]
name = "quadratic"
params = { dim = 2000, kappa = 100.0 }
starts = "standard"
[[optimizer]]
name = "gd"
sweep = { lr = [0.001, 0.002, 0.003, 0.004, 0.005, 0.006] }
[[optimizer]]
name = "adam"
sweep = { lr = [0.001, 0.002, 0.003, 0.004, 0.005, 0.006] }
)";

// Twelve runs that differ in cost and outcome (diverged, budget) on two objectives.
inline constexpr const char* kSmallSuite = R"(
name = "small"
[run]
max_iter = 300
stop = { step_norm = 1e-12 }
[[objective]]
name = "beale"
starts = [[2.0, -2.0], [-3.0, 3.0]]
[[objective]]
name = "rosenbrock"
[[optimizer]]
name = "gd"
lr = 1e-2
[[optimizer]]
name = "nesterov"
form = "lookahead"
lr = 1e-4
[[optimizer]]
name = "adam"
sweep = { lr = [0.01, 0.1] }
)";

// Runs in the committed segments of an output (each segment is a results file).
inline std::size_t committed_runs(const std::filesystem::path& output) {
  const std::filesystem::path dir = output.string() + ".segments";
  std::size_t count = 0;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error))
    if (entry.path().extension() == ".h5") count += ResultsReader(entry.path()).index().size();
  return count;
}

// Waits (two minutes at most) until at least `runs` runs of `output` are committed.
inline void wait_for_committed(const std::filesystem::path& output, std::size_t runs) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (committed_runs(output) < runs && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  REQUIRE(committed_runs(output) >= runs);
}

// `output` holds the same runs, bit for bit (require_same_runs), as `descent run` of `suite` on
// one process and one thread writes into OUTPUT_STEM-whole.h5 beside it: what a resumed,
// parallel, sharded or MPI run must come to. The uninterrupted file.
inline std::filesystem::path require_same_as_one_process(const std::filesystem::path& suite,
                                                         const std::filesystem::path& output) {
  const auto whole = run_quietly(suite, output.parent_path() / (output.stem().string() + "-whole.h5"));
  require_same_runs(output, whole);
  return whole;
}

}  // namespace descent::test
