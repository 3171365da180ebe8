// The checks every registered objective passes, one entry at a time: analytic gradients and
// Hessians against Boost.Math forward-mode autodiff at seeded random points of the domain,
// for the default parameters and every parameter set of the entry's `check_params`; Hessian
// symmetry, f + ∇f together equal to f and ∇f apart, Hv = H·v; every listed minimum a
// stationary point with the listed f* and no negative curvature; every standard start of the
// right dimension. tests/objectives/derivatives_test.cpp runs them over the registry, and
// tests/objectives/extension_test.cpp over an objective defined in the test tree.
#pragma once

#include <catch2/catch.hpp>

#include <Eigen/Eigenvalues>
#include <Eigen/QR>
#include <random>

#include "descent/core/objective_registry.hpp"
#include "support/tolerances.hpp"

namespace descent::test {

// The defaults, then the entry's own extra parameter sets (several small dimensions).
inline std::vector<ParamMap> parameter_sets(const ObjectiveEntry& entry) {
  std::vector<ParamMap> sets{{}};
  sets.insert(sets.end(), entry.check_params.begin(), entry.check_params.end());
  return sets;
}

inline double scale_of(const Eigen::Ref<const Matrix>& m) { return std::max(1.0, m.cwiseAbs().maxCoeff()); }

inline Vector point_in(const Box& box, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  Vector x(box.lower.size());
  for (Index i = 0; i < x.size(); ++i)
    x[i] = box.lower[i] + (box.upper[i] - box.lower[i]) * unit(rng);
  return x;
}

inline Vector random_direction(Index n, std::mt19937_64& rng) {
  std::normal_distribution<double> normal;
  Vector v(n);
  for (Index i = 0; i < n; ++i) v[i] = normal(rng);
  return v;
}

// Largest dimension the entry's `dim` parameter allows, 0 when it has none.
inline double max_dim(const ObjectiveEntry& entry) {
  for (const auto& field : entry.fields)
    if (field.name == "dim") {
      const std::string rule = field.rule;  // "lo <= dim <= hi"
      return std::stod(rule.substr(rule.rfind("<=") + 2));
    }
  return 0.0;
}

// ∇f, ∇²f, f + ∇f and Hv against autodiff at five random points of the domain per parameter set.
inline void check_against_autodiff(const ObjectiveEntry& entry, std::mt19937_64& rng) {
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
      REQUIRE((g - g_ad).cwiseAbs().maxCoeff() <= kDerivative * scale_of(g_ad));
      REQUIRE((h - h_ad).cwiseAbs().maxCoeff() <= kDerivative * scale_of(h_ad));
      REQUIRE((h - h.transpose()).cwiseAbs().maxCoeff() <= kDerivative * scale_of(h));

      Vector g_joint;
      const double f = objective->value_gradient(x, g_joint);
      REQUIRE_THAT(f, Catch::Matchers::WithinRel(objective->value(x), 1e-14) ||
                          Catch::Matchers::WithinAbs(objective->value(x), 1e-300));
      REQUIRE((g_joint - g).cwiseAbs().maxCoeff() <= kDerivative * scale_of(g));

      const Vector v = random_direction(n, rng);
      objective->hessian_vector(x, v, hv);
      const Vector expected = h * v;
      REQUIRE((hv - expected).cwiseAbs().maxCoeff() <= kDerivative * scale_of(expected));
    }
  }
}

// Every listed minimum is stationary with the listed f* and no negative curvature; every
// standard start has the objective's dimension and a finite f.
inline void check_minima_and_starts(const ObjectiveEntry& entry) {
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
              kStationary * std::max(1.0, minimum.x.cwiseAbs().maxCoeff()));
      const double lowest = Eigen::SelfAdjointEigenSolver<Matrix>(h).eigenvalues().minCoeff();
      REQUIRE(lowest >= -kStationary * scale_of(h));
      REQUIRE((!minimum.global || minimum.f == best));
    }
    for (const auto& start : objective->standard_starts()) {
      REQUIRE(start.size() == objective->dim());
      REQUIRE(std::isfinite(objective->value(start)));
    }
  }
}

}  // namespace descent::test
