#include "objectives/training_objectives.hpp"

#include "objectives/cliff.hpp"
#include "objectives/deep_linear.hpp"
#include "objectives/linear_recurrence.hpp"
#include "objectives/logistic_regression.hpp"
#include "objectives/softmax_regression.hpp"
#include "objectives/tanh_mlp.hpp"

namespace descent {

void add_classification_objectives(std::vector<ObjectiveEntry>& entries) {
  entries.push_back(logistic_regression_entry());
  entries.push_back(softmax_regression_entry());
}

void add_network_objectives(std::vector<ObjectiveEntry>& entries) {
  entries.push_back(deep_linear_entry());
  entries.push_back(linear_recurrence_entry());
  entries.push_back(cliff_entry());
  entries.push_back(tanh_mlp_entry());
}

}  // namespace descent
