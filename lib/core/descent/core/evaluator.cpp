#include "descent/core/evaluator.hpp"

#include <cmath>

namespace descent {

double Evaluator::note(double value) {
  if (!std::isfinite(value)) saw_non_finite_ = true;
  return value;
}

template <class Derived>
void Evaluator::note(const Eigen::DenseBase<Derived>& values) {
  if (!values.allFinite()) saw_non_finite_ = true;
}

double Evaluator::value(const Vector& x) {
  ++counts_.f;
  return note(objective_.value(x));
}

void Evaluator::gradient(const Vector& x, Vector& g) {
  ++counts_.grad;
  objective_.gradient(x, g);
  note(g);
}

double Evaluator::value_gradient(const Vector& x, Vector& g) {
  ++counts_.f;
  ++counts_.grad;
  const double f = objective_.value_gradient(x, g);
  note(g);
  return note(f);
}

double Evaluator::batch_value_gradient(const Vector& x, std::span<const Index> terms, Vector& g) {
  ++counts_.f;
  ++counts_.grad;
  const double f = objective_.batch_value_gradient(x, terms, g);
  note(g);
  return note(f);
}

void Evaluator::hessian(const Vector& x, Matrix& h) {
  ++counts_.hess;
  objective_.hessian(x, h);
  note(h);
}

void Evaluator::hessian_vector(const Vector& x, const Vector& v, Vector& hv) {
  ++counts_.hvp;
  objective_.hessian_vector(x, v, hv);
  note(hv);
}

}  // namespace descent
