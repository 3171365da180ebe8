// L-BFGS against LBFGSpp (Qiu, header-only C++/Eigen; Debian liblbfgspp-dev 0.1.0) on the
// extended Rosenbrock function from (−1.2, 1, −1.2, 1, …), n = 2 … 10⁶, in one run: the
// same objective code, the same start, m = 10, strong Wolfe conditions with c₁ = 1e-4,
// c₂ = 0.9, 20 trials per search, each library with both of its strong Wolfe searches.
//
// descent: `lbfgs` through the driver (run_optimizer), stop ‖g‖∞ ≤ 1e-6, with
//   line_search = "strong_wolfe" (bracketing and zoom) and "more_thuente".
// LBFGSpp, two solvers:
//   LBFGSSolver<LineSearchNocedalWright> (strong Wolfe, bracketing and zoom): it can only stop
//     on ‖g‖₂ ≤ epsilon; epsilon = 1e-6 with epsilon_rel = 0 implies ‖g‖∞ ≤ 1e-6, so its
//     rule is (slightly) stricter than ours.
//   LBFGSBSolver with bounds ±∞ (Moré–Thuente search): it stops on the projected gradient
//     ‖P g‖∞ ≤ epsilon, which with infinite bounds is exactly ‖g‖∞ ≤ 1e-6.
// Counters: iterations, evals (calls of f and ∇f together, the start included), grad_inf
// (‖g‖∞ at the end); a solve that throws (LBFGSpp signals line-search failure so) is
// reported with SkipWithError. The driver keeps only the last trace row (record.every): the
// comparison is of solvers, not of trace storage. A table of wall and CPU seconds per solve
// closes the run, with each solver's evaluations and CPU time as ratios to the best LBFGSpp
// variant at that n (the fewer evaluations, and the less CPU time, of the two).
//
// From the standard start all n/2 bananas are the same and every solver walks the 2-D
// Rosenbrock path, a special case where the step a search takes turns on rounding in
// sums over n; perturbing x₀ by 10⁻¹⁵ breaks the symmetry and raises every solver's count by
// 15 to 30. A second table closes the run: the evaluations from
// kPerturbedStarts starts x₀ᵢ(1 + 10⁻¹² uᵢ), uᵢ uniform in [−1, 1] (seeds 1 …
// kPerturbedStarts), at n ≤ 10⁴ (LBFGSpp-B needs ~30 s per solve at 10⁶): their median,
// mean, least and most, and the solves that did not converge.
#include <benchmark/benchmark.h>

#include <LBFGS.h>
#include <LBFGSB.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "descent/driver/driver.hpp"
#include "descent/optimizers/registry.hpp"
#include "descent/objectives/nd/extended_rosenbrock.hpp"

namespace {

using descent::Index;
using descent::Vector;
using descent::ExtendedRosenbrock;
using Clock = std::chrono::steady_clock;

constexpr double kTolerance = 1e-6;
constexpr int kPerturbedStarts = 16;
constexpr double kPerturbation = 1e-12;

// CPU seconds of this thread: on a shared machine steadier than wall time for a
// single-threaded solve.
double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

struct Outcome {
  double seconds = 0.0;      // wall time per solve, mean over the benchmark's iterations
  double cpu_seconds = 0.0;  // CPU time per solve
  long evals = 0;
  long iterations = 0;
  double grad_inf = 0.0;
  bool failed = false;
};
std::map<std::string, std::map<Index, Outcome>> outcomes;

ExtendedRosenbrock objective_of(Index n) { return ExtendedRosenbrock({.dim = n}); }
Vector start(Index n) { return objective_of(n).standard_starts().front(); }

void report(benchmark::State& state, const char* solver, Index n, const Outcome& o) {
  state.counters["iterations"] = static_cast<double>(o.iterations);
  state.counters["evals"] = static_cast<double>(o.evals);
  state.counters["grad_inf"] = o.grad_inf;
  outcomes[solver][n] = o;
}

double grad_inf_at(const ExtendedRosenbrock& objective, const Vector& x) {
  Vector g(x.size());
  objective.gradient(x, g);
  return g.lpNorm<Eigen::Infinity>();
}

// descent's lbfgs (m = 10) with `line_search`, to ‖g‖∞ ≤ kTolerance.
struct DescentSolver {
  explicit DescentSolver(const char* line_search)
      : optimizer(descent::find_optimizer("lbfgs")->make(
            {{"memory", std::int64_t{10}}, {"line_search", std::string(line_search)}})) {
    settings.max_iter = 100000;
    settings.stop.grad_norm_inf = kTolerance;
    settings.record.x = false;
    settings.record.every = std::numeric_limits<std::int64_t>::max();
  }
  // Evaluations, iterations and the final ‖g‖∞ into `o`.
  void solve(const ExtendedRosenbrock& objective, const Vector& x0, Outcome& o) const {
    const auto result = descent::run_optimizer(objective, *optimizer, x0, settings);
    o.evals = result.evals.f;
    o.iterations = result.iterations;
    o.failed = result.stop_reason != descent::StopReason::kConvergedGrad;
    o.grad_inf = grad_inf_at(objective, result.x_final);
  }
  std::unique_ptr<descent::Optimizer> optimizer;
  descent::RunSettings settings;
};

void time_descent(benchmark::State& state, const char* name, const char* line_search) {
  const Index n = state.range(0);
  const ExtendedRosenbrock objective = objective_of(n);
  const Vector x0 = start(n);
  const DescentSolver solver(line_search);
  Outcome o;
  double total = 0.0, cpu_total = 0.0;
  long solves = 0;
  for (auto _ : state) {
    const auto t = Clock::now();
    const double c = cpu_seconds();
    solver.solve(objective, x0, o);
    cpu_total += cpu_seconds() - c;
    total += std::chrono::duration<double>(Clock::now() - t).count();
    ++solves;
  }
  o.seconds = total / static_cast<double>(solves);
  o.cpu_seconds = cpu_total / static_cast<double>(solves);
  if (o.failed) state.SkipWithError("descent lbfgs did not converge");
  report(state, name, n, o);
}

void BM_descent_lbfgs(benchmark::State& state) { time_descent(state, "descent-SW", "strong_wolfe"); }
void BM_descent_lbfgs_mt(benchmark::State& state) {
  time_descent(state, "descent-MT", "more_thuente");
}

// f(x, g) for LBFGSpp, counting calls.
struct CountedObjective {
  const ExtendedRosenbrock& objective;
  long calls = 0;
  double operator()(const Vector& x, Vector& g) {
    ++calls;
    return objective.value_gradient(x, g);
  }
};

// Times `solve(f, x, fx)` (an LBFGSpp solver's minimize) from the standard start.
template <class Solve>
void time_peer(benchmark::State& state, const char* name, Solve&& solve) {
  const Index n = state.range(0);
  const ExtendedRosenbrock objective = objective_of(n);
  const Vector x0 = start(n);
  Outcome o;
  double total = 0.0, cpu_total = 0.0;
  long solves = 0;
  for (auto _ : state) {
    CountedObjective f{objective};
    Vector x = x0;
    double fx = 0.0;
    const auto t = Clock::now();
    const double c = cpu_seconds();
    try {
      o.iterations = solve(f, x, fx);
    } catch (const std::exception& e) {
      o.failed = true;
      state.SkipWithError(e.what());
      break;
    }
    cpu_total += cpu_seconds() - c;
    total += std::chrono::duration<double>(Clock::now() - t).count();
    ++solves;
    o.evals = f.calls;
    o.grad_inf = grad_inf_at(objective, x);
  }
  if (solves > 0) {
    o.seconds = total / static_cast<double>(solves);
    o.cpu_seconds = cpu_total / static_cast<double>(solves);
  }
  report(state, name, n, o);
}

// The settings both LBFGSpp solvers share: m = 10, stop at ‖g‖ ≤ kTolerance.
template <class Param>
Param lbfgspp_param() {
  Param p;
  p.m = 10;
  p.epsilon = kTolerance;
  p.epsilon_rel = 0.0;
  p.max_iterations = 100000;
  return p;
}

// LBFGSSolver<LineSearchNocedalWright>: minimize(f, x, fx) returns the iterations. (The
// LBFGSpp solvers keep a reference to their parameters: they are members, set up first.)
class LbfgsppSolver {
 public:
  explicit LbfgsppSolver(Index) : param_(param()), solver_(param_) {}
  int operator()(CountedObjective& f, Vector& x, double& fx) { return solver_.minimize(f, x, fx); }

 private:
  static LBFGSpp::LBFGSParam<double> param() {
    auto p = lbfgspp_param<LBFGSpp::LBFGSParam<double>>();
    p.linesearch = LBFGSpp::LBFGS_LINESEARCH_BACKTRACKING_STRONG_WOLFE;
    return p;
  }
  LBFGSpp::LBFGSParam<double> param_;
  LBFGSpp::LBFGSSolver<double, LBFGSpp::LineSearchNocedalWright> solver_;
};

// LBFGSBSolver with bounds ±∞ (its Moré–Thuente search).
class LbfgsppBSolver {
 public:
  explicit LbfgsppBSolver(Index n)
      : param_(param()),
        solver_(param_),
        lower_(Vector::Constant(n, -std::numeric_limits<double>::infinity())),
        upper_(Vector::Constant(n, std::numeric_limits<double>::infinity())) {}
  int operator()(CountedObjective& f, Vector& x, double& fx) {
    return solver_.minimize(f, x, fx, lower_, upper_);
  }

 private:
  static LBFGSpp::LBFGSBParam<double> param() {
    auto p = lbfgspp_param<LBFGSpp::LBFGSBParam<double>>();
    p.past = 0;
    return p;
  }
  LBFGSpp::LBFGSBParam<double> param_;
  LBFGSpp::LBFGSBSolver<double> solver_;
  Vector lower_, upper_;
};

void BM_lbfgspp(benchmark::State& state) {
  LbfgsppSolver solver(state.range(0));
  time_peer(state, "LBFGSpp", solver);
}

void BM_lbfgspp_b(benchmark::State& state) {
  LbfgsppBSolver solver(state.range(0));
  time_peer(state, "LBFGSpp-B", solver);
}

void sizes(benchmark::internal::Benchmark* b) {
  for (long n : {2L, 100L, 10000L, 1000000L}) b->Arg(n);
  b->Unit(benchmark::kMillisecond)->UseRealTime();
}

BENCHMARK(BM_descent_lbfgs)->Apply(sizes);
BENCHMARK(BM_descent_lbfgs_mt)->Apply(sizes);
BENCHMARK(BM_lbfgspp)->Apply(sizes);
BENCHMARK(BM_lbfgspp_b)->Apply(sizes);

void print_ratios() {
  std::printf("\n%-8s %-11s %6s %6s %11s %11s %9s %11s %11s\n", "n", "solver", "iters", "evals",
              "wall s", "cpu s", "grad_inf", "evals/best", "cpu/best");
  const char* peers[] = {"LBFGSpp", "LBFGSpp-B"};
  for (const auto& [n, unused] : outcomes["descent-SW"]) {
    // The best LBFGSpp variant at n: its fewer evaluations and its less CPU time.
    double best_evals = 0.0, best_cpu = 0.0;
    for (const char* peer : peers) {
      if (!outcomes[peer].count(n) || outcomes[peer][n].failed) continue;
      const Outcome& o = outcomes[peer][n];
      const auto evals = static_cast<double>(o.evals);
      if (best_evals == 0.0 || evals < best_evals) best_evals = evals;
      if (best_cpu == 0.0 || o.cpu_seconds < best_cpu) best_cpu = o.cpu_seconds;
    }
    for (const char* solver : {"descent-SW", "descent-MT", "LBFGSpp", "LBFGSpp-B"}) {
      if (!outcomes[solver].count(n)) continue;
      const Outcome& o = outcomes[solver][n];
      if (o.failed) {
        std::printf("%-8ld %-11s %6s\n", static_cast<long>(n), solver, "failed");
        continue;
      }
      std::printf("%-8ld %-11s %6ld %6ld %11.3e %11.3e %9.1e", static_cast<long>(n), solver,
                  o.iterations, o.evals, o.seconds, o.cpu_seconds, o.grad_inf);
      if (best_evals > 0.0)
        std::printf(" %11.3f %11.3f", static_cast<double>(o.evals) / best_evals,
                    o.cpu_seconds / best_cpu);
      std::printf("\n");
    }
  }
}

// Evaluations of each solver from the perturbed starts, as described in the header.
void print_spread() {
  std::printf("\nevaluations from %d starts x0_i (1 + %.0e u_i), u_i uniform in [-1, 1]\n",
              kPerturbedStarts, kPerturbation);
  std::printf("%-8s %-11s %7s %7s %5s %5s %7s\n", "n", "solver", "median", "mean", "min", "max",
              "failed");
  for (const Index n : {Index{100}, Index{10000}}) {
    const ExtendedRosenbrock objective = objective_of(n);
    std::vector<Vector> starts;
    for (int seed = 1; seed <= kPerturbedStarts; ++seed) {
      std::mt19937_64 rng(static_cast<std::uint64_t>(seed));
      std::uniform_real_distribution<double> unit(-1.0, 1.0);
      Vector x0 = start(n);
      for (Index i = 0; i < n; ++i) x0[i] *= 1.0 + kPerturbation * unit(rng);
      starts.push_back(std::move(x0));
    }
    const auto row = [&](const char* solver, const std::vector<long>& evals, int failed) {
      std::vector<long> sorted = evals;
      std::sort(sorted.begin(), sorted.end());
      const std::size_t k = sorted.size();
      const double median =
          k == 0 ? 0.0 : 0.5 * static_cast<double>(sorted[(k - 1) / 2] + sorted[k / 2]);
      const double mean =
          k == 0 ? 0.0 : static_cast<double>(std::accumulate(sorted.begin(), sorted.end(), 0L)) /
                             static_cast<double>(k);
      std::printf("%-8ld %-11s %7.1f %7.2f %5ld %5ld %7d\n", static_cast<long>(n), solver, median,
                  mean, k == 0 ? 0L : sorted.front(), k == 0 ? 0L : sorted.back(), failed);
    };
    for (const auto& [name, line_search] :
         {std::pair{"descent-SW", "strong_wolfe"}, std::pair{"descent-MT", "more_thuente"}}) {
      const DescentSolver solver(line_search);
      std::vector<long> evals;
      int failed = 0;
      for (const Vector& x0 : starts) {
        Outcome o;
        solver.solve(objective, x0, o);
        if (o.failed) ++failed; else evals.push_back(o.evals);
      }
      row(name, evals, failed);
    }
    const auto peer = [&](const char* name, auto&& solver) {
      std::vector<long> evals;
      int failed = 0;
      for (const Vector& x0 : starts) {
        CountedObjective f{objective};
        Vector x = x0;
        double fx = 0.0;
        try {
          solver(f, x, fx);
          evals.push_back(f.calls);
        } catch (const std::exception&) {
          ++failed;
        }
      }
      row(name, evals, failed);
    };
    peer("LBFGSpp", LbfgsppSolver(n));
    peer("LBFGSpp-B", LbfgsppBSolver(n));
  }
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  print_ratios();
  print_spread();
  return 0;
}
