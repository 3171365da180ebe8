// Objective constants (L, mu, kappa, rho, dim; descent/core/objective_constants.hpp): the closed
// forms of each objective that knows them, and for every objective of the registry, L and mu
// against the spectrum of its Hessian at sampled points.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <random>

#include <Eigen/Eigenvalues>

#include "descent/objectives/registry.hpp"
#include "support/tolerances.hpp"

using namespace descent;
using Catch::Matchers::WithinRel;

namespace {

ObjectiveConstants constants_of(const char* name, const ParamMap& params = {}) {
  return find_objective(name)->make(params)->constants();
}

// Parameter sets beyond the registry's own check_params: the one-layer and one-step networks,
// whose Hessians are constant.
std::vector<ParamMap> constant_hessian_networks(const std::string& name) {
  if (name == "deep_linear")
    return {{{"depth", std::int64_t{1}}, {"width", std::int64_t{3}}, {"examples", std::int64_t{7}}},
            {{"depth", std::int64_t{1}}, {"width", std::int64_t{4}}, {"examples", std::int64_t{2}}}};
  if (name == "linear_recurrence") return {{{"steps", std::int64_t{1}}}};
  return {};
}

// Points in the objective's domain, reproducibly.
std::vector<Vector> sample_points(const Objective& objective, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const Box box = objective.domain();
  std::vector<Vector> points = objective.standard_starts();
  for (int k = 0; k < 3; ++k) {
    Vector x(objective.dim());
    for (Index i = 0; i < x.size(); ++i)
      x[i] = box.lower[i] + (box.upper[i] - box.lower[i]) * unit(rng);
    points.push_back(x);
  }
  return points;
}

}  // namespace

TEST_CASE("the quadratic's constants are the ends of its spectrum", "[objectives][constants]") {
  SECTION("loguniform, κ = 37: λ from 1 to 37") {
    const auto c = constants_of("quadratic", {{"dim", std::int64_t{5}}, {"kappa", 37.0}});
    CHECK_THAT(c.at("L"), WithinRel(37.0, test::kExactStep));
    CHECK(c.at("mu") == 1.0);
    CHECK_THAT(c.at("kappa"), WithinRel(37.0, test::kExactStep));
    CHECK(c.at("dim") == 5.0);
  }
  SECTION("two_cluster, κ = 600: λmax = 60, λmin = 60/κ = 0.1") {
    const auto c = constants_of("quadratic", {{"dim", std::int64_t{10}}, {"kappa", 600.0},
                                              {"spectrum", std::string("two_cluster")}});
    CHECK(c.at("L") == 60.0);
    CHECK_THAT(c.at("mu"), WithinRel(0.1, test::kExactStep));
    CHECK_THAT(c.at("kappa"), WithinRel(600.0, test::kExactStep));
  }
  SECTION("explicit eigenvalues, rotated: the rotation leaves them") {
    const auto c = constants_of("quadratic", {{"eigenvalues", std::vector<double>{3.0, 0.25, 7.5}},
                                              {"rotate", true}});
    CHECK(c.at("L") == 7.5);
    CHECK(c.at("mu") == 0.25);
    CHECK(c.at("kappa") == 30.0);
    CHECK(c.at("dim") == 3.0);
  }
}

TEST_CASE("the separable and tridiagonal quadratics have closed-form constants",
          "[objectives][constants]") {
  const auto sphere = constants_of("sphere", {{"dim", std::int64_t{6}}});
  CHECK(sphere == ObjectiveConstants{{"L", 2.0}, {"mu", 2.0}, {"kappa", 1.0}, {"dim", 6.0}});
  const auto squares = constants_of("sum_of_squares", {{"dim", std::int64_t{7}}});
  CHECK(squares == ObjectiveConstants{{"L", 14.0}, {"mu", 2.0}, {"kappa", 7.0}, {"dim", 7.0}});
  // tridiag(−1, 2, −1) of size 3: eigenvalues 2 − √2, 2, 2 + √2.
  const auto trid = constants_of("trid", {{"dim", std::int64_t{3}}});
  CHECK_THAT(trid.at("L"), WithinRel(2.0 + std::numbers::sqrt2, test::kExactStep));
  CHECK_THAT(trid.at("mu"), WithinRel(2.0 - std::numbers::sqrt2, test::kExactStep));
  const auto booth = constants_of("booth");
  CHECK(booth == ObjectiveConstants{{"L", 18.0}, {"mu", 2.0}, {"kappa", 9.0}, {"dim", 2.0}});
  const auto matyas = constants_of("matyas");
  CHECK(matyas.at("L") == 1.0);
  CHECK_THAT(matyas.at("mu"), WithinRel(0.04, test::kExactStep));
}

TEST_CASE("an indefinite quadratic knows L = κ but no mu, and Rosenbrock only its dimension",
          "[objectives][constants]") {
  const auto saddle = constants_of("indefinite_quadratic",
                                   {{"dim", std::int64_t{4}}, {"negative", std::int64_t{3}}, {"kappa", 250.0}});
  CHECK_THAT(saddle.at("L"), WithinRel(250.0, test::kExactStep));
  CHECK(saddle.at("dim") == 4.0);
  CHECK_FALSE(saddle.contains("mu"));
  CHECK_FALSE(saddle.contains("kappa"));
  CHECK(constants_of("rosenbrock") == ObjectiveConstants{{"dim", 2.0}});
  CHECK(constants_of("deep_linear") == ObjectiveConstants{{"dim", 27.0}});  // three layers
}

TEST_CASE("every objective's L and mu are the extreme eigenvalues of its Hessian",
          "[objectives][constants][registry]") {
  std::size_t with_curvature = 0;
  for (const auto& entry : objective_registry()) {
    std::vector<ParamMap> parameter_sets = {{}};
    for (const auto& params : entry.check_params) parameter_sets.push_back(params);
    for (const auto& params : constant_hessian_networks(entry.name)) parameter_sets.push_back(params);
    for (const auto& params : parameter_sets) {
      INFO(entry.name << " " << to_text(params));
      const auto objective = entry.make(params);
      const ObjectiveConstants c = objective->constants();
      REQUIRE(c.at("dim") == static_cast<double>(objective->dim()));
      for (const auto& [name, value] : c)
        REQUIRE(std::find(kObjectiveConstantNames.begin(), kObjectiveConstantNames.end(), name) !=
                kObjectiveConstantNames.end());
      if (!c.contains("L")) {
        REQUIRE_FALSE(c.contains("mu"));
        continue;
      }
      ++with_curvature;
      REQUIRE(c.contains("mu") == c.contains("kappa"));
      double largest = 0.0, smallest = std::numeric_limits<double>::infinity();
      for (const auto& x : sample_points(*objective, 11)) {
        Matrix h;
        objective->hessian(x, h);
        const Vector lambda = Eigen::SelfAdjointEigenSolver<Matrix>(h, Eigen::EigenvaluesOnly).eigenvalues();
        largest = std::max(largest, lambda.cwiseAbs().maxCoeff());
        smallest = std::min(smallest, lambda.minCoeff());
      }
      CHECK_THAT(largest, WithinRel(c.at("L"), test::kSymmetricEigenvalues));
      if (c.contains("mu")) {
        CHECK_THAT(smallest, WithinRel(c.at("mu"), test::kSymmetricEigenvalues));
        CHECK(c.at("kappa") == c.at("L") / c.at("mu"));
      }
    }
  }
  REQUIRE(with_curvature >= 10);
}

TEST_CASE("the linear recurrence's rho is the spectral radius of its start W",
          "[objectives][constants]") {
  SECTION("λᵢ = ρ(n − i)/n: the largest is ρ") {
    const auto c = constants_of("linear_recurrence", {{"hidden", std::int64_t{4}}, {"rho", 1.3}});
    CHECK(c.at("rho") == 1.3);
  }
  SECTION("explicit eigenvalues: the largest magnitude, a negative one included") {
    const auto c = constants_of("linear_recurrence", {{"eigenvalues", std::vector<double>{0.4, -1.7, 0.9}}});
    CHECK(c.at("rho") == 1.7);
  }
  SECTION("the start's W has that spectral radius") {
    const auto objective = find_objective("linear_recurrence")->make({{"hidden", std::int64_t{3}}, {"rho", 0.8}});
    const Vector x0 = objective->standard_starts().front();
    const Matrix w = Eigen::Map<const Matrix>(x0.data(), 3, 3);
    const Vector lambda = Eigen::SelfAdjointEigenSolver<Matrix>(w, Eigen::EigenvaluesOnly).eigenvalues();
    CHECK_THAT(lambda.cwiseAbs().maxCoeff(), WithinRel(objective->constants().at("rho"), test::kSymmetricEigenvalues));
  }
}
