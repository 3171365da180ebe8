// Moré–Garbow–Hillstrom problems that fit a model to data (6, 8–12, 15–20): Jennrich–
// Sampson, Bard, Gaussian, Meyer, Gulf research and development, Box three-dimensional,
// Kowalik–Osborne, Brown–Dennis, Osborne 1, Biggs EXP6, Osborne 2, Watson. Each is a sum
// of squared residuals (see least_squares.hpp).
#pragma once

#include <vector>

#include "descent/core/objective_registry.hpp"

namespace descent {

// The registry entries of this file, in the order `descent list` shows them.
std::vector<ObjectiveEntry> mgh_data_fitting_entries();

}  // namespace descent
