// Learning-rate schedules against their closed forms, and reduce-on-plateau on a scripted
// loss sequence.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "descent/driver/schedule.hpp"

using namespace descent;
using Catch::Matchers::WithinRel;

namespace {

ScheduleSettings schedule(ScheduleKind kind, std::int64_t period, double factor, double floor = 0.0) {
  return {.kind = kind, .period = period, .factor = factor, .floor = floor};
}

}  // namespace

TEST_CASE("each schedule follows its closed form", "[training][schedule]") {
  const double e0 = 0.2;
  for (const std::int64_t k : {0, 1, 9, 10, 11, 25, 99, 100, 250}) {
    INFO("k = " << k);
    const double kd = static_cast<double>(k);
    REQUIRE(scheduled_lr(schedule(ScheduleKind::kConstant, 10, 0.5), e0, k) == e0);
    REQUIRE_THAT(scheduled_lr(schedule(ScheduleKind::kStep, 10, 0.5), e0, k),
                 WithinRel(e0 * std::pow(0.5, std::floor(kd / 10.0)), 1e-15));
    REQUIRE_THAT(scheduled_lr(schedule(ScheduleKind::kExponential, 10, 0.5), e0, k),
                 WithinRel(e0 * std::pow(0.5, kd / 10.0), 1e-15));
    REQUIRE_THAT(scheduled_lr(schedule(ScheduleKind::kInverseTime, 10, 0.5), e0, k),
                 WithinRel(e0 / (1.0 + kd / 10.0), 1e-15));
    const double floor = 0.01;
    const double cosine = floor + 0.5 * (e0 - floor) * (1.0 + std::cos(std::numbers::pi * std::min(kd, 100.0) / 100.0));
    REQUIRE_THAT(scheduled_lr(schedule(ScheduleKind::kCosine, 100, 0.5, floor), e0, k),
                 WithinRel(cosine, 1e-15));
  }
  // Landmarks: the step halves at k = 10 exactly; cosine is half-way at k = T/2, at the floor from T on.
  REQUIRE(scheduled_lr(schedule(ScheduleKind::kStep, 10, 0.5), e0, 9) == e0);
  REQUIRE(scheduled_lr(schedule(ScheduleKind::kStep, 10, 0.5), e0, 10) == 0.5 * e0);
  REQUIRE_THAT(scheduled_lr(schedule(ScheduleKind::kCosine, 100, 0.5, 0.0), e0, 50), WithinRel(0.5 * e0, 1e-15));
  REQUIRE(scheduled_lr(schedule(ScheduleKind::kCosine, 100, 0.5, 0.01), e0, 400) == 0.01);
  REQUIRE_THAT(scheduled_lr(schedule(ScheduleKind::kInverseTime, 10, 0.5), e0, 10), WithinRel(0.5 * e0, 1e-15));
}

TEST_CASE("reduce-on-plateau decays after more than `patience` observations without improvement",
          "[training][schedule]") {
  // An improvement must beat the best loss by 10 %.
  const ScheduleSettings s{.kind = ScheduleKind::kReduceOnPlateau, .factor = 0.5, .floor = 0.1,
                           .patience = 2, .threshold = 0.1};
  LearningRateSchedule schedule(s, 1.0);
  // loss: 10 (first best)  8 (< 9: best)  7.5, 7.3 (not < 7.2: bad 1, 2)  7.2 (bad 3 → halve)
  //       7.25, 7.22 (bad 1, 2)  6 (< 7.2: best)  6, 6 (bad 1, 2)  6 (bad 3 → halve)
  //       then no improvement: halve every third observation, never below the floor 0.1
  const double losses[] = {10, 8, 7.5, 7.3, 7.2, 7.25, 7.22, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6};
  const double expected[] = {1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.125, 0.125, 0.125, 0.1, 0.1, 0.1, 0.1};
  for (std::size_t i = 0; i < std::size(losses); ++i) {
    schedule.observe(losses[i]);
    INFO("observation " << i << ": loss " << losses[i]);
    REQUIRE(schedule.lr(static_cast<std::int64_t>(i)) == expected[i]);
  }
}

TEST_CASE("reduce-on-plateau counts non-finite losses as no improvement and never raises the rate",
          "[training][schedule]") {
  ScheduleSettings s{.kind = ScheduleKind::kReduceOnPlateau, .factor = 0.5, .patience = 0};
  LearningRateSchedule schedule(s, 1.0);
  schedule.observe(3.0);
  REQUIRE(schedule.lr(0) == 1.0);
  schedule.observe(std::nan(""));
  REQUIRE(schedule.lr(1) == 0.5);
  schedule.observe(std::numeric_limits<double>::infinity());
  REQUIRE(schedule.lr(2) == 0.25);

  s.floor = 5.0;  // above the base rate: the rate stays, it does not jump up to the floor
  LearningRateSchedule high_floor(s, 1.0);
  for (const double loss : {3.0, 3.0, 3.0}) high_floor.observe(loss);
  REQUIRE(high_floor.lr(3) == 1.0);
}

TEST_CASE("closed-form schedules ignore observations", "[training][schedule]") {
  LearningRateSchedule step(schedule(ScheduleKind::kStep, 3, 0.1), 1.0);
  for (int i = 0; i < 10; ++i) step.observe(1.0);
  REQUIRE(step.lr(2) == 1.0);
  REQUIRE_THAT(step.lr(3), WithinRel(0.1, 1e-15));
}

TEST_CASE("schedule settings reject unknown kinds and out-of-range factors", "[training][schedule][config]") {
  REQUIRE(options_from<ScheduleSettings>({{"kind", std::string("cosine")}}).kind == ScheduleKind::kCosine);
  REQUIRE_THROWS_AS(options_from<ScheduleSettings>({{"kind", std::string("linear")}}), ConfigError);
  REQUIRE_THROWS_AS(options_from<ScheduleSettings>({{"factor", 1.5}}), ConfigError);
  REQUIRE_THROWS_AS(options_from<ScheduleSettings>({{"factor", 0.0}}), ConfigError);
  REQUIRE_THROWS_AS(options_from<ScheduleSettings>({{"period", std::int64_t{0}}}), ConfigError);
}
