// bench_mpi_farm: throughput of `descent run --mpi` on 10⁴ tiny runs (gradient descent on
// Rosenbrock, 20 steps, a few µs of compute each) for 1, 2 and 4 ranks of one thread, and
// rank 0's cost per run: the figures behind the scaling model of docs/cluster.md.
//
//   build/bench/bench_mpi_farm [RUNS]     (default 10000; prints one table row per rank count)
//
// Each row is one `mpirun -n R descent run tiny.toml --mpi` into a fresh output. "farm runs/s"
// counts from the first batch handed out to the last run stored (the line descent prints);
// "end to end" adds MPI start-up, compaction and the summary table. "dispatch µs/run" is the
// CPU time of rank 0's dispatching thread per run (its idle polling included), "answering"
// the part spent answering requests (including its progress line per run).
// Tiny runs make the farm's own costs visible: real runs last 10³–10⁶ times longer.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>

namespace {

namespace fs = std::filesystem;

std::string tiny_suite(long runs) {
  return "name = \"tiny\"\n[run]\nmax_iter = 20\n[[objective]]\nname = \"rosenbrock\"\n"
         "[[optimizer]]\nname = \"gd\"\nsweep = { lr = { logspace = [1e-6, 1e-4, " +
         std::to_string(runs) + "] } }\n";
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

int main(int argc, char** argv) {
  const long runs = argc > 1 ? std::atol(argv[1]) : 10000;
  const fs::path dir = fs::temp_directory_path() / ("bench-mpi-farm-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path suite = dir / "tiny.toml";
  std::ofstream(suite) << tiny_suite(runs);

  std::printf("%ld tiny runs, 1 thread per rank, %u cores\n\n", runs,
              std::thread::hardware_concurrency());
  std::printf("%5s  %12s  %12s  %8s  %15s  %15s\n", "ranks", "farm runs/s", "end to end",
              "batches", "dispatch us/run", "answering us/run");
  const std::regex stats(
      R"(in ([0-9.]+) s \(([0-9.]+) runs/s\), (\d+) batch\(es\); rank 0 dispatch ([0-9.]+) us CPU per run \(([0-9.]+) us)");
  for (const int ranks : {1, 2, 4}) {
    const fs::path output = dir / ("ranks" + std::to_string(ranks) + ".h5");
    const fs::path err = dir / "err";
    const std::string command = std::string(DESCENT_MPIEXEC) +
                                " --allow-run-as-root --oversubscribe -n " + std::to_string(ranks) +
                                " " + DESCENT_PROGRAM + " run " + suite.string() + " -o " +
                                output.string() + " --mpi > /dev/null 2> " + err.string();
    const auto start = std::chrono::steady_clock::now();
    const int status = std::system(command.c_str());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::string text = read_text(err);
    std::smatch match;
    if (status != 0 || !std::regex_search(text, match, stats)) {
      std::fprintf(stderr, "bench_mpi_farm: %s failed:\n%s\n", command.c_str(), text.c_str());
      return 1;
    }
    std::printf("%5d  %12.0f  %12.0f  %8s  %15s  %15s\n", ranks, std::stod(match[2]),
                static_cast<double>(runs) / seconds, match[3].str().c_str(), match[4].str().c_str(),
                match[5].str().c_str());
  }
  fs::remove_all(dir);
  return 0;
}
