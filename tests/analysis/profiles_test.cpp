// Performance and data profiles of three problems and two solvers, computed by hand.
#include <catch2/catch.hpp>

#include <limits>

#include "descent/analysis/profiles.hpp"

using namespace descent;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Costs t(p, s): p1: A 10, B 20; p2: A 40, B 10; p3: A unsolved, B 30.
const ProfileInput kInput{{"A", "B"}, {{10.0, 20.0}, {40.0, 10.0}, {kInf, 30.0}}};

std::vector<std::pair<double, double>> curve(const std::vector<ProfilePoint>& points,
                                             std::size_t solver) {
  std::vector<std::pair<double, double>> out;
  for (const auto& p : points)
    if (p.solver == solver) out.emplace_back(p.x, p.fraction);
  return out;
}

}  // namespace

TEST_CASE("the performance profile is the distribution of ratios to the best solver",
          "[analysis][profiles]") {
  const auto points = performance_profile(kInput);
  // A: ratios 1, 4, ∞ → (1, 1/3), (4, 2/3). B: ratios 2, 1, 1 → (1, 2/3), (2, 1).
  REQUIRE(curve(points, 0) == std::vector<std::pair<double, double>>{{1.0, 1.0 / 3}, {4.0, 2.0 / 3}});
  REQUIRE(curve(points, 1) == std::vector<std::pair<double, double>>{{1.0, 2.0 / 3}, {2.0, 1.0}});
}

TEST_CASE("the data profile is the share of problems solved within a budget",
          "[analysis][profiles]") {
  const auto points = data_profile(kInput);
  REQUIRE(curve(points, 0) == std::vector<std::pair<double, double>>{{10.0, 1.0 / 3}, {40.0, 2.0 / 3}});
  REQUIRE(curve(points, 1) ==
          std::vector<std::pair<double, double>>{{10.0, 1.0 / 3}, {20.0, 2.0 / 3}, {30.0, 1.0}});
}
