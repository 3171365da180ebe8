#include "python_objective.hpp"

#include <pybind11/numpy.h>

#include <string>

namespace py = pybind11;

namespace descent::python {

namespace {

using RowMajorMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using DenseArray = py::array_t<double, py::array::c_style | py::array::forcecast>;

py::array_t<double> copy_to_numpy(const Vector& x) {
  return py::array_t<double>(x.size(), x.data());
}

std::string shape_text(const DenseArray& array) {
  std::string text = "(";
  for (py::ssize_t i = 0; i < array.ndim(); ++i)
    text += (i ? ", " : "") + std::to_string(array.shape(i));
  return text + (array.ndim() == 1 ? ",)" : ")");
}

DenseArray as_array(const char* what, const py::object& value) {
  DenseArray array = DenseArray::ensure(value);
  if (!array) throw ConfigError(what, std::string(what) + " must return an array of floats");
  return array;
}

double as_value(const py::object& value) {
  try {
    return py::float_(value).cast<double>();
  } catch (const py::error_already_set&) {
    throw ConfigError("fun", "fun must return a float (or (f, g) with jac=True), got " +
                                 py::str(py::type::of(value).attr("__name__")).cast<std::string>());
  }
}

void copy_vector(const char* what, const py::object& value, Index dim, Vector& out) {
  const DenseArray array = as_array(what, value);
  if (array.ndim() != 1 || array.shape(0) != dim)
    throw ConfigError(what, std::string(what) + " must return an array of shape (" +
                                std::to_string(dim) + ",), got " + shape_text(array));
  out = Eigen::Map<const Vector>(array.data(), dim);
}

// The (f, g) that fun returns with jac=True.
py::tuple as_pair(const py::object& value) {
  if (!py::isinstance<py::tuple>(value) || py::len(value) != 2)
    throw ConfigError("jac", "with jac=True, fun must return a pair (f, g)");
  return value.cast<py::tuple>();
}

}  // namespace

PythonObjective::PythonObjective(Index dim, PythonCallables callables)
    : dim_(dim), callables_(std::move(callables)) {}

double PythonObjective::value(const Vector& x) const {
  const py::object result = callables_.fun(copy_to_numpy(x));
  return as_value(callables_.fun_returns_gradient ? py::object(as_pair(result)[0]) : result);
}

void PythonObjective::gradient(const Vector& x, Vector& g) const {
  if (!callables_.fun_returns_gradient) {
    copy_vector("jac", callables_.jac(copy_to_numpy(x)), dim_, g);
    return;
  }
  value_gradient(x, g);
}

double PythonObjective::value_gradient(const Vector& x, Vector& g) const {
  if (!callables_.fun_returns_gradient) {
    gradient(x, g);
    return value(x);
  }
  const py::tuple pair = as_pair(callables_.fun(copy_to_numpy(x)));
  copy_vector("fun", pair[1], dim_, g);
  return as_value(pair[0]);
}

void PythonObjective::hessian(const Vector& x, Matrix& h) const {
  if (!callables_.hess.is_none()) {
    const DenseArray array = as_array("hess", callables_.hess(copy_to_numpy(x)));
    if (array.ndim() != 2 || array.shape(0) != dim_ || array.shape(1) != dim_)
      throw ConfigError("hess", "hess must return an array of shape (" + std::to_string(dim_) +
                                    ", " + std::to_string(dim_) + "), got " + shape_text(array));
    h = Eigen::Map<const RowMajorMatrix>(array.data(), dim_, dim_);
    return;
  }
  h.resize(dim_, dim_);
  Vector column;
  for (Index i = 0; i < dim_; ++i) {
    hessian_vector(x, Vector::Unit(dim_, i), column);
    h.col(i) = column;
  }
}

void PythonObjective::hessian_vector(const Vector& x, const Vector& v, Vector& hv) const {
  if (!callables_.hessp.is_none()) {
    copy_vector("hessp", callables_.hessp(copy_to_numpy(x), copy_to_numpy(v)), dim_, hv);
    return;
  }
  if (callables_.hess.is_none())
    throw ConfigError("hess", "this method needs second derivatives: pass hess (x -> ∇²f(x)) "
                              "or hessp ((x, v) -> ∇²f(x) v)");
  Matrix h;
  hessian(x, h);
  hv.noalias() = h * v;
}

}  // namespace descent::python
