// Suites and helpers shared by the tests that run `descent run` as a subprocess
// (tests/cli, tests/mpi): a small suite whose runs differ in cost and outcome, a slow one to
// kill midway, and the count of runs already committed to an output's segments.
#pragma once

#include <cstddef>
#include <filesystem>
#include <system_error>

#include "descent/store/results_reader.hpp"

namespace descent::test {

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

}  // namespace descent::test
