// descent._minimize: one run of the driver (descent/driver/driver.hpp) with a registered
// optimizer, on a Python callable (PythonObjective) or a registered objective. The keyword
// arguments arrive split by lib/python/descent/_minimize.py: the optimizer's parameters, and
// the run settings (the keys of a suite's [run] table: max_iter, stop, record, clip, schedule,
// ...), both validated exactly as in a suite file. The trace columns are handed to numpy
// without a copy.
//
// On a callable the GIL is held for the whole run, since every evaluation calls Python; an
// exception raised by the callable unwinds the driver (which owns nothing but RAII values)
// and reaches the caller unchanged. On a registered objective the run releases the GIL.
#include <pybind11/eigen.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <string_view>

#include "bindings.hpp"
#include "built_objective.hpp"
#include "descent/driver/driver.hpp"
#include "descent/objectives/registry.hpp"
#include "params_from_python.hpp"
#include "python_objective.hpp"

namespace py = pybind11;

namespace descent::python {

namespace {

const OptimizerEntry& find_method(const Catalog& catalog, const std::string& method) {
  if (const OptimizerEntry* entry = catalog.find_optimizer(method)) return *entry;
  std::string known;
  for (const auto& entry : catalog.optimizers) known.append(known.empty() ? "" : ", ").append(entry.doc.name);
  throw ConfigError("method", "unknown optimizer '" + method + "' (known optimizers: " + known + ")");
}

// The sub-tables of RunSettings (stop, record, clip, ...), each filled from a dict of the same
// name, as a suite's [run] table fills them (lib/engine/descent/suite/run_table.hpp).
struct SubTables {
  const py::dict& values;
  std::vector<std::string> names;

  template <class Sub>
  void table(std::string_view name, Sub& sub) {
    const std::string key(name);
    names.push_back(key);
    if (!values.contains(key)) return;
    const py::object table = values[key.c_str()];
    if (!py::isinstance<py::dict>(table))
      throw ConfigError(key, "key '" + key + "' must be a dict such as " + key + "={...}, got " +
                                 py::str(py::type::of(table).attr("__name__")).cast<std::string>());
    const ParamMap params = params_from_python(table, key);
    try {
      sub = options_from(params, sub);
    } catch (const ConfigError& error) {
      throw ConfigError(key + "." + error.key(), key + ": " + error.what());
    }
  }
};

RunSettings run_settings_from(const py::dict& values) {
  RunSettings settings;
  SubTables sub_tables{values, {}};
  settings.visit_tables(sub_tables);
  py::dict top;
  for (auto [key, value] : values)
    if (std::ranges::find(sub_tables.names, key.cast<std::string>()) == sub_tables.names.end())
      top[key] = value;
  return options_from(params_from_python(top), settings);
}

std::vector<std::string> run_settings_keys() {
  std::vector<std::string> keys;
  for (const auto& field : fields_of<RunSettings>()) keys.push_back(field.name);
  RunSettings settings;
  const py::dict none;
  SubTables sub_tables{none, {}};
  settings.visit_tables(sub_tables);
  keys.insert(keys.end(), sub_tables.names.begin(), sub_tables.names.end());
  return keys;
}

// A std::vector as a numpy array that owns it: no copy.
template <class T>
py::array_t<T> to_numpy(std::vector<T>&& values, std::vector<py::ssize_t> shape) {
  auto* owned = new std::vector<T>(std::move(values));
  const py::capsule owner(owned, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  return py::array_t<T>(std::move(shape), owned->data(), owner);
}

template <class T>
py::array_t<T> to_numpy(std::vector<T>&& values) {
  const auto size = static_cast<py::ssize_t>(values.size());
  return to_numpy(std::move(values), {size});
}

py::dict trace_to_python(Trace&& trace) {
  const auto rows = static_cast<py::ssize_t>(trace.size());
  py::dict out;
  out["iter"] = to_numpy(std::move(trace.iter));
  out["f"] = to_numpy(std::move(trace.f));
  out["grad_norm"] = to_numpy(std::move(trace.grad_norm));
  out["raw_grad_norm"] = to_numpy(std::move(trace.raw_grad_norm));
  out["step_norm"] = to_numpy(std::move(trace.step_norm));
  out["lr"] = to_numpy(std::move(trace.lr));
  out["evals_f"] = to_numpy(std::move(trace.evals_f));
  out["evals_grad"] = to_numpy(std::move(trace.evals_grad));
  out["evals_hess"] = to_numpy(std::move(trace.evals_hess));
  out["evals_hvp"] = to_numpy(std::move(trace.evals_hvp));
  out["seconds"] = to_numpy(std::move(trace.seconds));
  if (trace.x_dim > 0) out["x"] = to_numpy(std::move(trace.x), {rows, trace.x_dim});
  for (auto& [name, column] : trace.extra) out[py::str(name)] = to_numpy(std::move(column));
  return out;
}

py::dict result_to_python(RunResult&& result) {
  py::dict out;
  out["x"] = py::cast(std::move(result.x_final));
  out["f"] = result.f_final;
  out["grad_norm"] = result.grad_norm_final;
  out["stop_reason"] = std::string(to_string(result.stop_reason));
  out["status"] = std::string(to_string(result.status()));
  out["iterations"] = result.iterations;
  out["evals"] = py::dict(py::arg("f") = result.evals.f, py::arg("grad") = result.evals.grad,
                          py::arg("hess") = result.evals.hess, py::arg("hvp") = result.evals.hvp);
  out["seconds"] = result.seconds;
  out["trace"] = trace_to_python(std::move(result.trace));
  return out;
}

PythonCallables callables_of(const py::object& fun, const py::object& jac, const py::object& hess,
                             const py::object& hessp) {
  const bool fun_returns_gradient = py::isinstance<py::bool_>(jac) && jac.cast<bool>();
  if (!fun_returns_gradient && !PyCallable_Check(jac.ptr()))
    throw ConfigError("jac", "descent's methods need the gradient: pass jac (x -> ∇f(x)), or "
                             "jac=True when fun returns (f, ∇f)");
  for (const auto& [name, callable] : {std::pair{"hess", &hess}, std::pair{"hessp", &hessp}})
    if (!callable->is_none() && !PyCallable_Check(callable->ptr()))
      throw ConfigError(name, std::string(name) + " must be callable or None");
  return {fun, fun_returns_gradient ? py::none() : jac, fun_returns_gradient, hess, hessp};
}

py::dict minimize(const py::object& fun, const Vector& x0, const std::string& method,
                  const py::object& jac, const py::object& hess, const py::object& hessp,
                  const py::dict& params, const py::dict& settings, std::uint64_t seed) {
  const Catalog catalog = builtin_catalog();
  const OptimizerEntry& entry = find_method(catalog, method);
  const std::unique_ptr<Optimizer> optimizer = entry.make(entry.normalize(params_from_python(params)));
  const RunSettings run_settings = run_settings_from(settings);

  if (py::isinstance<BuiltObjective>(fun)) {
    if (!jac.is_none() || !hess.is_none() || !hessp.is_none())
      throw ConfigError("jac", "a descent.Objective has its own derivatives: jac, hess and hessp "
                               "apply to Python callables only");
    const Objective& objective = *fun.cast<const BuiltObjective&>().objective;
    if (x0.size() != objective.dim())
      throw ConfigError("x0", "x0 has " + std::to_string(x0.size()) +
                                  " entries, the objective's dimension is " + std::to_string(objective.dim()));
    if (auto conflict = dense_matrix_conflict(entry, objective)) throw ConfigError("method", *conflict);
    RunResult result;
    {
      py::gil_scoped_release release;
      result = run_optimizer(objective, *optimizer, x0, run_settings, seed);
    }
    return result_to_python(std::move(result));
  }
  if (!PyCallable_Check(fun.ptr()))
    throw ConfigError("fun", "fun must be callable (x -> f) or a descent.Objective");
  if (x0.size() == 0) throw ConfigError("x0", "x0 must have at least one entry");
  const PythonObjective objective(x0.size(), callables_of(fun, jac, hess, hessp));
  if (auto conflict = dense_matrix_conflict(entry, objective)) throw ConfigError("method", *conflict);
  return result_to_python(run_optimizer(objective, *optimizer, x0, run_settings, seed));
}

}  // namespace

void bind_minimize(py::module_& module) {
  module.def(
      "optimizers",
      [] {
        std::vector<std::string> names;
        for (const auto& entry : builtin_catalog().optimizers) names.push_back(entry.doc.name);
        return names;
      },
      "Names of the registered optimizers (docs/methods.md).");
  module.def("_run_settings_keys", &run_settings_keys,
             "Keyword arguments of minimize() that are run settings rather than method parameters.");
  module.def("_minimize", &minimize, py::arg("fun"), py::arg("x0"), py::arg("method"), py::arg("jac"),
             py::arg("hess"), py::arg("hessp"), py::arg("params"), py::arg("settings"), py::arg("seed"));
}

}  // namespace descent::python
