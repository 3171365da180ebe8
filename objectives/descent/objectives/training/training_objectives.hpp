// Registration of the training objectives (docs/training.md): finite-sum classification
// (logistic_regression, softmax_regression) and the network objectives whose Jacobians
// multiply (deep_linear, linear_recurrence, cliff, tanh_mlp).
#pragma once

#include <vector>

#include "descent/core/objective_registry.hpp"

namespace descent {

void add_classification_objectives(std::vector<ObjectiveEntry>& entries);
void add_network_objectives(std::vector<ObjectiveEntry>& entries);

}  // namespace descent
