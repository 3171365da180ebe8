// descent.objectives() and descent.objective(name, **params): the registered objectives, with
// their value, derivatives, known minima, standard starts and domain. Results are handed to
// numpy without a copy (the Eigen vectors and matrices are moved into the arrays); the
// computations release the GIL.
#include <pybind11/eigen.h>
#include <pybind11/stl.h>

#include <concepts>

#include "bindings.hpp"
#include "built_objective.hpp"
#include "descent/objectives/registry.hpp"
#include "params_from_python.hpp"

namespace py = pybind11;

namespace descent::python {

namespace {

BuiltObjective build_objective(const std::string& name, const py::kwargs& kwargs) {
  const Catalog catalog = builtin_catalog();
  const ObjectiveEntry* entry = catalog.find_objective(name);
  if (!entry) {
    std::string known;
    for (const auto& e : catalog.objectives) known.append(known.empty() ? "" : ", ").append(e.name);
    throw ConfigError("name", "unknown objective '" + name + "' (known objectives: " + known + ")");
  }
  ParamMap params = entry->normalize(params_from_python(kwargs));
  auto objective = entry->make(params);
  return {name, std::move(params), std::move(objective)};
}

void check_size(const char* what, const Vector& x, Index dim) {
  if (x.size() != dim)
    throw ConfigError(what, std::string(what) + " has " + std::to_string(x.size()) +
                                " entries, the objective's dimension is " + std::to_string(dim));
}

// `compute(objective)` at a point x checked against the objective's dimension, run without the
// GIL: the value or a derivative.
template <class Compute>
auto at_point(const BuiltObjective& o, const Vector& x, Compute compute) {
  check_size("x", x, o.objective->dim());
  py::gil_scoped_release release;
  return compute(*o.objective);
}

// L, μ, κ where the objective knows them (its constants() query); none without that query.
template <std::derived_from<Objective> O>
py::dict constants_of(const O& objective) {
  if constexpr (requires { objective.constants(); })
    return py::cast(objective.constants());
  else
    return {};
}

}  // namespace

void bind_objectives(py::module_& module) {
  module.def(
      "objectives",
      [] {
        std::vector<std::string> names;
        for (const auto& entry : builtin_catalog().objectives) names.push_back(entry.name);
        return names;
      },
      "Names of the registered objectives (docs/objectives.md).");

  py::class_<BuiltObjective>(module, "Objective",
                             "A registered objective f: Rⁿ → R; build it with descent.objective().")
      .def_readonly("name", &BuiltObjective::name)
      .def_property_readonly("params", [](const BuiltObjective& o) { return params_to_python(o.params); },
                             "Every parameter, defaults included.")
      .def_property_readonly("dim", [](const BuiltObjective& o) { return o.objective->dim(); })
      .def(
          "value",
          [](const BuiltObjective& o, const Vector& x) {
            return at_point(o, x, [&](const Objective& f) { return f.value(x); });
          },
          py::arg("x"), "f(x)")
      .def(
          "gradient",
          [](const BuiltObjective& o, const Vector& x) {
            return at_point(o, x, [&](const Objective& f) {
              Vector g(x.size());
              f.gradient(x, g);
              return g;
            });
          },
          py::arg("x"), "∇f(x), shape (n,)")
      .def(
          "hessian",
          [](const BuiltObjective& o, const Vector& x) {
            return at_point(o, x, [&](const Objective& f) {
              Matrix h(x.size(), x.size());
              f.hessian(x, h);
              return h;
            });
          },
          py::arg("x"), "∇²f(x), shape (n, n); refused above the objective's dense limit")
      .def(
          "hvp",
          [](const BuiltObjective& o, const Vector& x, const Vector& v) {
            return at_point(o, x, [&](const Objective& f) {
              check_size("v", v, f.dim());
              Vector hv(x.size());
              f.hessian_vector(x, v, hv);
              return hv;
            });
          },
          py::arg("x"), py::arg("v"), "∇²f(x) v, shape (n,)")
      .def_property_readonly(
          "minima",
          [](const BuiltObjective& o) {
            py::list out;
            for (auto& minimum : o.objective->minima())
              out.append(py::dict(py::arg("x") = std::move(minimum.x), py::arg("f") = minimum.f,
                                  py::arg("global") = minimum.global));
            return out;
          },
          "Known minima: a list of {'x', 'f', 'global'}.")
      .def_property_readonly(
          "starts", [](const BuiltObjective& o) { return o.objective->standard_starts(); },
          "The standard starting points.")
      .def_property_readonly(
          "domain",
          [](const BuiltObjective& o) {
            Box box = o.objective->domain();
            return py::make_tuple(std::move(box.lower), std::move(box.upper));
          },
          "The box (lower, upper) the function is studied on.")
      .def_property_readonly(
          "constants", [](const BuiltObjective& o) { return constants_of(*o.objective); },
          "Constants the objective knows (L, μ, κ), as a dict.")
      .def("__repr__", [](const BuiltObjective& o) {
        return "<descent.Objective " + o.name + " " + to_text(o.params) + ">";
      });

  module.def("objective", &build_objective, py::arg("name"),
             "A registered objective with parameters, e.g. objective('extended_rosenbrock', dim=10); "
             "unknown names and keys raise ConfigError (a ValueError).");
}

}  // namespace descent::python
