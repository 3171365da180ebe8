// The gradient and Hessian of an objective at a point, as its own code computes them: the
// pieces of the second-order steps the tests work out by hand.
#pragma once

#include "descent/core/objective.hpp"

namespace descent::test {

struct Derivatives {
  Vector g;
  Matrix h;
};

inline Derivatives derivatives_at(const Objective& objective, const Vector& x) {
  Derivatives d{Vector(x.size()), Matrix(x.size(), x.size())};
  objective.gradient(x, d.g);
  objective.hessian(x, d.h);
  return d;
}

}  // namespace descent::test
