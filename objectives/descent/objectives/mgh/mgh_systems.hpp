// Moré–Garbow–Hillstrom problems 2, 3, 4, 7 and 14: small nonlinear systems written as
// sums of squares (see least_squares.hpp): Freudenstein–Roth, Powell badly scaled, Brown
// badly scaled, helical valley, Wood.
#pragma once

#include <vector>

#include "descent/core/objective_registry.hpp"

namespace descent {

// The registry entries of this file, in the order `descent list` shows them.
std::vector<ObjectiveEntry> mgh_system_entries();

}  // namespace descent
