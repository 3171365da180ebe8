// `descent run --mpi` as a user meets it under mpirun (lib/engine/descent/mpi/task_farm.hpp):
// the same file as one process on one thread, a rank or mpirun killed with SIGKILL and the
// job completed by running it again, and --mpi refused by a build without MPI.
#include <catch2/catch.hpp>

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <thread>

#include "descent/core/counted.hpp"
#include "descent/store/results_reader.hpp"
#include "support/run_suites.hpp"
#include "support/same_runs.hpp"
#include "support/subprocess.hpp"
#include "support/temporary_directory.hpp"
#include "support/text_files.hpp"

using namespace descent;
namespace fs = std::filesystem;
using test::kSlowSuite;
using test::kSmallSuite;
using test::require_same_as_one_process;
using test::wait_for_committed;
using test::write_file;

#if DESCENT_HAVE_MPI

namespace {

std::vector<std::string> mpirun(int ranks, std::vector<std::string> descent_args) {
  std::vector<std::string> argv{DESCENT_MPIEXEC, "--allow-run-as-root", "--oversubscribe", "-n"};
  argv.push_back(std::to_string(ranks));
  argv.push_back(test::descent_program());
  argv.insert(argv.end(), descent_args.begin(), descent_args.end());
  return argv;
}

// The pid of rank `rank` among the children of `launcher` (Open MPI starts the ranks of its
// own host as its children and tells each its rank in OMPI_COMM_WORLD_RANK).
pid_t rank_pid(pid_t launcher, int rank) {
  const std::string wanted = "OMPI_COMM_WORLD_RANK=" + std::to_string(rank);
  for (const auto& entry : fs::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string pid, command, state;
    long parent = 0;
    if (!(stat >> pid >> command >> state >> parent) || parent != launcher) continue;
    std::ifstream environ(entry.path() / "environ");
    for (std::string variable; std::getline(environ, variable, '\0');)
      if (variable == wanted) return static_cast<pid_t>(std::stol(name));
  }
  return 0;
}

}  // namespace

TEST_CASE("three ranks write the file one process writes with -j 1", "[mpi]") {
  const test::SuiteFiles files("small", kSmallSuite);
  const auto& [dir, suite, farm] = files;
  const auto result =
      test::run_program(mpirun(3, {"run", suite.string(), "-o", farm.string(), "--mpi"}));
  INFO(result.err);
  REQUIRE(result.exit_status == 0);
  REQUIRE_THAT(result.err, Catch::Contains("descent: 12 runs to do") &&
                               Catch::Contains("descent: mpi: 3 ranks x 1 thread on "));
  REQUIRE_THAT(result.out,
               Catch::Contains("adam lr=0.1") && Catch::Contains("wrote " + farm.string()));
  const auto one = require_same_as_one_process(suite, farm);

  const ResultsReader reader(farm);
  CHECK(reader.info().ranks == 3);
  CHECK(reader.info().threads == 1);
  CHECK(reader.info().hosts == host_name());
  CHECK(ResultsReader(one).info().ranks == 1);
  CHECK_FALSE(fs::exists(farm.string() + ".segments"));
  CHECK_FALSE(fs::exists(farm.string() + ".lock"));
}

TEST_CASE("two ranks of two threads write the same file and leave a finished file as it is",
          "[mpi]") {
  const test::SuiteFiles files("small", kSmallSuite);
  const auto& [dir, suite, farm] = files;
  const auto args = mpirun(2, {"run", suite.string(), "-o", farm.string(), "--mpi", "-j", "2"});
  REQUIRE(test::run_program(args).exit_status == 0);
  const auto one = require_same_as_one_process(suite, farm);
  CHECK(ResultsReader(farm).info().threads == 2);

  const auto again = test::run_program(args);
  REQUIRE(again.exit_status == 0);
  REQUIRE_THAT(again.err, Catch::Contains("0 runs to do, 12 already stored"));
  test::require_same_runs(farm, one);
}

TEST_CASE(
    "a rank killed mid-run fails the job naming the runs in flight and rerunning completes the "
    "file",
    "[mpi][crash]") {
  const test::SuiteFiles files("slow", kSlowSuite);
  const auto& [dir, suite, killed] = files;
  const auto args = mpirun(3, {"run", suite.string(), "-o", killed.string(), "--mpi"});

  const pid_t launcher = test::start_program(args, "/dev/null", (dir / "err").string());
  wait_for_committed(killed, 3);
  const pid_t rank1 = rank_pid(launcher, 1);
  REQUIRE(rank1 > 0);
  ::kill(rank1, SIGKILL);
  const auto stopped = test::wait_for(launcher);
  const std::string err = test::text_of(dir / "err");
  INFO(err);
  REQUIRE(stopped.exit_status != 0);
  REQUIRE_THAT(err, Catch::Contains("descent: failure: the MPI job was stopped") &&
                        Catch::Contains("in flight were not stored"));
  // Every run rank 0 counted as stored is in a committed segment; the runs in flight are named.
  std::smatch counts;
  REQUIRE(std::regex_search(
      err, counts,
      std::regex(R"((\d+) runs? stored by this job are kept; (\d+) runs? in flight)")));
  const std::size_t reported = std::stoul(counts[1]), in_flight = std::stoul(counts[2]);
  const std::size_t stored = test::committed_runs(killed);
  REQUIRE(stored >= reported);
  REQUIRE(stored < 12);
  REQUIRE(in_flight >= 1);
  const std::regex named_run(R"(\n    [0-9a-f]{16} \()");
  const auto ids = std::distance(std::sregex_iterator(err.begin(), err.end(), named_run),
                                 std::sregex_iterator());
  REQUIRE(static_cast<std::size_t>(ids) == in_flight);
  REQUIRE(reported + in_flight <= 12);

  const auto resumed = test::run_program(args);
  INFO(resumed.err);
  REQUIRE(resumed.exit_status == 0);
  REQUIRE_THAT(resumed.err, Catch::Contains(counted(static_cast<std::int64_t>(12 - stored), "run") + " to do, " +
                                            std::to_string(stored) + " already stored"));
  require_same_as_one_process(suite, killed);
}

TEST_CASE("mpirun killed mid-run: a plain descent run completes the file", "[mpi][crash]") {
  const test::SuiteFiles files("slow", kSlowSuite);
  const auto& [dir, suite, killed] = files;
  const pid_t launcher = test::start_program(
      mpirun(3, {"run", suite.string(), "-o", killed.string(), "--mpi"}), "/dev/null", "/dev/null");
  wait_for_committed(killed, 3);
  ::kill(launcher, SIGKILL);
  REQUIRE(test::wait_for(launcher).signal == SIGKILL);
  // The ranks die with their launcher; the lock of rank 0 goes with it.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  test::ProcessResult resumed;
  do {
    resumed = test::run_descent({"run", suite.string(), "-o", killed.string()});
  } while (resumed.exit_status == 2 && std::chrono::steady_clock::now() < deadline);
  INFO(resumed.err);
  REQUIRE(resumed.exit_status == 0);
  REQUIRE_THAT(resumed.err, Catch::Contains("already stored"));

  require_same_as_one_process(suite, killed);
}

TEST_CASE("descent run --mpi started without mpirun runs the suite as a single rank", "[mpi]") {
  const test::SuiteFiles files("small", kSmallSuite);
  const auto& [dir, suite, alone] = files;
  const auto result =
      test::run_descent({"run", suite.string(), "-o", alone.string(), "--mpi", "--quiet"});
  INFO(result.err);
  REQUIRE(result.exit_status == 0);
  require_same_as_one_process(suite, alone);
  CHECK(ResultsReader(alone).info().ranks == 1);
}

#else

TEST_CASE("descent run --mpi in a build without MPI is a usage error that writes nothing",
          "[mpi][errors]") {
  const test::SuiteFiles files("small", kSmallSuite);
  const auto& [dir, suite, out] = files;
  const auto result = test::run_descent({"run", suite.string(), "-o", out.string(), "--mpi"});
  REQUIRE(result.exit_status == 2);
  REQUIRE_THAT(result.err,
               Catch::StartsWith("descent: error: --mpi: this descent was built without MPI"));
  REQUIRE_FALSE(fs::exists(out));
  REQUIRE_FALSE(fs::exists(out.string() + ".lock"));
  // Everything else works.
  test::run_quietly(suite, out);
}

#endif
