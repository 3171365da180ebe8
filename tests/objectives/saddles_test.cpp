// The non-convex objectives have the stationary points their documentation names, with the
// documented inertia: the saddle studies depend on it.
#include <catch2/catch.hpp>

#include <Eigen/Eigenvalues>
#include <cmath>
#include <numbers>

#include "descent/objectives/saddles/indefinite_quadratic.hpp"
#include "descent/objectives/quadratic/quadratic.hpp"
#include "descent/objectives/registry.hpp"

using namespace descent;

namespace {

struct Inertia {
  int negative = 0, zero = 0, positive = 0;
};

Inertia inertia_at(const Objective& objective, const Vector& x) {
  Matrix h;
  objective.hessian(x, h);
  const Eigen::SelfAdjointEigenSolver<Matrix> eigen(h);
  const Vector eigenvalues = eigen.eigenvalues();
  Inertia result;
  for (double lambda : eigenvalues) {
    if (std::abs(lambda) <= 1e-12)
      ++result.zero;
    else if (lambda < 0.0)
      ++result.negative;
    else
      ++result.positive;
  }
  return result;
}

double gradient_norm_at(const Objective& objective, const Vector& x) {
  Vector g;
  objective.gradient(x, g);
  return g.norm();
}

}  // namespace

TEST_CASE("the 2-D saddles are stationary at the origin with the documented curvature", "[objectives]") {
  const Vector origin = Vector::Zero(2);
  SECTION("x² − y²: one negative eigenvalue") {
    const auto f = find_objective("saddle")->make({});
    CHECK(gradient_norm_at(*f, origin) == 0.0);
    const auto in = inertia_at(*f, origin);
    CHECK(in.negative == 1);
    CHECK(in.positive == 1);
    CHECK(f->minima().empty());
  }
  SECTION("monkey saddle: zero Hessian, descent in three directions") {
    const auto f = find_objective("monkey_saddle")->make({});
    CHECK(gradient_norm_at(*f, origin) == 0.0);
    CHECK(inertia_at(*f, origin).zero == 2);
    for (double angle : {std::numbers::pi, std::numbers::pi / 3.0, -std::numbers::pi / 3.0})
      CHECK(f->value(Vector{{0.1 * std::cos(angle), 0.1 * std::sin(angle)}}) < 0.0);
  }
  SECTION("double well: a saddle with f = 1 between minima at (±1, 0)") {
    const auto f = find_objective("double_well")->make({});
    CHECK(gradient_norm_at(*f, origin) == 0.0);
    CHECK(f->value(origin) == 1.0);
    Matrix h;
    f->hessian(origin, h);
    CHECK(h(0, 0) == -4.0);
    CHECK(h(1, 1) == 2.0);
    CHECK(f->minima().size() == 2);
  }
  SECTION("the starts on the stable manifold have a gradient pointing at the saddle") {
    for (const char* name : {"saddle", "double_well"}) {
      INFO(name);
      const auto f = find_objective(name)->make({});
      const Vector start = f->standard_starts().front();
      Vector g;
      f->gradient(start, g);
      CHECK(std::abs(g.normalized().dot(start.normalized()) - 1.0) <= 1e-15);
    }
  }
}

TEST_CASE("the indefinite quadratic has exactly `negative` negative eigenvalues", "[objectives]") {
  const auto negative = GENERATE(1, 3, 5);
  const auto rotate = GENERATE(false, true);
  const auto f = find_objective("indefinite_quadratic")
                     ->make({{"dim", std::int64_t{6}},
                             {"negative", std::int64_t{negative}},
                             {"kappa", 100.0},
                             {"rotate", rotate},
                             {"rotation_seed", std::int64_t{Catch::rngSeed()}}});
  const Vector origin = Vector::Zero(6);
  CHECK(gradient_norm_at(*f, origin) == 0.0);
  const auto in = inertia_at(*f, origin);
  CHECK(in.negative == negative);
  CHECK(in.positive == 6 - negative);
  const auto& lambda = dynamic_cast<const IndefiniteQuadratic&>(*f).problem().eigenvalues();
  CHECK_THAT(lambda.cwiseAbs().maxCoeff() / lambda.cwiseAbs().minCoeff(), Catch::Matchers::WithinRel(100.0, 1e-12));
  CHECK_THROWS_AS(find_objective("indefinite_quadratic")->make({{"dim", std::int64_t{4}}, {"negative", std::int64_t{4}}}),
                  ConfigError);
}

TEST_CASE("the two-cluster spectrum puts 90% in [60/κ, 1] and 10% in [30, 60]", "[objectives]") {
  const auto n = GENERATE(2, 10, 25, 1000);
  const double kappa = 1e4;
  const Vector lambda = spectrum_eigenvalues(n, kappa, Spectrum::kTwoCluster);
  const Index large = std::max<Index>(1, static_cast<Index>(std::lround(0.1 * n)));
  INFO("n = " << n);
  CHECK((lambda.head(n - large).array() >= 60.0 / kappa * (1 - 1e-15)).all());
  CHECK((lambda.head(n - large).array() <= 1.0).all());
  CHECK((lambda.tail(large).array() >= 30.0).all());
  CHECK((lambda.tail(large).array() <= 60.0).all());
  CHECK_THAT(lambda.maxCoeff() / lambda.minCoeff(), Catch::Matchers::WithinRel(kappa, 1e-12));
  CHECK_THROWS_AS(find_objective("quadratic")->make({{"spectrum", std::string("two_cluster")}, {"kappa", 10.0}}),
                  ConfigError);
}
