#include "descent/optimizers/optimizer_entry.hpp"

#include <algorithm>

#include "descent/optimizers/registry.hpp"
#include "descent/optimizers/search_step.hpp"
#include "descent/optimizers/weight_decay.hpp"

namespace descent {

OptimizerDoc optimizer_doc(const MethodDoc& doc, const std::vector<FieldInfo>& fields) {
  const auto takes = [&fields](std::string_view key) {
    return std::ranges::any_of(fields, [key](const FieldInfo& field) { return field.name == key; });
  };
  std::string formula(doc.formula);
  if (takes("weight_decay")) formula.append(kWeightDecayFormula);
  if (takes("line_search")) formula.append(kLineSearchFormula);
  return {std::string(doc.name), std::string(doc.summary), std::move(formula),
          std::string(doc.source)};
}

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
