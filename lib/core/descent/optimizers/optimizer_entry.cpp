#include "descent/optimizers/optimizer_entry.hpp"

#include "descent/optimizers/registry.hpp"

namespace descent {

std::optional<std::string> dense_matrix_conflict(const OptimizerEntry& entry,
                                                 const Objective& objective) {
  if (!entry.forms_dense_matrices || allows_dense_matrices(objective)) return std::nullopt;
  std::string vector_methods;
  for (const auto& other : optimizer_registry())
    if (!other.forms_dense_matrices)
      vector_methods.append(vector_methods.empty() ? "" : ", ").append(other.doc.name);
  return "optimizer '" + entry.doc.name + "' forms dense n×n matrices, but the objective has dim " +
         std::to_string(objective.dim()) + ", above its limit for dense matrices (max_dense_dim " +
         std::to_string(objective.max_dense_dim()) + "); use a method that needs only vectors (" +
         vector_methods + ")";
}

}  // namespace descent
