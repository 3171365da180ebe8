// Python values as descent parameters: the keyword arguments of `descent.objective(...)` and
// `descent.minimize(...)` become the ParamMap that a suite file would give, so they are
// validated by the same rules (options_from) and rejected with the same ConfigError messages.
//
//   bool, numpy.bool_                         → bool
//   int, numpy.integer                        → integer
//   float, numpy.floating                     → real
//   str                                       → string (including choices)
//   list, tuple or 1-D array of numbers       → list of reals
#pragma once

#include <pybind11/pybind11.h>

#include <string>
#include <vector>

#include "descent/core/params.hpp"

namespace descent::python {

// `prefix` names the table in messages ("stop" gives "stop.grad_norm"); empty at the top.
ParamMap params_from_python(const pybind11::dict& values, const std::string& prefix = "");

// A parameter value as the Python value of the table above (lists as lists of floats).
pybind11::object params_to_python(const ParamMap& params);

}  // namespace descent::python
