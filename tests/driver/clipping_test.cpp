// Gradient clipping by norm and by value: the clipped gradient never exceeds c, norm clipping
// keeps the direction, and the outcome reports what happened.
#include <catch2/catch.hpp>

#include <random>

#include "descent/driver/clipping.hpp"

using namespace descent;
using Catch::Matchers::WithinRel;

TEST_CASE("norm clipping rescales long gradients to length c and keeps their direction",
          "[training][clipping]") {
  std::mt19937_64 rng(Catch::rngSeed());
  std::normal_distribution<double> normal(0.0, 10.0);
  const double c = 1.5;
  for (int trial = 0; trial < 100; ++trial) {
    Vector g(7);
    for (Index i = 0; i < 7; ++i) g[i] = normal(rng);
    const Vector raw = g;
    const ClipOutcome outcome = clip_gradient({.norm = c}, g);
    REQUIRE(outcome.raw_norm == raw.norm());
    REQUIRE(g.norm() <= c * (1.0 + 1e-15));
    if (raw.norm() > c) {
      REQUIRE(outcome.clipped);
      REQUIRE_THAT(outcome.factor, WithinRel(c / raw.norm(), 1e-15));
      REQUIRE_THAT(g.norm(), WithinRel(c, 1e-15));
      REQUIRE_THAT(g.dot(raw) / (g.norm() * raw.norm()), WithinRel(1.0, 1e-15));
    } else {
      REQUIRE_FALSE(outcome.clipped);
      REQUIRE(outcome.factor == 1.0);
      REQUIRE(g == raw);
    }
  }
}

TEST_CASE("value clipping clamps each component to [−c, c]", "[training][clipping]") {
  Vector g{{3.0, -0.5, -7.0, 0.25}};
  const double raw_norm = g.norm();
  const ClipOutcome outcome = clip_gradient({.value = 1.0}, g);
  REQUIRE(g == Vector{{1.0, -0.5, -1.0, 0.25}});
  REQUIRE(outcome.clipped);
  REQUIRE(outcome.raw_norm == raw_norm);
  REQUIRE_THAT(outcome.factor, WithinRel(g.norm() / raw_norm, 1e-15));

  Vector small{{0.5, -0.5}};
  REQUIRE_FALSE(clip_gradient({.value = 1.0}, small).clipped);
  REQUIRE(small == Vector{{0.5, -0.5}});
}

TEST_CASE("a gradient whose norm overflows is still clipped to length c", "[training][clipping]") {
  Vector g{{1e200, -1e200}};
  const ClipOutcome outcome = clip_gradient({.norm = 2.0}, g);
  REQUIRE(outcome.clipped);
  REQUIRE_THAT(g.norm(), WithinRel(2.0, 1e-15));
  REQUIRE_THAT(g[0], WithinRel(std::sqrt(2.0), 1e-15));
}

TEST_CASE("without a rule, and for non-finite gradients, nothing is clipped", "[training][clipping]") {
  Vector g{{1e3, 2e3}};
  REQUIRE_FALSE(clip_gradient({}, g).clipped);
  REQUIRE(g == Vector{{1e3, 2e3}});
  Vector bad{{1.0, std::numeric_limits<double>::infinity()}};
  REQUIRE_FALSE(clip_gradient({.norm = 1.0}, bad).clipped);
  REQUIRE(std::isinf(bad[1]));
}

TEST_CASE("clip settings take norm or value, positive, not both", "[training][clipping][config]") {
  REQUIRE(options_from<ClipSettings>({{"norm", 5.0}}).norm == 5.0);
  REQUIRE_THROWS_AS(options_from<ClipSettings>({{"norm", 1.0}, {"value", 1.0}}), ConfigError);
  REQUIRE_THROWS_AS(options_from<ClipSettings>({{"norm", 0.0}}), ConfigError);
  REQUIRE_THROWS_AS(options_from<ClipSettings>({{"threshold", 1.0}}), ConfigError);
}
