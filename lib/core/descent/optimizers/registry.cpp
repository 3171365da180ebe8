#include "descent/optimizers/registry.hpp"

#include "descent/core/catalog.hpp"
// The methods' headers and DESCENT_REGISTERED_ENTRIES, written from registry.list beside this
// file (lib/core/registry_list.cmake).
#include "descent/optimizers/registered_entries.inc"

namespace descent {

// Everything about a method (documentation, parameters, factory) comes from its class; which
// classes, in the order `descent list` shows them, is registry.list beside this file.
const std::vector<OptimizerEntry>& optimizer_registry() {
  static const std::vector<OptimizerEntry> registry = [] {
    std::vector<OptimizerEntry> entries;
    const auto add = [&entries](OptimizerEntry entry) { entries.push_back(std::move(entry)); };
    DESCENT_REGISTERED_ENTRIES(add)
    return entries;
  }();
  return registry;
}

const OptimizerEntry* find_optimizer(std::string_view name) {
  return Catalog{{}, optimizer_registry()}.find_optimizer(name);
}

}  // namespace descent
