// Registry entries of the lecture's first-order rules: gd, momentum, nesterov, adagrad,
// rmsprop, adam.
#pragma once

#include <vector>

#include "descent/optimizers/optimizer_entry.hpp"

namespace descent {

void add_first_order_entries(std::vector<OptimizerEntry>& entries);

}  // namespace descent
