// Cost of one step of each first-order rule, as memory bandwidth next to a stream in the same
// run. At large n a step is one pass over n-element arrays, so its speed limit is the memory
// bandwidth; the reference is the in-place read-modify-write stream a ← a + s·b.
//
// Bytes per element counted for bytes_per_second (one word = sizeof(T); every update is in
// place, so no write-allocate traffic adds to the words read):
//   stream              reads a, b          writes a           3 words   (the reference)
//   stream5, stream7    the traffic of the 5- and 7-word rules with no arithmetic: what
//                       memory allows for their mix of reads and writes
//   gd                  reads x, g          writes x           3 words
//   momentum, nesterov  reads x, g, v       writes x, v        5 words
//   adagrad, rmsprop    reads x, g, a       writes x, a        5 words
//   rmsprop_momentum    reads x, g, a, v    writes x, a, v     7 words
//   adam                reads x, g, v, a    writes x, v, a     7 words
// Each rule runs with its default ν placement (adagrad, adam: outside; rmsprop: inside), and
// adam recomputes its bias corrections every step, as the optimizer does.
//
// After the run, a summary prints each rule's bandwidth over the stream's at n = 10⁷ (median
// over repetitions; to stdout after the console table, to stderr with another
// --benchmark_format). Usage:
//   bench_first_order_steps --benchmark_min_time=0.2 --benchmark_repetitions=3
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "descent/optimizers/adagrad.hpp"
#include "descent/optimizers/adam.hpp"
#include "descent/optimizers/gradient_descent.hpp"
#include "descent/optimizers/momentum.hpp"
#include "descent/optimizers/nesterov.hpp"
#include "descent/optimizers/rmsprop.hpp"

namespace {

using descent::Index;

constexpr Index kSmallest = 1'000;
constexpr Index kLargest = 10'000'000;
constexpr double kGibibyte = 1024.0 * 1024.0 * 1024.0;  // the unit of the console table's G/s

// State and gradient of one rule. g stays fixed: |gᵢ| ∈ [0.5, 1.5] with a random sign, so
// the moments settle near g and g² (adagrad's sum grows by at most 2.25 a step) and, with a
// tiny learning rate, x drifts by about 1e-6 a step: no denormals, no overflow however many
// steps the benchmark takes.
template <class T>
struct StepArrays {
  explicit StepArrays(Index n) : x(n, T(1)), g(n), v(n, T(0)), a(n, T(1)) {
    std::mt19937_64 rng(20240601);
    std::uniform_real_distribution<double> magnitude(0.5, 1.5);
    std::bernoulli_distribution negative(0.5);
    for (auto& gi : g) gi = static_cast<T>(negative(rng) ? -magnitude(rng) : magnitude(rng));
  }
  std::vector<T> x, g, v, a;
};

template <class T>
struct Coefficients {
  static constexpr T lr = T(1e-6);
  static constexpr T alpha = T(0.9);   // momentum
  static constexpr T beta = T(0.99);   // rmsprop
  static constexpr T beta1 = T(0.9);   // adam
  static constexpr T beta2 = T(0.999);
  static constexpr T nu = T(1e-7);
};

template <class T>
void run_steps(benchmark::State& state, int words, void (*step)(StepArrays<T>&, std::int64_t)) {
  const Index n = state.range(0);
  StepArrays<T> arrays(n);
  std::int64_t t = 0;
  for (auto _ : state) {
    step(arrays, ++t);
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(state.iterations() * n * words * static_cast<std::int64_t>(sizeof(T)));
}

template <class T>
void stream(StepArrays<T>& s, std::int64_t) {
  const Index n = static_cast<Index>(s.x.size());
  T* a = s.x.data();
  const T* b = s.g.data();
  for (Index i = 0; i < n; ++i) a[i] += Coefficients<T>::lr * b[i];
}

// The traffic of the 5- and 7-word rules with no arithmetic beyond one product: x and g with
// one state array (v) or two (v and a), each read and written.
template <class T, int kStates>
void stream_states(StepArrays<T>& s, std::int64_t) {
  static_assert(kStates == 1 || kStates == 2);
  const Index n = static_cast<Index>(s.x.size());
  T* x = s.x.data();
  const T* g = s.g.data();
  T* v = s.v.data();
  T* a = s.a.data();
  for (Index i = 0; i < n; ++i) {
    const T d = Coefficients<T>::lr * g[i];
    x[i] += d;
    v[i] -= d;
    if constexpr (kStates == 2) a[i] += d;
  }
}

template <class T>
void gd(StepArrays<T>& s, std::int64_t) {
  descent::gradient_descent_kernel(s.x.data(), s.g.data(), static_cast<Index>(s.x.size()),
                                   Coefficients<T>::lr);
}

template <class T>
void momentum(StepArrays<T>& s, std::int64_t) {
  using C = Coefficients<T>;
  descent::momentum_kernel(s.x.data(), s.g.data(), s.v.data(), static_cast<Index>(s.x.size()),
                           C::lr, C::alpha);
}

template <class T>
void nesterov(StepArrays<T>& s, std::int64_t) {
  using C = Coefficients<T>;
  descent::nesterov_kernel(s.x.data(), s.g.data(), s.v.data(), static_cast<Index>(s.x.size()),
                           C::lr, C::alpha);
}

template <class T>
void adagrad(StepArrays<T>& s, std::int64_t) {
  using C = Coefficients<T>;
  descent::adagrad_kernel(s.x.data(), s.g.data(), s.a.data(), static_cast<Index>(s.x.size()),
                          C::lr, C::nu, descent::AdagradOptions{}.eps_placement);
}

template <class T>
void rmsprop(StepArrays<T>& s, std::int64_t) {
  using C = Coefficients<T>;
  descent::rmsprop_kernel(s.x.data(), s.g.data(), s.a.data(), static_cast<Index>(s.x.size()),
                          C::lr, C::beta, C::nu, descent::RmspropOptions{}.eps_placement);
}

template <class T>
void rmsprop_momentum(StepArrays<T>& s, std::int64_t) {
  using C = Coefficients<T>;
  descent::rmsprop_momentum_kernel(s.x.data(), s.g.data(), s.a.data(), s.v.data(),
                                   static_cast<Index>(s.x.size()), C::lr, C::beta, C::alpha,
                                   C::nu, descent::RmspropOptions{}.eps_placement);
}

template <class T>
void adam(StepArrays<T>& s, std::int64_t t) {
  using C = Coefficients<T>;
  const descent::AdamOptions defaults;
  const auto step = descent::AdamStep<T>::at(t, C::lr, C::beta1, C::beta2, C::nu,
                                             defaults.bias_correction, defaults.eps_placement);
  descent::adam_kernel(step, s.x.data(), s.g.data(), s.v.data(), s.a.data(),
                       static_cast<Index>(s.x.size()));
}

template <class T>
struct Kernel {
  const char* name;
  int words;
  void (*step)(StepArrays<T>&, std::int64_t);
};

template <class T>
std::vector<Kernel<T>> kernels() {
  return {{"stream", 3, stream<T>},
          {"stream5", 5, stream_states<T, 1>},
          {"stream7", 7, stream_states<T, 2>},
          {"gd", 3, gd<T>},
          {"momentum", 5, momentum<T>},
          {"nesterov", 5, nesterov<T>},
          {"adagrad", 5, adagrad<T>},
          {"rmsprop", 5, rmsprop<T>},
          {"rmsprop_momentum", 7, rmsprop_momentum<T>},
          {"adam", 7, adam<T>}};
}

template <class T>
void register_family(const char* type_name) {
  for (const auto& kernel : kernels<T>()) {
    const std::string name = std::string(kernel.name) + "/" + type_name;
    benchmark::RegisterBenchmark(name.c_str(), run_steps<T>, kernel.words, kernel.step)
        ->RangeMultiplier(10)
        ->Range(kSmallest, kLargest);
  }
}

// Passes every report to the display reporter chosen by --benchmark_format and keeps the
// bandwidth of each repetition at n = kLargest; prints the ratios to the stream at the end.
class BandwidthSummary final : public benchmark::BenchmarkReporter {
 public:
  explicit BandwidthSummary(benchmark::BenchmarkReporter* display) : display_(display) {}

  bool ReportContext(const Context& context) override { return display_->ReportContext(context); }

  void ReportRuns(const std::vector<Run>& runs) override {
    display_->ReportRuns(runs);
    for (const auto& run : runs) {
      if (run.error_occurred || run.run_name.args != std::to_string(kLargest)) continue;
      const auto counter = run.counters.find("bytes_per_second");
      if (counter == run.counters.end()) continue;
      if (run.run_type == Run::RT_Iteration)
        bandwidth_[run.run_name.function_name].push_back(counter->second.value);
      else if (run.aggregate_name == "median")  // --benchmark_report_aggregates_only
        reported_median_[run.run_name.function_name] = counter->second.value;
    }
  }

  void Finalize() override {
    display_->Finalize();
    std::FILE* out = dynamic_cast<benchmark::ConsoleReporter*>(display_) ? stdout : stderr;
    std::fprintf(out, "\nBandwidth of one step at n = %lld (median over repetitions), "
                 "ratio to the stream a += s*b:\n", static_cast<long long>(kLargest));
    std::fprintf(out, "%-18s %10s %7s %10s %7s\n", "rule", "f64 GiB/s", "ratio", "f32 GiB/s", "ratio");
    for (const auto& kernel : kernels<double>()) {
      std::fprintf(out, "%-18s", kernel.name);
      for (const char* type : {"f64", "f32"}) {
        const double rule = median(std::string(kernel.name) + "/" + type);
        const double reference = median(std::string("stream/") + type);
        if (rule > 0)
          std::fprintf(out, " %10.2f %7.2f", rule / kGibibyte, reference > 0 ? rule / reference : 0.0);
        else
          std::fprintf(out, " %10s %7s", "-", "-");
      }
      std::fprintf(out, "\n");
    }
  }

 private:
  double median(const std::string& name) const {
    const auto found = bandwidth_.find(name);
    if (found == bandwidth_.end() || found->second.empty()) {
      const auto reported = reported_median_.find(name);
      return reported == reported_median_.end() ? 0.0 : reported->second;
    }
    std::vector<double> values = found->second;
    const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    if (values.size() % 2 == 1) return *middle;
    return 0.5 * (*middle + *std::max_element(values.begin(), middle));
  }

  benchmark::BenchmarkReporter* display_;
  std::map<std::string, std::vector<double>> bandwidth_;
  std::map<std::string, double> reported_median_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  register_family<double>("f64");
  register_family<float>("f32");
  BandwidthSummary summary(benchmark::CreateDefaultDisplayReporter());
  benchmark::RunSpecifiedBenchmarks(&summary);
  benchmark::Shutdown();
  return 0;
}
