// Cost of the n-dimensional objectives against n: f, ∇f, f + ∇f, Hv and (for n <= 4096)
// the dense Hessian, next to the STREAM triad a = b + s·c measured in the same run.
//
//   bench_objectives [--benchmark_min_time=0.05] [--benchmark_filter=...]
//
// After the Google Benchmark table it prints, per objective and n, the ratio of an Hv to an
// f + ∇f evaluation (aim: <= 1.7; an analytic Hv of a separable problem is memory-bound),
// and the memory bandwidth of ∇f against the triad's (extended Rosenbrock at 10⁷: ∇f reads x
// and writes g, 16 bytes per coordinate; the triad moves 24).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "descent/objectives/registry.hpp"

using namespace descent;

namespace {

const std::vector<std::string> kObjectives = {
    "extended_rosenbrock", "chained_rosenbrock", "quadratic",       "sphere",
    "sum_of_squares",      "trid",               "dixon_price",     "zakharov",
    "styblinski_tang",     "rastrigin",          "griewank",        "levy",
    "extended_powell",     "indefinite_quadratic"};
const std::vector<std::int64_t> kSizes = {1 << 10, 1 << 14, 1 << 17, 1 << 20, 10'000'000};
const std::vector<std::string> kOperations = {"f", "grad", "f+grad", "hv", "hessian"};

// The inputs of one (objective, n), built outside the timed loops. Benchmarks run in
// registration order, so one cached fixture serves all operations of a size.
struct Fixture {
  std::string name;
  std::int64_t n = 0;
  std::unique_ptr<Objective> objective;
  Vector x, v, g, hv;
  Matrix h;
};

Fixture& fixture(const std::string& name, std::int64_t n) {
  static Fixture cached;
  if (cached.name != name || cached.n != n) {
    cached = Fixture{};
    cached.name = name;
    cached.n = n;
    cached.objective = find_objective(name)->make({{"dim", n}});
    std::mt19937_64 rng(1);
    std::normal_distribution<double> normal;
    const Box box = cached.objective->domain();
    cached.x = box.lower + 0.5 * (box.upper - box.lower);
    for (Index i = 0; i < n; ++i) cached.x[i] += 0.1 * normal(rng);
    cached.v.resize(n);
    for (Index i = 0; i < n; ++i) cached.v[i] = normal(rng);
  }
  return cached;
}

// Bytes each operation must move at least: x read (f); x read, g written (∇f, f + ∇f);
// x, v read, Hv written (Hv); x read, n² doubles written (dense Hessian).
std::int64_t bytes_of(const std::string& op, std::int64_t n) {
  if (op == "f") return 8 * n;
  if (op == "grad" || op == "f+grad") return 16 * n;
  if (op == "hv") return 24 * n;
  return 8 * n + 8 * n * n;
}

void run_operation(benchmark::State& state, const std::string& name, const std::string& op) {
  const std::int64_t n = state.range(0);
  Fixture& fx = fixture(name, n);
  const Objective& objective = *fx.objective;
  for (auto _ : state) {
    if (op == "f") {
      benchmark::DoNotOptimize(objective.value(fx.x));
    } else if (op == "grad") {
      objective.gradient(fx.x, fx.g);
      benchmark::DoNotOptimize(fx.g.data());
    } else if (op == "f+grad") {
      benchmark::DoNotOptimize(objective.value_gradient(fx.x, fx.g));
    } else if (op == "hv") {
      objective.hessian_vector(fx.x, fx.v, fx.hv);
      benchmark::DoNotOptimize(fx.hv.data());
    } else {
      objective.hessian(fx.x, fx.h);
      benchmark::DoNotOptimize(fx.h.data());
    }
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(state.iterations() * bytes_of(op, n));
}

// STREAM triad a = b + s·c: the memory-bandwidth reference.
void triad(benchmark::State& state) {
  const std::int64_t n = state.range(0);
  Vector a = Vector::Zero(n), b = Vector::Random(n), c = Vector::Random(n);  // pages touched
  const double s = 1.0000001;
  for (auto _ : state) {
    a.noalias() = b + s * c;
    benchmark::DoNotOptimize(a.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(state.iterations() * 24 * n);
}

// Keeps every run's time per iteration, in seconds, for the ratio summary.
class RecordingReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& run : runs)
      if (!run.error_occurred)
        seconds_[run.benchmark_name()] = run.GetAdjustedRealTime() / benchmark::GetTimeUnitMultiplier(run.time_unit);
    ConsoleReporter::ReportRuns(runs);
  }
  const std::map<std::string, double>& seconds() const { return seconds_; }

 private:
  std::map<std::string, double> seconds_;
};

void print_summary(const std::map<std::string, double>& seconds) {
  const auto time = [&](const std::string& key) {
    const auto it = seconds.find(key);
    return it == seconds.end() ? -1.0 : it->second;
  };
  std::printf("\nHv / (f + grad) time ratio (aim <= 1.7)\n%-22s", "objective");
  for (auto n : kSizes) std::printf("%12lld", static_cast<long long>(n));
  std::printf("\n");
  for (const auto& name : kObjectives) {
    std::printf("%-22s", name.c_str());
    for (auto n : kSizes) {
      const double hv = time(name + "/hv/" + std::to_string(n));
      const double fg = time(name + "/f+grad/" + std::to_string(n));
      if (hv > 0 && fg > 0)
        std::printf("%12.2f", hv / fg);
      else
        std::printf("%12s", "-");
    }
    std::printf("\n");
  }
  std::printf("\ngradient bandwidth / triad bandwidth (16 bytes per coordinate against 24)\n%-22s", "objective");
  for (auto n : kSizes) std::printf("%12lld", static_cast<long long>(n));
  std::printf("\n");
  for (const std::string name : {"extended_rosenbrock", "chained_rosenbrock", "quadratic", "sphere"}) {
    std::printf("%-22s", name.c_str());
    for (auto n : kSizes) {
      const double grad = time(name + "/grad/" + std::to_string(n));
      const double tri = time("triad/" + std::to_string(n));
      if (grad > 0 && tri > 0)
        std::printf("%12.2f", (16.0 * static_cast<double>(n) / grad) / (24.0 * static_cast<double>(n) / tri));
      else
        std::printf("%12s", "-");
    }
    std::printf("\n");
  }
  std::printf("\n%-22s", "triad bandwidth (GB/s)");
  for (auto n : kSizes) {
    const double tri = time("triad/" + std::to_string(n));
    std::printf("%12.1f", tri > 0 ? 24.0 * static_cast<double>(n) / tri / 1e9 : 0.0);
  }
  std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
  for (auto n : kSizes) benchmark::RegisterBenchmark("triad", triad)->Arg(n)->Unit(benchmark::kMicrosecond);
  for (const auto& name : kObjectives)
    for (auto n : kSizes)
      for (const auto& op : kOperations) {
        if (op == "hessian" && n > kMaxDenseHessianDim) continue;
        benchmark::RegisterBenchmark((name + "/" + op).c_str(),
                                     [name, op](benchmark::State& state) { run_operation(state, name, op); })
            ->Arg(n)
            ->Unit(benchmark::kMicrosecond);
      }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RecordingReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  print_summary(reporter.seconds());
  return 0;
}
