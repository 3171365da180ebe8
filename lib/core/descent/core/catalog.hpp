// Catalog: the objectives and methods a suite may name. The experiment engine knows no
// objective or method of its own; it is handed a catalog: `builtin_catalog()` of the objective
// library (descent/objectives/registry.hpp) holds every registered objective and method, and a
// test or a user's program may hand it entries of its own.
#pragma once

#include <span>
#include <string_view>

#include "descent/core/objective_registry.hpp"
#include "descent/optimizers/optimizer_entry.hpp"

namespace descent {

struct Catalog {
  std::span<const ObjectiveEntry> objectives;
  std::span<const OptimizerEntry> optimizers;

  // nullptr when no entry has that name.
  const ObjectiveEntry* find_objective(std::string_view name) const {
    for (const auto& entry : objectives)
      if (entry.name == name) return &entry;
    return nullptr;
  }
  const OptimizerEntry* find_optimizer(std::string_view name) const {
    for (const auto& entry : optimizers)
      if (entry.doc.name == name) return &entry;
    return nullptr;
  }
};

}  // namespace descent
