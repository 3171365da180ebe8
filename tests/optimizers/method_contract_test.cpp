// The contract every registered method keeps (lib/core/descent/optimizers/optimizer.hpp):
// a method with an `lr` parameter steps with the rate the driver hands it, so that schedules
// apply, and its base rate is that parameter; a method without one is not scheduled.
#include <catch2/catch.hpp>

#include <cmath>

#include "descent/driver/driver.hpp"
#include "descent/optimizers/registry.hpp"
#include "support/pinned_quadratic.hpp"
#include "support/scripted_context.hpp"

using namespace descent;

namespace {

using test::pinned::kStart;
using test::pinned::problem;

bool has_lr(const OptimizerEntry& entry) {
  for (const auto& field : entry.fields)
    if (field.name == "lr") return field.type == "real";
  return false;
}

// Two steps of `entry` built with `lr` = own_lr, handed the rate `context_lr` at each step.
Vector two_steps(const OptimizerEntry& entry, double own_lr, double context_lr) {
  auto optimizer = entry.make({{"lr", own_lr}});
  optimizer->reset(2);
  test::ScriptedContext context(problem(), context_lr);
  Vector x = kStart;
  for (int k = 0; k < 2; ++k) {
    context.at(x);
    REQUIRE(optimizer->step(x, context) == StepStatus::kOk);
  }
  return x;
}

}  // namespace

TEST_CASE("every method with an lr parameter steps with the rate it is handed, not its own",
          "[optimizers][contract]") {
  int scheduled = 0;
  for (const auto& entry : optimizer_registry()) {
    if (!has_lr(entry)) continue;
    INFO("method " << entry.doc.name);
    ++scheduled;
    REQUIRE(two_steps(entry, 0.05, 0.02) == two_steps(entry, 0.02, 0.02));
    REQUIRE(two_steps(entry, 0.05, 0.02) != two_steps(entry, 0.05, 0.05));
    REQUIRE(entry.make({{"lr", 0.05}})->base_lr() == 0.05);
  }
  REQUIRE(scheduled >= 6);  // the lecture's six first-order methods at least
}

TEST_CASE("a schedule scales the lr parameter of every method that has one, and no other",
          "[optimizers][contract][schedule]") {
  RunSettings settings;
  settings.max_iter = 3;
  settings.schedule = {.kind = ScheduleKind::kStep, .period = 1, .factor = 0.5};
  for (const auto& entry : optimizer_registry()) {
    INFO("method " << entry.doc.name);
    const ParamMap params = has_lr(entry) ? ParamMap{{"lr", 0.04}} : ParamMap{};
    auto optimizer = entry.make(params);
    const RunResult result = run_optimizer(problem(), *optimizer, kStart, settings);
    const auto& lr = result.trace.lr;
    REQUIRE(std::isnan(lr[0]));  // no step leads into θ₀
    if (has_lr(entry)) {
      REQUIRE(lr.size() == 4);
      for (std::size_t k = 1; k < 4; ++k)
        REQUIRE(lr[k] == 0.04 * std::pow(0.5, static_cast<double>(k - 1)));
    } else {
      // Search methods may end early on this quadratic (Newton solves it in one step).
      for (std::size_t k = 1; k < lr.size(); ++k) REQUIRE(std::isnan(lr[k]));
      REQUIRE(std::isnan(optimizer->base_lr()));
    }
  }
}
