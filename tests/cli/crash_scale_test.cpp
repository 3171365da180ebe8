// 10⁴ runs killed with SIGKILL at random moments, while runs are being written and while the
// output is being compacted: nothing committed is ever lost, OUT.h5 always reads as a valid
// results file, and resuming ends with the file an uninterrupted run writes (issue 9).
#include <catch2/catch.hpp>

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include "descent/objectives/registry.hpp"
#include "descent/store/results_reader.hpp"
#include "descent/store/results_store.hpp"
#include "descent/suite/suite.hpp"
#include "support/run_suites.hpp"
#include "support/subprocess.hpp"
#include "support/temporary_directory.hpp"

using namespace descent;
namespace fs = std::filesystem;

namespace {

constexpr int kRuns = 10000;

bool compaction_started(const fs::path& output) {
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(output.parent_path(), error)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with(output.filename().string() + ".") && name.ends_with(".tmp")) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("10^4 runs killed at random moments while writing and compacting lose nothing "
          "committed and resume to the uninterrupted file",
          "[cli][slow][crash]") {
  test::TemporaryDirectory dir;
  const auto suite_path = dir / "many.toml";
  std::ofstream(suite_path) << "name = \"many\"\nseed = 3\n[run]\nmax_iter = 10\n"
                               "[[objective]]\nname = \"rosenbrock\"\nstarts = { random = "
                            << kRuns / 2
                            << ", box = [-2, 2] }\n[[optimizer]]\nname = \"gd\"\nlr = 1e-3\n"
                               "[[optimizer]]\nname = \"adam\"\nlr = 1e-2\n";
  const Suite suite = load_suite(suite_path, builtin_catalog());
  REQUIRE(suite.runs.size() == kRuns);
  const auto killed = dir / "killed.h5";
  const std::vector<std::string> args{"run", suite_path.string(), "-o", killed.string(), "--quiet"};

  // The uninterrupted run first: its duration sets when the kills fall, so that they fall
  // while the runs are written, whatever the speed of the machine.
  const auto whole = dir / "whole.h5";
  const auto started = std::chrono::steady_clock::now();
  test::run_quietly(suite_path, whole);
  const std::chrono::duration<double> whole_time = std::chrono::steady_clock::now() - started;

  std::mt19937_64 random(Catch::rngSeed());
  std::uniform_real_distribution<double> fraction(0.05, 0.6);
  std::set<std::string> stored;
  int kills_writing = 0, kills_compacting = 0;
  for (int attempt = 0; attempt < 12 && stored.size() < kRuns; ++attempt) {
    const pid_t pid = test::start_descent(args);
    const bool during_compaction = attempt % 2 == 1;
    if (during_compaction) {
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(600);
      while (!compaction_started(killed) && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::microseconds(200));
      std::this_thread::sleep_for(0.05 * fraction(random) * whole_time);
    } else {
      const double remaining = static_cast<double>(kRuns - stored.size()) / kRuns;
      std::this_thread::sleep_for(fraction(random) * remaining * whole_time);
    }
    ::kill(pid, SIGKILL);
    const auto ended = test::wait_for(pid);
    if (ended.signal != SIGKILL) break;  // finished before the kill
    (during_compaction ? kills_compacting : kills_writing) += 1;

    if (fs::exists(killed)) REQUIRE_NOTHROW(ResultsReader(killed).index());
    const ResultsStore reopened(killed, suite);
    const auto now_stored = reopened.stored_run_ids();
    INFO("attempt " << attempt);
    REQUIRE(std::includes(now_stored.begin(), now_stored.end(), stored.begin(), stored.end()));
    stored = now_stored;
  }
  CHECK(kills_writing > 0);
  CHECK(kills_compacting > 0);

  REQUIRE(test::run_descent(args).exit_status == 0);
  const ResultsReader a(killed), b(whole);
  REQUIRE(a.index().size() == kRuns);
  REQUIRE(b.index().size() == kRuns);
  for (std::size_t i = 0; i < a.index().size(); ++i) {
    IndexRow row_a = a.index()[i], row_b = b.index()[i];
    row_a.seconds = row_b.seconds = 0.0;
    REQUIRE(row_a == row_b);
    const auto run_a = a.run(row_a.run_id), run_b = b.run(row_b.run_id);
    REQUIRE(run_a.result.trace.f == run_b.result.trace.f);
    REQUIRE(run_a.result.trace.x == run_b.result.trace.x);
    REQUIRE(run_a.result.x_final == run_b.result.x_final);
  }
}
