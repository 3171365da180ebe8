// Named tolerances for the tests, each with the reason for its size.
#pragma once

namespace descent::test {

// An update rule evaluated by hand and by the library differs only by rounding in a
// different operation order: a few ulps of the largest term.
inline constexpr double kExactStep = 1e-14;

// Analytic versus automatic derivatives: both exact up to rounding, but sums of large terms
// of opposite sign (Beale at |y| ~ 3) lose digits relative to the result.
inline constexpr double kDerivative = 1e-10;

// A listed minimum x* is stored rounded to double (or computed in double); the Newton step
// from it, relative to |x*|, and the negative curvature there, relative to |H|, are rounding
// sized. 1e-8 leaves room for ill-conditioned minima and still rejects a misplaced one.
inline constexpr double kStationary = 1e-8;

}  // namespace descent::test

namespace descent::test {

// A small linear solve done two ways (Cholesky or an eigendecomposition against a formula
// by hand): rounding amplified by the condition number of the system, ~1e3 here.
inline constexpr double kLinearSolve = 1e-12;

// A mean of per-example losses, each a few roundings from exact and added with compensation:
// a few ulps of the result (2⁻⁵² ≈ 2.2e-16 each).
inline constexpr double kRoundedSum = 1e-15;

}  // namespace descent::test

namespace descent::test {

// Eigenvalues of a small symmetric matrix (Eigen's QR iteration) against a closed form:
// backward stable, so off by rounding relative to the largest eigenvalue; relative to the
// smallest that is amplified by the condition number (≤ 1e3 in these tests).
inline constexpr double kSymmetricEigenvalues = 1e-12;

}  // namespace descent::test
