#include "descent/optimizers/registry.hpp"

#include "descent/optimizers/first_order_entries.hpp"
#include "descent/optimizers/second_order_entries.hpp"

namespace descent {

const std::vector<OptimizerEntry>& optimizer_registry() {
  static const std::vector<OptimizerEntry> registry = [] {
    std::vector<OptimizerEntry> entries;
    add_first_order_entries(entries);
    add_second_order_entries(entries);
    return entries;
  }();
  return registry;
}

const OptimizerEntry* find_optimizer(std::string_view name) {
  for (const auto& entry : optimizer_registry())
    if (entry.doc.name == name) return &entry;
  return nullptr;
}

}  // namespace descent
