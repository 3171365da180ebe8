// ObjectiveEntry: what the registry knows of one objective: its documentation, its
// parameters, a validated factory, and the Boost.Math autodiff derivatives that verify its
// analytic gradient and Hessian. The registry itself lives in the objective library,
// objectives/descent/objectives/registry.hpp.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "descent/core/objective.hpp"
#include "descent/core/params.hpp"

namespace descent {

// Gradient and Hessian of the objective's formula by forward-mode automatic differentiation.
using AutodiffDerivatives =
    std::function<void(const Objective& objective, const Vector& x, Vector& g, Matrix& h)>;

struct ObjectiveEntry {
  std::string name;
  std::string family;
  std::string summary;  // one line
  std::string formula;  // f, ∇f and notes, several lines of plain text
  std::string source;   // the reference the definition follows
  std::vector<FieldInfo> fields;
  // Parameter sets the derivative tests verify besides the defaults (several small
  // dimensions for objectives whose dimension is a parameter).
  std::vector<ParamMap> check_params;
  // Validated parameters with every default filled in (the stored, normalised form).
  std::function<ParamMap(const ParamMap&)> normalize;
  std::function<std::unique_ptr<Objective>(const ParamMap&)> make;
  AutodiffDerivatives autodiff;
};

}  // namespace descent
