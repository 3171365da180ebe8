#include "descent/objectives/registry.hpp"

#include <algorithm>
#include <iterator>
#include <type_traits>

#include "descent/optimizers/registry.hpp"

// The objectives' headers and DESCENT_REGISTERED_ENTRIES, written from registry.list beside
// this file (lib/core/registry_list.cmake).
#include "descent/objectives/registered_entries.inc"

namespace descent {

// Which objectives, in the order `descent list` shows them, is registry.list beside this file;
// a line there gives one entry or a file's vector of them.
const std::vector<ObjectiveEntry>& objective_registry() {
  static const std::vector<ObjectiveEntry> registry = [] {
    std::vector<ObjectiveEntry> entries;
    const auto add = [&entries]<class Added>(Added added) {
      if constexpr (std::is_same_v<Added, ObjectiveEntry>) {
        entries.push_back(std::move(added));
      } else {
        std::move(added.begin(), added.end(), std::back_inserter(entries));
      }
    };
    DESCENT_REGISTERED_ENTRIES(add)
    return entries;
  }();
  return registry;
}

const ObjectiveEntry* find_objective(std::string_view name) {
  return Catalog{objective_registry(), {}}.find_objective(name);
}

Catalog builtin_catalog() { return {objective_registry(), optimizer_registry()}; }

}  // namespace descent
