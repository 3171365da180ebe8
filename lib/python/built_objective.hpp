// BuiltObjective: a registered objective built from validated parameters, as the Python class
// descent.Objective holds it (descent.objective(...) builds one; descent.minimize accepts one
// in place of a callable).
#pragma once

#include <memory>
#include <string>

#include "descent/core/objective.hpp"
#include "descent/core/params.hpp"

namespace descent::python {

struct BuiltObjective {
  std::string name;
  ParamMap params;
  std::unique_ptr<Objective> objective;
};

}  // namespace descent::python
