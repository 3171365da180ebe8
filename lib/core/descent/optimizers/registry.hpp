// The optimizer registry: every method descent knows, by name, in a stable order.
#pragma once

#include <string_view>
#include <vector>

#include "descent/optimizers/optimizer_entry.hpp"

namespace descent {

const std::vector<OptimizerEntry>& optimizer_registry();
// nullptr when no method has that name.
const OptimizerEntry* find_optimizer(std::string_view name);

}  // namespace descent
