#include "params_from_python.hpp"

#include <pybind11/numpy.h>

namespace py = pybind11;

namespace descent::python {

namespace {

[[noreturn]] void throw_unsupported(const std::string& key, py::handle value) {
  throw ConfigError(key, "key '" + key + "' must be a bool, int, float, str or a list of floats, got " +
                             py::str(py::type::of(value).attr("__name__")).cast<std::string>());
}

ParamValue param_value(const std::string& key, py::handle value) {
  const py::module_ numpy = py::module_::import("numpy");
  if (py::isinstance<py::bool_>(value) || py::isinstance(value, numpy.attr("bool_")))
    return value.cast<bool>();
  if (py::isinstance<py::int_>(value) || py::isinstance(value, numpy.attr("integer")))
    return py::int_(py::reinterpret_borrow<py::object>(value)).cast<std::int64_t>();
  if (py::isinstance<py::float_>(value) || py::isinstance(value, numpy.attr("floating")))
    return py::float_(py::reinterpret_borrow<py::object>(value)).cast<double>();
  if (py::isinstance<py::str>(value)) return value.cast<std::string>();
  if (py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value) ||
      py::isinstance<py::array>(value)) {
    std::vector<double> reals;
    for (py::handle item : py::iter(value)) {
      if (py::isinstance<py::bool_>(item) || py::isinstance<py::str>(item)) throw_unsupported(key, value);
      try {
        reals.push_back(py::float_(py::reinterpret_borrow<py::object>(item)).cast<double>());
      } catch (const py::error_already_set&) {
        throw_unsupported(key, value);
      }
    }
    return reals;
  }
  throw_unsupported(key, value);
}

}  // namespace

ParamMap params_from_python(const py::dict& values, const std::string& prefix) {
  ParamMap params;
  for (auto [key, value] : values) {
    const std::string name = key.cast<std::string>();
    params.emplace(name, param_value(prefix.empty() ? name : prefix + "." + name, value));
  }
  return params;
}

py::object params_to_python(const ParamMap& params) {
  py::dict out;
  for (const auto& [key, value] : params)
    out[py::str(key)] = std::visit([](const auto& v) { return py::cast(v); }, value);
  return out;
}

}  // namespace descent::python
