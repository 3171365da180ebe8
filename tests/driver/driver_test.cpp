// The driver's loop: every stop reason, divergence stored as data, thinning, counts.
#include <catch2/catch.hpp>

#include <cmath>

#include "descent/driver/driver.hpp"
#include "descent/objectives/registry.hpp"
#include "descent/optimizers/registry.hpp"
#include "descent/objectives/classic/beale.hpp"
#include "descent/objectives/quadratic/quadratic.hpp"

using namespace descent;

namespace {

std::unique_ptr<Optimizer> method(const char* name, const ParamMap& params) {
  return find_optimizer(name)->make(params);
}

RunResult run(const Objective& objective, const char* name, const ParamMap& params,
              const Vector& x0, const RunSettings& settings) {
  auto optimizer = method(name, params);
  return run_optimizer(objective, *optimizer, x0, settings);
}

const Quadratic& quadratic() {
  static const Quadratic q({.eigenvalues = {1.0, 10.0}});
  return q;
}

}  // namespace

TEST_CASE("gd on Beale from (2, −2) with ε = 1e-2 diverges and is stored, not thrown",
          "[driver][divergence]") {
  const Beale beale;
  RunSettings settings;
  settings.stop.step_norm = 1e-12;
  const auto result = run(beale, "gd", {{"lr", 1e-2}}, Vector{{2.0, -2.0}}, settings);
  REQUIRE((result.stop_reason == StopReason::kNonFinite || result.stop_reason == StopReason::kDiverged));
  REQUIRE(result.status() == RunStatus::kDiverged);
  REQUIRE(result.iterations <= 5);
  REQUIRE(result.trace.size() == static_cast<std::size_t>(result.iterations) + 1);
  REQUIRE(result.trace.f.front() == Approx(beale.value(Vector{{2.0, -2.0}})));
}

TEST_CASE("a step above 2/L diverges on a quadratic and says so", "[driver][divergence][theory]") {
  RunSettings settings;
  settings.divergence.f_above = 1e6;
  const auto result = run(quadratic(), "gd", {{"lr", 0.21}}, Vector{{1.0, 1.0}}, settings);
  REQUIRE(result.stop_reason == StopReason::kDiverged);
  const auto stable = run(quadratic(), "gd", {{"lr", 0.19}}, Vector{{1.0, 1.0}}, settings);
  REQUIRE(stable.stop_reason == StopReason::kMaxIter);
  REQUIRE(stable.f_final < 1e-100);
}

TEST_CASE("each stopping rule ends the run with its reason", "[driver][stopping]") {
  const Vector x0{{1.0, 1.0}};
  RunSettings settings;
  settings.max_iter = 100000;

  SECTION("step_norm") {
    settings.stop.step_norm = 1e-6;
    const auto r = run(quadratic(), "gd", {{"lr", 0.05}}, x0, settings);
    REQUIRE(r.stop_reason == StopReason::kConvergedStep);
    REQUIRE(r.trace.step_norm.back() < 1e-6);
    REQUIRE(r.trace.step_norm[r.trace.size() - 2] >= 1e-6);
  }
  SECTION("grad_norm") {
    settings.stop.grad_norm = 1e-5;
    const auto r = run(quadratic(), "gd", {{"lr", 0.05}}, x0, settings);
    REQUIRE(r.stop_reason == StopReason::kConvergedGrad);
    REQUIRE(r.grad_norm_final <= 1e-5);
  }
  SECTION("grad_norm_inf") {
    settings.stop.grad_norm_inf = 1e-5;
    const auto r = run(quadratic(), "gd", {{"lr", 0.05}}, x0, settings);
    REQUIRE(r.stop_reason == StopReason::kConvergedGrad);
  }
  SECTION("f_target") {
    settings.stop.f_target = 1e-3;
    const auto r = run(quadratic(), "gd", {{"lr", 0.05}}, x0, settings);
    REQUIRE(r.stop_reason == StopReason::kTargetReached);
    REQUIRE(r.f_final <= 1e-3);
    REQUIRE(r.trace.f[r.trace.size() - 2] > 1e-3);
  }
  SECTION("f_rel_change") {
    settings.stop.f_rel_change = 1e-2;
    const auto r = run(quadratic(), "gd", {{"lr", 0.001}}, x0, settings);
    REQUIRE(r.stop_reason == StopReason::kFRelChange);
  }
  SECTION("max_evals") {
    settings.stop.max_evals = 50;
    const auto r = run(quadratic(), "gd", {{"lr", 0.001}}, x0, settings);
    REQUIRE(r.stop_reason == StopReason::kMaxEvals);
    REQUIRE(r.evals.total() >= 50);
    REQUIRE(r.evals.total() <= 51);
  }
  SECTION("max_iter") {
    settings.max_iter = 7;
    const auto r = run(quadratic(), "gd", {{"lr", 0.001}}, x0, settings);
    REQUIRE(r.stop_reason == StopReason::kMaxIter);
    REQUIRE(r.iterations == 7);
    REQUIRE(r.evals.f == 8);
    REQUIRE(r.evals.grad == 8);
  }
  SECTION("max_seconds") {
    settings.max_iter = 1000000000;
    settings.stop.max_seconds = 0.05;
    const auto r = run(quadratic(), "gd", {{"lr", 1e-9}}, x0, settings);
    REQUIRE(r.stop_reason == StopReason::kMaxSeconds);
    REQUIRE(r.seconds >= 0.05);
  }
}

TEST_CASE("thinning keeps every k-th row and the last", "[driver][recorder]") {
  RunSettings settings;
  settings.max_iter = 23;
  settings.record.every = 5;
  const auto r = run(quadratic(), "gd", {{"lr", 0.01}}, Vector{{1.0, 1.0}}, settings);
  REQUIRE(r.trace.iter == std::vector<std::int64_t>{0, 5, 10, 15, 20, 23});
  REQUIRE(r.trace.x_dim == 2);
  REQUIRE(r.trace.x.size() == 12);
  REQUIRE(r.trace.x[10] == r.x_final[0]);
}

TEST_CASE("the look-ahead form costs one more gradient per step", "[driver]") {
  RunSettings settings;
  settings.max_iter = 10;
  const auto r = run(quadratic(), "nesterov", {{"form", std::string("lookahead")}},
                     Vector{{1.0, 1.0}}, settings);
  REQUIRE(r.evals.grad == 21);
  REQUIRE(r.evals.f == 11);
}

namespace {

struct StandardStartRun {
  const char* objective;
  const char* method;
  const char* line_search;
};

RunResult run_from_standard_start(const StandardStartRun& spec, const RunSettings& settings) {
  const auto objective = find_objective(spec.objective)->make({});
  return run(*objective, spec.method, {{"line_search", std::string(spec.line_search)}},
             objective->standard_starts().front(), settings);
}

}  // namespace

TEST_CASE("whatever ends a run, its last trace row is the final iterate", "[driver][recorder]") {
  // Each of these stops where its method cannot step, at an iteration that thinning by 5
  // would not keep: converged_grad (Newton on Rosenbrock lands on the minimum, where g = 0
  // exactly), not_descent, or line_search_failed (L-BFGS on Meyer, after 369 steps).
  const auto spec = GENERATE(StandardStartRun{"rosenbrock", "newton", "armijo"},
                             StandardStartRun{"wood", "newton", "strong_wolfe"},
                             StandardStartRun{"helical_valley", "lbfgs", "strong_wolfe"},
                             StandardStartRun{"meyer", "lbfgs", "strong_wolfe"});
  INFO(spec.method << " with " << spec.line_search << " on " << spec.objective);
  RunSettings settings;
  settings.max_iter = 2000;
  settings.record.every = 5;
  const RunResult result = run_from_standard_start(spec, settings);
  // A step that could not be taken: at g = 0, a real failure, or a line search at the
  // rounding floor of f.
  REQUIRE((result.stop_reason == StopReason::kConvergedGrad ||
           result.stop_reason == StopReason::kNotDescent ||
           result.stop_reason == StopReason::kLineSearchFailed ||
           result.stop_reason == StopReason::kPrecisionLimit));
  REQUIRE(result.iterations % 5 != 0);
  const Trace& trace = result.trace;
  REQUIRE(trace.iter.back() == result.iterations);
  REQUIRE(trace.f.back() == result.f_final);
  REQUIRE(trace.raw_grad_norm.back() == result.grad_norm_final);
  REQUIRE(trace.evals_f.back() == result.evals.f);
  const Vector last_x = Eigen::Map<const Vector>(trace.x.data() + (trace.size() - 1) * trace.x_dim,
                                                 trace.x_dim);
  REQUIRE(last_x == result.x_final);
  // The rows before it are the kept ones, each once.
  for (std::size_t i = 0; i + 1 < trace.size(); ++i)
    REQUIRE(trace.iter[i] == 5 * static_cast<std::int64_t>(i));
}

TEST_CASE("a method that cannot step from g = 0 exactly has converged, with or without stop "
          "rules",
          "[driver][stopping]") {
  // From the minimiser itself no direction descends: d = 0 (gᵀd = 0) for every search
  // direction method with a line search, at iteration 0.
  const auto name = GENERATE("newton", "bfgs", "lbfgs", "cg");
  INFO(name);
  RunSettings settings;
  settings.max_iter = 100;
  const Vector minimiser = Vector::Zero(2);
  const RunResult at_minimiser = run(quadratic(), name, {{"line_search", std::string("armijo")}},
                                     minimiser, settings);
  REQUIRE(at_minimiser.stop_reason == StopReason::kConvergedGrad);
  REQUIRE(status_of(at_minimiser.stop_reason) == RunStatus::kConverged);
  REQUIRE(at_minimiser.iterations == 0);

  // Newton lands on Rosenbrock's minimum (1, 1) exactly, in a few steps and with no stop rule
  // set: the next step has no descent direction.
  const auto rosenbrock = find_objective("rosenbrock")->make({});
  const RunResult landed = run(*rosenbrock, "newton", {{"line_search", std::string("armijo")}},
                               rosenbrock->standard_starts().front(), settings);
  REQUIRE(landed.x_final == Vector::Ones(2));
  REQUIRE(landed.stop_reason == StopReason::kConvergedGrad);
  REQUIRE(landed.iterations < settings.max_iter);
}

TEST_CASE("a line-search trial that overflows is rejected, not the end of the run",
          "[driver][non_finite]") {
  // From the standard starts of these MGH problems the first trials of a search overflow
  // (exp of a large argument); the accepted points are finite.
  const auto spec = GENERATE(StandardStartRun{"jennrich_sampson", "bfgs", "armijo"},
                             StandardStartRun{"jennrich_sampson", "bfgs", "strong_wolfe"},
                             StandardStartRun{"jennrich_sampson", "cg", "armijo"},
                             StandardStartRun{"jennrich_sampson", "cg", "strong_wolfe"},
                             StandardStartRun{"osborne2", "lbfgs", "armijo"},
                             StandardStartRun{"osborne2", "newton", "armijo"},
                             StandardStartRun{"osborne2", "newton", "strong_wolfe"});
  INFO(spec.method << " with " << spec.line_search << " on " << spec.objective);
  RunSettings settings;
  settings.max_iter = 2000;
  settings.stop.grad_norm_inf = 1e-8;
  const RunResult result = run_from_standard_start(spec, settings);
  REQUIRE(result.stop_reason != StopReason::kNonFinite);
  REQUIRE(std::isfinite(result.f_final));
  REQUIRE(result.x_final.allFinite());
}

TEST_CASE("a non-finite accepted iterate ends the run as non_finite", "[driver][non_finite]") {
  // gd with ε = 1e200 on the quadratic: θ₁ ≈ −10²⁰¹ is finite, f(θ₁) overflows.
  RunSettings settings;
  settings.max_iter = 100;
  const auto r = run(quadratic(), "gd", {{"lr", 1e200}}, Vector{{1.0, 1.0}}, settings);
  REQUIRE(r.iterations == 1);
  REQUIRE(r.stop_reason == StopReason::kNonFinite);
  REQUIRE_FALSE(std::isfinite(r.trace.f.back()));
  REQUIRE(r.trace.iter.back() == r.iterations);
}
