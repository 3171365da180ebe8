// One generic check over the whole objective registry: analytic gradients and Hessians
// against Boost.Math forward-mode autodiff at seeded random points of each objective's
// domain and at several dimensions, Hessian symmetry, Hv = H·v, every listed minimum a
// stationary point with the listed f* and a positive semidefinite Hessian, every standard
// start of the right dimension. Objectives whose dimension can be large are also checked at
// n = 10⁵ without a dense Hessian, which they must refuse. A new objective is covered by
// registering it.
#include <catch2/catch.hpp>

#include <random>

#include "descent/objectives/registry.hpp"
#include "support/config_errors.hpp"
#include "support/objective_checks.hpp"

using namespace descent;
using namespace descent::test;

TEST_CASE("every objective's derivatives match Boost.Math autodiff", "[objectives][autodiff]") {
  std::mt19937_64 rng(Catch::rngSeed());
  for (const auto& entry : objective_registry()) check_against_autodiff(entry, rng);
}

TEST_CASE("every listed minimum is a minimum with the listed value", "[objectives]") {
  for (const auto& entry : objective_registry()) check_minima_and_starts(entry);
}

TEST_CASE("large objectives give Hv in O(n) and refuse a dense Hessian", "[objectives]") {
  constexpr Index kLarge = 100'000;
  std::mt19937_64 rng(Catch::rngSeed());
  int checked = 0;
  for (const auto& entry : objective_registry()) {
    if (max_dim(entry) < static_cast<double>(kLarge)) continue;
    const auto objective = entry.make({{"dim", std::int64_t{kLarge}}});
    INFO(entry.name << " at n = " << kLarge << " (seed " << Catch::rngSeed() << ")");
    REQUIRE(objective->dim() == kLarge);
    REQUIRE(objective->max_dense_dim() < kLarge);
    Matrix h;
    REQUIRE_THROWS_AS(objective->hessian(Vector::Zero(kLarge), h), ConfigError);
    REQUIRE(h.size() == 0);

    // Hv against a central difference of gradients along v: exact for quadratics, O(ε²)
    // otherwise.
    const Vector x = point_in(objective->domain(), rng);
    const Vector v = random_direction(kLarge, rng).normalized();
    Vector hv, g_plus, g_minus;
    objective->hessian_vector(x, v, hv);
    const double step = 1e-5 * std::max(1.0, x.cwiseAbs().maxCoeff());
    objective->gradient(x + step * v, g_plus);
    objective->gradient(x - step * v, g_minus);
    const Vector difference = (g_plus - g_minus) / (2.0 * step);
    REQUIRE((hv - difference).norm() <= 1e-5 * std::max(1.0, hv.norm()));
    ++checked;
  }
  REQUIRE(checked >= 3);
}

TEST_CASE("objective parameters are validated with the key and the rule", "[objectives]") {
  for (const auto& entry : objective_registry()) {
    if (max_dim(entry) == 0.0) continue;
    INFO(entry.name);
    REQUIRE_THROWS_AS(entry.make({{"dim", std::int64_t{0}}}), ConfigError);
    REQUIRE_THROWS_AS(entry.make({{"dim", std::int64_t{20'000'000}}}), ConfigError);
    REQUIRE_THROWS_AS(entry.make({{"dimension", std::int64_t{4}}}), ConfigError);
  }
  CHECK_THAT(test::objective_error_of("extended_rosenbrock", {{"dim", std::int64_t{7}}}),
             Catch::Matchers::StartsWith("dim: ") && Catch::Matchers::Contains("must be a multiple of 2"));
  CHECK_THAT(test::objective_error_of("extended_powell", {{"dim", std::int64_t{6}}}),
             Catch::Matchers::StartsWith("dim: ") && Catch::Matchers::Contains("multiple of 4"));
  CHECK_THAT(test::objective_error_of("quadratic", {{"kappa", 0.5}}),
             Catch::Matchers::StartsWith("kappa: ") && Catch::Matchers::Contains("1 <= kappa"));
}
