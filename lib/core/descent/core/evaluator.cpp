#include "descent/core/evaluator.hpp"

namespace descent {

double Evaluator::value(const Vector& x) {
  ++counts_.f;
  return objective_.value(x);
}

void Evaluator::gradient(const Vector& x, Vector& g) {
  ++counts_.grad;
  objective_.gradient(x, g);
}

double Evaluator::value_gradient(const Vector& x, Vector& g) {
  ++counts_.f;
  ++counts_.grad;
  return objective_.value_gradient(x, g);
}

double Evaluator::batch_value_gradient(const Vector& x, std::span<const Index> terms, Vector& g) {
  ++counts_.f;
  ++counts_.grad;
  return objective_.batch_value_gradient(x, terms, g);
}

void Evaluator::hessian(const Vector& x, Matrix& h) {
  ++counts_.hess;
  objective_.hessian(x, h);
}

void Evaluator::hessian_vector(const Vector& x, const Vector& v, Vector& hv) {
  ++counts_.hvp;
  objective_.hessian_vector(x, v, hv);
}

}  // namespace descent
