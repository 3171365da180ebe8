// The parts of the extension module descent._descent, each adding its functions and classes.
#pragma once

#include <pybind11/pybind11.h>

namespace descent::python {

void bind_objectives(pybind11::module_& module);  // objectives(), objective(), Objective
void bind_minimize(pybind11::module_& module);    // _minimize(), optimizers()
void bind_suites(pybind11::module_& module);      // _run_suite()

}  // namespace descent::python
