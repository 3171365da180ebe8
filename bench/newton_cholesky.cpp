// The dense Newton step's linear algebra: NewtonSystem::solve (blocked Cholesky LLᵀ, its
// reciprocal-condition check and the solve of H d = −g) for n = 500 … 4000, against Eigen's
// LDLᵀ (unblocked, with pivoting) on the same SPD matrix in the same run. The rate counter
// GFLOP (shown per second) counts the factorisation's n³/3 flops.
#include <benchmark/benchmark.h>

#include <Eigen/Cholesky>
#include <random>

#include "descent/optimizers/newton_system.hpp"

namespace {

using descent::Index;
using descent::Matrix;
using descent::Vector;

// H = B Bᵀ/n + I with B Gaussian: SPD and well conditioned.
Matrix spd_matrix(Index n) {
  std::mt19937_64 rng(42);
  std::normal_distribution<double> normal;
  Matrix b(n, n);
  for (Index j = 0; j < n; ++j)
    for (Index i = 0; i < n; ++i) b(i, j) = normal(rng);
  Matrix h = b * b.transpose() / static_cast<double>(n);
  h.diagonal().array() += 1.0;
  return h;
}

void set_rate(benchmark::State& state, Index n) {
  const double flops = static_cast<double>(n) * static_cast<double>(n) * static_cast<double>(n) / 3.0;
  state.counters["GFLOP"] = benchmark::Counter(
      flops * static_cast<double>(state.iterations()) * 1e-9, benchmark::Counter::kIsRate);
}

void BM_newton_system_llt(benchmark::State& state) {
  const Index n = state.range(0);
  const Matrix h = spd_matrix(n);
  const Vector g = Vector::Ones(n);
  Vector d(n);
  descent::NewtonSystem system;
  for (auto _ : state) {
    if (system.solve(h, g, d) != descent::NewtonSystem::Result::kPositiveDefinite)
      state.SkipWithError("H not recognised as positive definite");
    benchmark::DoNotOptimize(d.data());
  }
  set_rate(state, n);
}

void BM_eigen_ldlt(benchmark::State& state) {
  const Index n = state.range(0);
  const Matrix h = spd_matrix(n);
  const Vector g = Vector::Ones(n);
  Vector d(n);
  Eigen::LDLT<Matrix> ldlt(n);
  for (auto _ : state) {
    ldlt.compute(h);
    d = -g;
    ldlt.solveInPlace(d);
    benchmark::DoNotOptimize(d.data());
  }
  set_rate(state, n);
}

void sizes(benchmark::internal::Benchmark* b) {
  for (long n : {500L, 1000L, 2000L, 4000L}) b->Arg(n);
  b->Unit(benchmark::kMillisecond);
}

BENCHMARK(BM_newton_system_llt)->Apply(sizes);
BENCHMARK(BM_eigen_ldlt)->Apply(sizes);

}  // namespace

BENCHMARK_MAIN();
