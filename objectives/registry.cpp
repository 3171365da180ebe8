#include "objectives/registry.hpp"

#include "objectives/beale.hpp"
#include "objectives/quadratic.hpp"
#include "objectives/rosenbrock.hpp"
#include "objectives/training_objectives.hpp"

namespace descent {

const std::vector<ObjectiveEntry>& objective_registry() {
  static const std::vector<ObjectiveEntry> registry = [] {
    std::vector<ObjectiveEntry> entries;
    entries.push_back(beale_entry());
    entries.push_back(rosenbrock_entry());
    entries.push_back(quadratic_entry());
    add_classification_objectives(entries);
    add_network_objectives(entries);
    return entries;
  }();
  return registry;
}

const ObjectiveEntry* find_objective(std::string_view name) {
  for (const auto& entry : objective_registry())
    if (entry.name == name) return &entry;
  return nullptr;
}

}  // namespace descent
