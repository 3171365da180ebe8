// What storing a run costs next to running it: the reference is one Adam run on a 2-D
// quadratic with its trace recorded; then writing that run's segment, compacting segments
// into the output (per run), and reading a run back. Arguments: records per run.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

#include <unistd.h>

#include "descent/driver/driver.hpp"
#include "descent/optimizers/registry.hpp"
#include "descent/store/results_reader.hpp"
#include "descent/store/results_store.hpp"
#include "descent/objectives/registry.hpp"

namespace {

using namespace descent;

RunSpec adam_run(std::int64_t records, std::int64_t repeat) {
  RunSpec spec;
  spec.objective = "quadratic";
  spec.objective_params = find_objective("quadratic")->normalize(
      {{"eigenvalues", std::vector<double>{1.0, 10.0}}});
  spec.x0 = Vector{{1.0, 1.0}};
  spec.optimizer = "adam";
  spec.label = "adam";
  spec.optimizer_params = find_optimizer("adam")->normalize({{"lr", 1e-4}});
  spec.settings.max_iter = records - 1;
  spec.repeat = repeat;
  spec.run_id = compute_run_id(spec);
  return spec;
}

RunResult run(const RunSpec& spec) {
  const auto objective = find_objective(spec.objective)->make(spec.objective_params);
  const auto method = find_optimizer(spec.optimizer)->make(spec.optimizer_params);
  return run_optimizer(*objective, *method, spec.x0, spec.settings, spec.seed);
}

Suite suite_of(const std::vector<RunSpec>& runs) {
  Suite suite;
  suite.name = "bench-store";
  suite.toml_text = "name = \"bench-store\"\n";
  suite.sha256 = sha256_hex(suite.toml_text);
  suite.runs = runs;
  return suite;
}

struct ScratchDirectory {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("descent-bench-store-" + std::to_string(::getpid()));
  ScratchDirectory() { std::filesystem::create_directories(path); }
  ~ScratchDirectory() { std::filesystem::remove_all(path); }
};

void BM_run_reference(benchmark::State& state) {
  const RunSpec spec = adam_run(state.range(0), 0);
  for (auto _ : state) benchmark::DoNotOptimize(run(spec));
  state.SetItemsProcessed(state.iterations());
}

void BM_write_run(benchmark::State& state) {
  const ScratchDirectory scratch;
  const RunSpec spec = adam_run(state.range(0), 0);
  const RunResult result = run(spec);
  ResultsStore store(scratch.path / "out.h5", suite_of({spec}));
  for (auto _ : state) store.write_run(spec, result);  // the same segment, replaced each time
  state.SetItemsProcessed(state.iterations());
}

void BM_compact(benchmark::State& state) {
  constexpr int kRuns = 50;
  const ScratchDirectory scratch;
  std::vector<RunSpec> specs;
  for (int i = 0; i < kRuns; ++i) specs.push_back(adam_run(state.range(0), i));
  const RunResult result = run(specs.front());
  for (auto _ : state) {
    state.PauseTiming();
    std::filesystem::remove(scratch.path / "out.h5");
    ResultsStore store(scratch.path / "out.h5", suite_of(specs));
    for (const auto& spec : specs) store.write_run(spec, result);
    state.ResumeTiming();
    store.compact();
  }
  state.SetItemsProcessed(state.iterations() * kRuns);
}

void BM_read_run(benchmark::State& state) {
  const ScratchDirectory scratch;
  const RunSpec spec = adam_run(state.range(0), 0);
  {
    ResultsStore store(scratch.path / "out.h5", suite_of({spec}));
    store.write_run(spec, run(spec));
    store.compact();
  }
  const ResultsReader reader(scratch.path / "out.h5");
  for (auto _ : state) benchmark::DoNotOptimize(reader.run(spec.run_id));
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_run_reference)->Arg(100)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_write_run)->Arg(100)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_compact)->Arg(100)->Arg(10000)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_read_run)->Arg(100)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
