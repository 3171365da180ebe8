// The Moré–Garbow–Hillstrom (1981) set: all 35 problems are registered under the names
// docs/objectives.md gives, with the paper's dimensions and standard starts, and the listed
// minima reproduce the f* the paper prints (six significant digits).
#include <catch2/catch.hpp>

#include <cmath>

#include "descent/objectives/registry.hpp"
#include "support/mgh_problems.hpp"

using namespace descent;
using descent::test::mgh_problems;

namespace {

// The lowest listed minimum value.
double best_listed(const Objective& objective) {
  double best = std::numeric_limits<double>::infinity();
  for (const auto& m : objective.minima()) best = std::min(best, objective.value(m.x));
  return best;
}

}  // namespace

TEST_CASE("all 35 Moré–Garbow–Hillstrom problems are registered with their standard starts",
          "[objectives][mgh]") {
  REQUIRE(mgh_problems().size() == 35);
  for (const auto& problem : mgh_problems()) {
    INFO("MGH " << problem.number << " " << problem.name);
    const auto* entry = find_objective(problem.name);
    REQUIRE(entry != nullptr);
    CHECK_THAT(entry->source, Catch::Matchers::Contains("Moré, Garbow & Hillstrom"));
    const auto objective = entry->make(problem.params);
    REQUIRE(objective->dim() == problem.dim);
    const auto starts = objective->standard_starts();
    REQUIRE_FALSE(starts.empty());
    const Vector expected = Eigen::Map<const Vector>(problem.start.data(), problem.dim);
    REQUIRE((starts.front() - expected).cwiseAbs().maxCoeff() <= 1e-15);
    REQUIRE_FALSE(objective->minima().empty());
  }
}

TEST_CASE("listed minima reproduce the f* printed by Moré, Garbow and Hillstrom", "[objectives][mgh]") {
  struct Reference {
    const char* name;
    ParamMap params;
    double f;  // as printed: six significant digits (truncated), or exact
  };
  const std::vector<Reference> references = {
      {"jennrich_sampson", {}, 124.362},
      {"bard", {}, 8.21487e-3},
      {"gaussian", {}, 1.12793e-8},
      {"meyer", {}, 87.9458},
      {"kowalik_osborne", {}, 3.07505e-4},
      {"brown_dennis", {}, 85822.2},
      {"osborne1", {}, 5.46489e-5},
      {"osborne2", {}, 4.01377e-2},
      {"watson", {{"dim", std::int64_t{6}}}, 2.28767e-3},
      {"watson", {{"dim", std::int64_t{9}}}, 1.39976e-6},
      {"watson", {{"dim", std::int64_t{12}}}, 4.72238e-10},
      {"penalty1", {{"dim", std::int64_t{4}}}, 2.24997e-5},
      {"penalty1", {{"dim", std::int64_t{10}}}, 7.08765e-5},
      {"penalty2", {{"dim", std::int64_t{4}}}, 9.37629e-6},
      {"penalty2", {{"dim", std::int64_t{10}}}, 2.93660e-4},
      {"chebyquad", {{"dim", std::int64_t{8}}}, 3.51687e-3},
      {"chebyquad", {{"dim", std::int64_t{10}}}, 6.50395e-3},
  };
  for (const auto& reference : references) {
    INFO(reference.name << " " << to_text(reference.params));
    const auto objective = find_objective(reference.name)->make(reference.params);
    // MGH truncate to six significant digits: printed <= f < printed + one unit of the sixth.
    const double unit = std::pow(10.0, std::floor(std::log10(reference.f)) - 5.0);
    const double f = best_listed(*objective);
    CHECK(f >= reference.f * (1.0 - 1e-12));
    CHECK(f < reference.f + unit);
  }
  SECTION("the linear functions reach MGH's closed-form f*") {
    for (const double m : {10.0, 50.0}) {
      const ParamMap params{{"dim", std::int64_t{5}}, {"m", static_cast<std::int64_t>(m)}};
      INFO("m = " << m);
      CHECK_THAT(best_listed(*find_objective("linear_full_rank")->make(params)),
                 Catch::Matchers::WithinRel(m - 5.0, 1e-13));
      CHECK_THAT(best_listed(*find_objective("linear_rank1")->make(params)),
                 Catch::Matchers::WithinRel(m * (m - 1.0) / (2.0 * (2.0 * m + 1.0)), 1e-13));
      CHECK_THAT(best_listed(*find_objective("linear_rank1_zero")->make(params)),
                 Catch::Matchers::WithinRel((m * m + 3.0 * m - 6.0) / (2.0 * (2.0 * m - 3.0)), 1e-13));
    }
  }
  SECTION("zero-residual problems reach f = 0 at their listed minima") {
    for (const char* name : {"freudenstein_roth", "powell_badly_scaled", "brown_badly_scaled",
                             "helical_valley", "gulf", "box_3d", "wood", "biggs_exp6",
                             "variably_dimensioned", "trigonometric", "brown_almost_linear",
                             "discrete_boundary_value", "discrete_integral_equation",
                             "broyden_tridiagonal", "broyden_banded"}) {
      INFO(name);
      const auto objective = find_objective(name)->make({});
      CHECK_THAT(best_listed(*objective), Catch::Matchers::WithinAbs(0.0, 1e-20));
    }
  }
  SECTION("Freudenstein–Roth's local minimum") {
    const auto objective = find_objective("freudenstein_roth")->make({});
    const auto minima = objective->minima();
    REQUIRE(minima.size() == 2);
    const double f = objective->value(minima[1].x);
    CHECK(f >= 48.9842);
    CHECK(f < 48.9843);
  }
}
