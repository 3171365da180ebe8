// descent._descent: the compiled half of the Python package `descent` (lib/python/descent/,
// docs/python.md). A ConfigError (bad input: unknown names, keys out of range, malformed
// suites) becomes descent.ConfigError, a subclass of ValueError with the same message.
#include <pybind11/pybind11.h>

#include "bindings.hpp"
#include "descent/core/config_error.hpp"

PYBIND11_MODULE(_descent, module) {
  module.doc() = "descent's objectives, optimizers and suite runner (see docs/python.md)";
  pybind11::register_exception<descent::ConfigError>(module, "ConfigError", PyExc_ValueError);
  descent::python::bind_objectives(module);
  descent::python::bind_minimize(module);
  descent::python::bind_suites(module);
}
