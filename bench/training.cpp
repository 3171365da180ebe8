// Training objectives: minibatch gradient throughput (examples per second) of logistic and
// softmax regression across batch sizes, each beside a reference measured in the same run
// (the same gradient as two dense Eigen products on a contiguous batch, the least work a
// gradient needs), and the deep linear network's gradient against depth.
//
//   bench_training --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "descent/driver/minibatch.hpp"
#include "descent/objectives/training/deep_linear.hpp"
#include "descent/objectives/training/logistic_regression.hpp"
#include "descent/objectives/training/softmax_regression.hpp"

using namespace descent;

namespace {

constexpr std::int64_t kExamples = 4096;
constexpr std::int64_t kFeatures = 100;
constexpr std::int64_t kClasses = 10;

ClassificationDataParams data() {
  ClassificationDataParams p;
  p.examples = kExamples;
  p.features = kFeatures;
  return p;
}

const LogisticRegression& logistic() {
  static const LogisticRegression objective({.data = data()});
  return objective;
}

const SoftmaxRegression& softmax() {
  static const SoftmaxRegression objective({.data = data(), .classes = kClasses});
  return objective;
}

// 64 minibatches of `size` drawn as the driver draws them.
std::vector<std::vector<Index>> batches(Index size) {
  MinibatchSampler sampler(kExamples, {.size = size, .replacement = false}, 1);
  std::vector<std::vector<Index>> out;
  for (int i = 0; i < 64; ++i) {
    const auto batch = sampler.next();
    out.emplace_back(batch.begin(), batch.end());
  }
  return out;
}

Vector point(Index n) {
  std::mt19937_64 rng(2);
  std::normal_distribution<double> normal(0.0, 0.1);
  Vector x(n);
  for (Index i = 0; i < n; ++i) x[i] = normal(rng);
  return x;
}

void count_examples(benchmark::State& state, Index size) {
  state.SetItemsProcessed(state.iterations() * size);
  state.counters["examples_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * size), benchmark::Counter::kIsRate);
}

template <class Objective>
void minibatch_gradient(benchmark::State& state, const Objective& objective) {
  const Index size = state.range(0);
  const auto list = batches(size);
  const Vector x = point(objective.dim());
  Vector g;
  std::size_t next = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(objective.batch_value_gradient(x, list[next], g));
    benchmark::ClobberMemory();
    next = (next + 1) % list.size();
  }
  count_examples(state, size);
}

void BM_LogisticMinibatchGradient(benchmark::State& state) { minibatch_gradient(state, logistic()); }
void BM_SoftmaxMinibatchGradient(benchmark::State& state) { minibatch_gradient(state, softmax()); }

// Reference: the same gradient on a batch already contiguous in memory, as dense products
// (logistic: z = Xᵀθ, g = X(σ(z) − t)/b; softmax: Z = W X, G = (P − T) Xᵀ/b).
void BM_LogisticReference(benchmark::State& state) {
  const Index size = state.range(0);
  const Matrix x = logistic().inputs().leftCols(size);
  const Vector t = logistic().targets().head(size);
  const Vector theta = point(logistic().dim());
  Vector g;
  for (auto _ : state) {
    const Vector z = x.transpose() * theta;
    const Vector r = (1.0 / (1.0 + (-z.array()).exp())).matrix() - t;
    g.noalias() = x * r / static_cast<double>(size);
    benchmark::DoNotOptimize(g.data());
    benchmark::ClobberMemory();
  }
  count_examples(state, size);
}

void BM_SoftmaxReference(benchmark::State& state) {
  const Index size = state.range(0);
  const Matrix x = softmax().inputs().leftCols(size);
  const Matrix t = softmax().targets().leftCols(size);
  const Matrix w = Eigen::Map<const Matrix>(point(softmax().dim()).data(), kClasses, kFeatures + 1);
  Matrix g;
  for (auto _ : state) {
    Matrix p = (w * x).array().exp().matrix();
    p.array().rowwise() /= p.colwise().sum().array();
    g.noalias() = (p - t) * x.transpose() / static_cast<double>(size);
    benchmark::DoNotOptimize(g.data());
    benchmark::ClobberMemory();
  }
  count_examples(state, size);
}

// Full-batch gradient of a deep linear network of width 32 on 256 examples, against depth.
void BM_DeepLinearGradient(benchmark::State& state) {
  const DeepLinear network({.depth = state.range(0), .width = 32, .examples = 256});
  const Vector x = network.standard_starts().front();
  Vector g;
  for (auto _ : state) {
    benchmark::DoNotOptimize(network.value_gradient(x, g));
    benchmark::ClobberMemory();
  }
  state.counters["layers"] = static_cast<double>(state.range(0));
  state.counters["per_layer_s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * state.range(0)),
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

}  // namespace

BENCHMARK(BM_LogisticMinibatchGradient)->RangeMultiplier(8)->Range(1, kExamples);
BENCHMARK(BM_LogisticReference)->RangeMultiplier(8)->Range(1, kExamples);
BENCHMARK(BM_SoftmaxMinibatchGradient)->RangeMultiplier(8)->Range(1, kExamples);
BENCHMARK(BM_SoftmaxReference)->RangeMultiplier(8)->Range(1, kExamples);
BENCHMARK(BM_DeepLinearGradient)->RangeMultiplier(2)->Range(1, 32);

BENCHMARK_MAIN();
