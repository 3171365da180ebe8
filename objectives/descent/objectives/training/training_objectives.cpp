#include "descent/objectives/training/training_objectives.hpp"

#include "descent/objectives/training/cliff.hpp"
#include "descent/objectives/training/deep_linear.hpp"
#include "descent/objectives/training/linear_recurrence.hpp"
#include "descent/objectives/training/logistic_regression.hpp"
#include "descent/objectives/training/softmax_regression.hpp"
#include "descent/objectives/training/tanh_mlp.hpp"

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
