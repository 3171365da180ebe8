// A small objective the second-order tests need beyond the library's:
//   Valley   f(x, y) = (x + y)²   (singular Hessian, minimum on the line x + y = 0)
#pragma once

#include "descent/core/objective.hpp"

namespace descent::test {

class Valley final : public Objective {
 public:
  Index dim() const override { return 2; }
  double value(const Vector& x) const override { return (x[0] + x[1]) * (x[0] + x[1]); }
  void gradient(const Vector& x, Vector& g) const override {
    g.setConstant(2, 2.0 * (x[0] + x[1]));
  }
  void hessian(const Vector&, Matrix& h) const override { h.setConstant(2, 2, 2.0); }
};

}  // namespace descent::test
