// One generic check over the whole objective registry: analytic gradients and Hessians
// against Boost.Math forward-mode autodiff at seeded random points, Hessian symmetry,
// Hv = H·v, every listed minimum stationary with the listed f*, every standard start of the
// right dimension. A new objective is covered by registering it.
#include <catch2/catch.hpp>

#include <random>

#include "objectives/registry.hpp"
#include "support/tolerances.hpp"

using namespace descent;

namespace {

// Parameter sets to check: the defaults, and small dimensions where the objective has `dim`.
std::vector<ParamMap> parameter_sets(const ObjectiveEntry& entry) {
  std::vector<ParamMap> sets{{}};
  for (const auto& field : entry.fields)
    if (field.name == "dim") {
      sets.push_back({{"dim", std::int64_t{2}}});
      sets.push_back({{"dim", std::int64_t{5}}});
    }
  return sets;
}

double scale_of(const Eigen::Ref<const Matrix>& m) { return std::max(1.0, m.cwiseAbs().maxCoeff()); }

}  // namespace

TEST_CASE("every objective's derivatives match Boost.Math autodiff", "[objectives][autodiff]") {
  std::mt19937_64 rng(Catch::rngSeed());
  std::uniform_real_distribution<double> coordinate(-2.0, 2.0);
  for (const auto& entry : objective_registry()) {
    for (const auto& params : parameter_sets(entry)) {
      const auto objective = entry.make(params);
      const Index n = objective->dim();
      INFO(entry.name << " " << to_text(params) << " (seed " << Catch::rngSeed() << ")");
      for (int point = 0; point < 5; ++point) {
        Vector x(n);
        for (Index i = 0; i < n; ++i) x[i] = coordinate(rng);
        Vector g, g_ad, hv;
        Matrix h, h_ad;
        objective->gradient(x, g);
        objective->hessian(x, h);
        entry.autodiff(*objective, x, g_ad, h_ad);
        INFO("x = " << x.transpose());
        REQUIRE((g - g_ad).cwiseAbs().maxCoeff() <= test::kDerivative * scale_of(g_ad));
        REQUIRE((h - h_ad).cwiseAbs().maxCoeff() <= test::kDerivative * scale_of(h_ad));
        REQUIRE((h - h.transpose()).cwiseAbs().maxCoeff() <= test::kDerivative * scale_of(h));

        Vector g_joint;
        const double f = objective->value_gradient(x, g_joint);
        REQUIRE(f == Approx(objective->value(x)).epsilon(1e-14));
        REQUIRE((g_joint - g).cwiseAbs().maxCoeff() <= test::kDerivative * scale_of(g));

        Vector v(n);
        for (Index i = 0; i < n; ++i) v[i] = coordinate(rng);
        objective->hessian_vector(x, v, hv);
        const Vector expected = h * v;
        REQUIRE((hv - expected).cwiseAbs().maxCoeff() <= test::kDerivative * scale_of(expected));
      }
    }
  }
}

TEST_CASE("every listed minimum is stationary with the listed value", "[objectives]") {
  for (const auto& entry : objective_registry()) {
    const auto objective = entry.make({});
    INFO(entry.name);
    for (const auto& minimum : objective->minima()) {
      REQUIRE(minimum.x.size() == objective->dim());
      Vector g;
      objective->gradient(minimum.x, g);
      REQUIRE(g.cwiseAbs().maxCoeff() <= 1e-8);
      REQUIRE_THAT(objective->value(minimum.x), Catch::Matchers::WithinAbs(minimum.f, 1e-10));
    }
    for (const auto& start : objective->standard_starts()) REQUIRE(start.size() == objective->dim());
  }
}
