// The objective registry: every objective descent knows, by name, in a stable order.
#pragma once

#include <string_view>
#include <vector>

#include "descent/core/catalog.hpp"
#include "descent/core/objective_registry.hpp"

namespace descent {

const std::vector<ObjectiveEntry>& objective_registry();
// nullptr when no objective has that name.
const ObjectiveEntry* find_objective(std::string_view name);

// Every registered objective and every method of the optimizer registry.
Catalog builtin_catalog();

}  // namespace descent
