// What storing runs costs next to computing them, on the suite of issue 9: Rosenbrock from
// 2,500 random starts × gd, adam, lbfgs, momentum, max_iter 200, every iteration recorded.
// Each benchmark measures, in the same process and on the same runs:
//   compute    every run executed, results kept in memory;
//   reference  the same results written to one HDF5 file opened once (same layout, same
//              filters: the bytes themselves, without segments, commits or compaction);
//   pipeline   what `descent run` does: runs on -j threads, the writer thread, batch commits,
//              compaction into the output.
// Counters: runs_per_second (pipeline), ratio = pipeline / (compute + reference) (issue 9
// asks ≤ 1.1 and ≥ 3,000 runs/s), each also in CPU time of the process (`_cpu`: all threads;
// the meaningful figure when other programs share the cores — `load_average` says how busy
// the machine was), the file's bytes per trace row against schema version 1's, and for
// BM_threads the speed-up of -j 2 over -j 1 on a compute-bound suite and on tiny runs (asked:
// ≥ 1.8 and ≥ 1; wall time only, the least of five alternating measurements of each, so
// meaningful only on otherwise idle cores).
#include <benchmark/benchmark.h>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>

#include "descent/objectives/registry.hpp"
#include "descent/runner/runner.hpp"
#include "descent/store/results_columns.hpp"
#include "descent/store/results_schema.hpp"
#include "descent/store/results_store.hpp"
#include "descent/suite/suite.hpp"

namespace {

using namespace descent;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct ScratchDirectory {
  fs::path path = fs::temp_directory_path() / ("descent-bench-store-" + std::to_string(::getpid()));
  ScratchDirectory() { fs::create_directories(path); }
  ~ScratchDirectory() { fs::remove_all(path); }
};

Suite suite_from(const fs::path& directory, const std::string& toml) {
  const auto path = directory / "suite.toml";
  std::ofstream(path) << toml;
  return load_suite(path, builtin_catalog());
}

std::string rosenbrock_suite(std::int64_t starts) {
  return "name = \"bench-store\"\nseed = 1\n[run]\nmax_iter = 200\nrecord = { every = 1 }\n"
         "[[objective]]\nname = \"rosenbrock\"\nstarts = { random = " + std::to_string(starts) +
         ", box = [-2, 2] }\n[[optimizer]]\nname = \"gd\"\nlr = 1e-3\n[[optimizer]]\nname = "
         "\"adam\"\nlr = 1e-2\n[[optimizer]]\nname = \"lbfgs\"\n[[optimizer]]\nname = "
         "\"momentum\"\nlr = 1e-3\n";
}

// Few records, much arithmetic: storage is a small part.
std::string compute_bound_suite(std::int64_t starts) {
  return "name = \"bench-compute\"\nseed = 1\n[run]\nmax_iter = 20000\nrecord = { every = 1000 }\n"
         "[[objective]]\nname = \"quadratic\"\nparams = { dim = 200, kappa = 100.0 }\n"
         "starts = { random = " + std::to_string(starts) + ", box = [-1, 1] }\n"
         "[[optimizer]]\nname = \"gd\"\nlr = 1e-3\n";
}

std::string tiny_suite(std::int64_t starts) {
  return "name = \"bench-tiny\"\nseed = 1\n[run]\nmax_iter = 5\n[[objective]]\nname = "
         "\"beale\"\nstarts = { random = " + std::to_string(starts) + ", box = [-1, 1] }\n"
         "[[optimizer]]\nname = \"gd\"\nlr = 1e-3\n";
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// User + system CPU seconds of the process so far, all threads.
double cpu_seconds() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + 1e-6 * static_cast<double>(t.tv_usec); };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// The 1-minute load average: how many programs wanted the cores meanwhile.
double load_average() {
  double load = 0;
  std::ifstream("/proc/loadavg") >> load;
  return load;
}

// Schema version 1 (one group per run) stored this suite in 206,360,308 bytes for 1,452,920
// trace rows: `descent run` of the suite with descent 08b1bd7, the last version-1 writer.
constexpr double kVersion1BytesPerRow = 206360308.0 / 1452920.0;

std::vector<const RunSpec*> all_runs(const Suite& suite) {
  std::vector<const RunSpec*> runs;
  for (const auto& spec : suite.runs) runs.push_back(&spec);
  return runs;
}

// `descent run` without the summary: seconds for the whole suite into a new output.
double pipeline_seconds(const Suite& suite, const fs::path& output, int threads) {
  fs::remove(output);
  const Catalog catalog = builtin_catalog();
  const auto start = Clock::now();
  {
    ResultsStore store(output, suite);
    run_all(all_runs(suite), threads, catalog,
            [&](const RunSpec& spec, const RunResult& result) { store.write_run(spec, result); });
    store.compact();
  }
  return seconds_since(start);
}

void BM_suite_against_reference(benchmark::State& state) {
  const ScratchDirectory scratch;
  const Suite suite = suite_from(scratch.path, rosenbrock_suite(state.range(0)));
  const Catalog catalog = builtin_catalog();
  const double load = load_average();
  double compute = 0, reference = 0, pipeline = 0;
  double compute_cpu = 0, reference_cpu = 0, pipeline_cpu = 0;
  double rows = 0;
  for (auto _ : state) {
    auto start = Clock::now();
    double cpu = cpu_seconds();
    std::vector<RunResult> results;
    results.reserve(suite.runs.size());
    for (const auto& spec : suite.runs) results.push_back(execute_run(spec, catalog));
    compute = seconds_since(start);
    compute_cpu = cpu_seconds() - cpu;
    rows = 0;
    for (const auto& result : results) rows += static_cast<double>(result.trace.size());

    const auto reference_file = scratch.path / "reference.h5";
    fs::remove(reference_file);
    start = Clock::now();
    cpu = cpu_seconds();
    {
      const auto held = h5::lock();
      h5::Handle file = h5::create_file(reference_file);
      {
        schema::write_root(file, current_file_info(suite.name, suite.toml_text, suite.sha256));
        columns::RunsWriter writer(file, columns::Compression::kDeflate);
        std::vector<schema::IndexEntry> entries;
        for (std::size_t i = 0; i < suite.runs.size(); ++i)
          entries.push_back(writer.add(suite.runs[i], results[i]));
        writer.flush();
        schema::write_index(file, entries);
      }
      h5::close_file(file);
    }
    reference = seconds_since(start);
    reference_cpu = cpu_seconds() - cpu;
    cpu = cpu_seconds();
    pipeline = pipeline_seconds(suite, scratch.path / "out.h5", 1);
    pipeline_cpu = cpu_seconds() - cpu;
  }
  const double runs = static_cast<double>(suite.runs.size());
  const double bytes = static_cast<double>(fs::file_size(scratch.path / "out.h5"));
  state.counters["load_average"] = load;
  state.counters["compute_s"] = compute;
  state.counters["reference_write_s"] = reference;
  state.counters["pipeline_s"] = pipeline;
  state.counters["ratio"] = pipeline / (compute + reference);
  state.counters["runs_per_second"] = runs / pipeline;
  state.counters["compute_cpu_s"] = compute_cpu;
  state.counters["reference_write_cpu_s"] = reference_cpu;
  state.counters["pipeline_cpu_s"] = pipeline_cpu;
  state.counters["ratio_cpu"] = pipeline_cpu / (compute_cpu + reference_cpu);
  state.counters["runs_per_cpu_second"] = runs / pipeline_cpu;
  state.counters["file_MB"] = bytes / 1e6;
  state.counters["bytes_per_trace_row"] = bytes / rows;
  state.counters["size_vs_version_1"] = bytes / rows / kVersion1BytesPerRow;
}

void BM_threads(benchmark::State& state) {
  const ScratchDirectory scratch;
  const Suite compute_bound = suite_from(scratch.path, compute_bound_suite(256));
  const Suite tiny = suite_from(scratch.path, tiny_suite(2000));
  // The least of kThreadRounds alternating measurements of each: one measurement of a
  // fraction of a second varies by ±20% with what else the cores do.
  constexpr int kThreadRounds = 5;
  const auto least = [](double& best, double seconds) { best = std::min(best, seconds); };
  constexpr double kNone = std::numeric_limits<double>::infinity();
  double compute_1 = kNone, compute_2 = kNone, tiny_1 = kNone, tiny_2 = kNone;
  state.counters["load_average"] = load_average();
  for (auto _ : state) {
    for (int round = 0; round < kThreadRounds; ++round) {
      least(compute_1, pipeline_seconds(compute_bound, scratch.path / "c1.h5", 1));
      least(compute_2, pipeline_seconds(compute_bound, scratch.path / "c2.h5", 2));
      least(tiny_1, pipeline_seconds(tiny, scratch.path / "t1.h5", 1));
      least(tiny_2, pipeline_seconds(tiny, scratch.path / "t2.h5", 2));
    }
  }
  state.counters["compute_bound_j1_s"] = compute_1;
  state.counters["compute_bound_j2_s"] = compute_2;
  state.counters["compute_bound_speedup"] = compute_1 / compute_2;
  state.counters["tiny_j1_s"] = tiny_1;
  state.counters["tiny_j2_s"] = tiny_2;
  state.counters["tiny_speedup"] = tiny_1 / tiny_2;
}

BENCHMARK(BM_suite_against_reference)->Arg(2500)->Unit(benchmark::kSecond)->Iterations(1);
BENCHMARK(BM_threads)->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
