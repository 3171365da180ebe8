// Registry entries of the search-direction methods of the lecture's second half: newton,
// regularized_newton, bfgs, lbfgs, cg, newton_cg (each a direction × a line search).
#pragma once

#include <vector>

#include "descent/optimizers/optimizer_entry.hpp"

namespace descent {

void add_second_order_entries(std::vector<OptimizerEntry>& entries);

}  // namespace descent
