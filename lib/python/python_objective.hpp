// PythonObjective: an Objective over Python callables, in the calling convention of
// scipy.optimize.minimize:
//
//   fun(x) -> f            or, with jac=True,  fun(x) -> (f, g)
//   jac(x) -> g            (n,)
//   hess(x) -> H           (n, n)
//   hessp(x, v) -> H v     (n,)
//
// Each callable receives its own copy of x (and v), which it may keep or modify. Without
// `hess`, ∇²f is assembled column by column from `hessp` (H eᵢ); without either, asking for
// second derivatives is a ConfigError naming the missing argument. A value of the wrong shape
// is a ConfigError; an exception raised by a callable propagates (pybind11::error_already_set)
// and ends the run. Values that are not finite are returned as they are: the driver turns
// them into the stop reason `non_finite`.
//
// Every member function calls Python: the caller must hold the GIL.
#pragma once

#include <pybind11/pybind11.h>

#include "descent/core/objective.hpp"

namespace descent::python {

struct PythonCallables {
  pybind11::object fun;
  pybind11::object jac;         // None when fun returns (f, g)
  bool fun_returns_gradient = false;
  pybind11::object hess;        // None when not given
  pybind11::object hessp;       // None when not given
};

class PythonObjective final : public Objective {
 public:
  PythonObjective(Index dim, PythonCallables callables);

  Index dim() const override { return dim_; }
  double value(const Vector& x) const override;
  void gradient(const Vector& x, Vector& g) const override;
  double value_gradient(const Vector& x, Vector& g) const override;
  void hessian(const Vector& x, Matrix& h) const override;
  void hessian_vector(const Vector& x, const Vector& v, Vector& hv) const override;

 private:
  Index dim_;
  PythonCallables callables_;
};

}  // namespace descent::python
