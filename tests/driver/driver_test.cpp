// The driver's loop: every stop reason, divergence stored as data, thinning, counts.
#include <catch2/catch.hpp>

#include "descent/driver/driver.hpp"
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
