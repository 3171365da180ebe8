// The problem on which the first-order rules and their switches are pinned by exact one- and
// two-step updates: f = ½(x₁² + 4x₂²) from (1.5, −0.75), with its gradient by hand.
#pragma once

#include <catch2/catch.hpp>

#include "descent/objectives/quadratic/quadratic.hpp"
#include "support/tolerances.hpp"

namespace descent::test::pinned {

inline const Quadratic& problem() {
  static const Quadratic q({.eigenvalues = {1.0, 4.0}});
  return q;
}
inline const Vector kStart{{1.5, -0.75}};
inline Vector grad(const Vector& x) { return Vector{{x[0], 4.0 * x[1]}}; }
// The same problem and start as a suite's [[objective]] table.
inline constexpr const char* kObjectiveToml = R"([[objective]]
name = "quadratic"
params = { eigenvalues = [1.0, 4.0] }
starts = [[1.5, -0.75]]
)";

// Each coordinate of `got` within rounding (kExactStep) of `expected`.
inline void require_equal(const Vector& got, const Vector& expected) {
  for (Index i = 0; i < expected.size(); ++i)
    REQUIRE_THAT(got[i], Catch::Matchers::WithinRel(expected[i], kExactStep));
}

}  // namespace descent::test::pinned
