// One generic check over the whole objective registry: analytic gradients and Hessians
// against Boost.Math forward-mode autodiff at seeded random points of each objective's
// domain and at several dimensions, Hessian symmetry, Hv = H·v, every listed minimum a
// stationary point with the listed f* and a positive semidefinite Hessian, every standard
// start of the right dimension. Objectives whose dimension can be large are also checked at
// n = 10⁵ without a dense Hessian, which they must refuse. A new objective is covered by
// registering it.
#include <catch2/catch.hpp>

#include <Eigen/Eigenvalues>
#include <Eigen/QR>
#include <random>

#include "descent/objectives/registry.hpp"
#include "support/tolerances.hpp"

using namespace descent;

namespace {

// The defaults, then the entry's own extra parameter sets (several small dimensions).
std::vector<ParamMap> parameter_sets(const ObjectiveEntry& entry) {
  std::vector<ParamMap> sets{{}};
  sets.insert(sets.end(), entry.check_params.begin(), entry.check_params.end());
  return sets;
}

double scale_of(const Eigen::Ref<const Matrix>& m) { return std::max(1.0, m.cwiseAbs().maxCoeff()); }

Vector point_in(const Box& box, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  Vector x(box.lower.size());
  for (Index i = 0; i < x.size(); ++i)
    x[i] = box.lower[i] + (box.upper[i] - box.lower[i]) * unit(rng);
  return x;
}

Vector random_direction(Index n, std::mt19937_64& rng) {
  std::normal_distribution<double> normal;
  Vector v(n);
  for (Index i = 0; i < n; ++i) v[i] = normal(rng);
  return v;
}

// Largest dimension the entry's `dim` parameter allows, 0 when it has none.
double max_dim(const ObjectiveEntry& entry) {
  for (const auto& field : entry.fields)
    if (field.name == "dim") {
      const std::string rule = field.rule;  // "lo <= dim <= hi"
      return std::stod(rule.substr(rule.rfind("<=") + 2));
    }
  return 0.0;
}

}  // namespace

TEST_CASE("every objective's derivatives match Boost.Math autodiff", "[objectives][autodiff]") {
  std::mt19937_64 rng(Catch::rngSeed());
  for (const auto& entry : objective_registry()) {
    for (const auto& params : parameter_sets(entry)) {
      const auto objective = entry.make(params);
      const Index n = objective->dim();
      const Box box = objective->domain();
      INFO(entry.name << " " << to_text(params) << " (seed " << Catch::rngSeed() << ")");
      REQUIRE(box.lower.size() == n);
      REQUIRE(box.upper.size() == n);
      REQUIRE((box.lower.array() < box.upper.array()).all());
      for (int point = 0; point < 5; ++point) {
        const Vector x = point_in(box, rng);
        Vector g, g_ad, hv;
        Matrix h, h_ad;
        objective->gradient(x, g);
        objective->hessian(x, h);
        entry.autodiff(*objective, x, g_ad, h_ad);
        INFO("x = " << x.transpose());
        REQUIRE(g.size() == n);
        REQUIRE(h.rows() == n);
        REQUIRE(h.cols() == n);
        REQUIRE((g - g_ad).cwiseAbs().maxCoeff() <= test::kDerivative * scale_of(g_ad));
        REQUIRE((h - h_ad).cwiseAbs().maxCoeff() <= test::kDerivative * scale_of(h_ad));
        REQUIRE((h - h.transpose()).cwiseAbs().maxCoeff() <= test::kDerivative * scale_of(h));

        Vector g_joint;
        const double f = objective->value_gradient(x, g_joint);
        REQUIRE_THAT(f, Catch::Matchers::WithinRel(objective->value(x), 1e-14) ||
                            Catch::Matchers::WithinAbs(objective->value(x), 1e-300));
        REQUIRE((g_joint - g).cwiseAbs().maxCoeff() <= test::kDerivative * scale_of(g));

        const Vector v = random_direction(n, rng);
        objective->hessian_vector(x, v, hv);
        const Vector expected = h * v;
        REQUIRE((hv - expected).cwiseAbs().maxCoeff() <= test::kDerivative * scale_of(expected));
      }
    }
  }
}

TEST_CASE("every listed minimum is a minimum with the listed value", "[objectives]") {
  for (const auto& entry : objective_registry()) {
    for (const auto& params : parameter_sets(entry)) {
      const auto objective = entry.make(params);
      INFO(entry.name << " " << to_text(params));
      const auto minima = objective->minima();
      double best = std::numeric_limits<double>::infinity();
      for (const auto& minimum : minima) best = std::min(best, minimum.f);
      for (const auto& minimum : minima) {
        INFO("x* = " << minimum.x.transpose());
        REQUIRE(minimum.x.size() == objective->dim());
        // f* is exact; f(x*) in double carries the rounding of its terms (Meyer's residuals are
        // 10⁴ times larger than f*'s square root).
        REQUIRE_THAT(objective->value(minimum.x),
                     Catch::Matchers::WithinAbs(minimum.f, 1e-10 * std::max(1.0, std::abs(minimum.f))));
        // Stationary: the Newton step from x* is below rounding of x* (pseudo-inverse, so
        // singular Hessians at degenerate minima are fine), and no direction of negative
        // curvature.
        Vector g;
        Matrix h;
        objective->gradient(minimum.x, g);
        objective->hessian(minimum.x, h);
        const Vector newton = Eigen::CompleteOrthogonalDecomposition<Matrix>(h).solve(g);
        REQUIRE(newton.cwiseAbs().maxCoeff() <=
                test::kStationary * std::max(1.0, minimum.x.cwiseAbs().maxCoeff()));
        const double lowest = Eigen::SelfAdjointEigenSolver<Matrix>(h).eigenvalues().minCoeff();
        REQUIRE(lowest >= -test::kStationary * scale_of(h));
        REQUIRE((!minimum.global || minimum.f == best));
      }
      for (const auto& start : objective->standard_starts()) {
        REQUIRE(start.size() == objective->dim());
        REQUIRE(std::isfinite(objective->value(start)));
      }
    }
  }
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
  const auto message = [](const char* name, ParamMap params) -> std::string {
    try {
      find_objective(name)->make(params);
    } catch (const ConfigError& e) {
      return std::string(e.key()) + ": " + e.what();
    }
    return "accepted";
  };
  CHECK_THAT(message("extended_rosenbrock", {{"dim", std::int64_t{7}}}),
             Catch::Matchers::StartsWith("dim: ") && Catch::Matchers::Contains("must be even"));
  CHECK_THAT(message("extended_powell", {{"dim", std::int64_t{6}}}),
             Catch::Matchers::StartsWith("dim: ") && Catch::Matchers::Contains("multiple of 4"));
  CHECK_THAT(message("quadratic", {{"kappa", 0.5}}),
             Catch::Matchers::StartsWith("kappa: ") && Catch::Matchers::Contains("1 <= kappa"));
}
