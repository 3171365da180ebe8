// Moré–Garbow–Hillstrom problems of variable dimension (23–35 except 21 and 22, which are
// extended_rosenbrock and extended_powell): penalty I and II, variably dimensioned,
// trigonometric, Brown almost-linear, discrete boundary value, discrete integral equation,
// Broyden tridiagonal and banded, the three linear functions, Chebyquad. Each is a sum of
// squared residuals (see least_squares.hpp) with dense J, so n ≤ kMaxLeastSquaresDim.
#pragma once

#include <vector>

#include "descent/core/objective_registry.hpp"

namespace descent {

// The registry entries of this file, in the order `descent list` shows them.
std::vector<ObjectiveEntry> mgh_variable_dim_entries();

}  // namespace descent
