// A user objective: f(x, y) = cosh(x − c) + (y − x)², minimum f = 1 at (c, c).
//   ∇f = (sinh(x − c) − 2(y − x), 2(y − x)),   ∇²f = [[cosh(x − c) + 2, −2], [−2, 2]]
#pragma once

#include <cmath>

#include "descent/core/objective.hpp"
#include "descent/core/params.hpp"

struct CoshValleyParams {
  double shift = 1.0;  // c
  template <class V> void visit(V& v) { v.real("shift", shift, descent::Range::any(), "the minimum's x = y"); }
};

class CoshValley final : public descent::Objective {
 public:
  explicit CoshValley(const CoshValleyParams& params = {}) : c_(params.shift) {}
  descent::Index dim() const override { return 2; }
  double value(const descent::Vector& x) const override {
    return std::cosh(x[0] - c_) + (x[1] - x[0]) * (x[1] - x[0]);
  }
  void gradient(const descent::Vector& x, descent::Vector& g) const override {
    g.resize(2);
    g << std::sinh(x[0] - c_) - 2.0 * (x[1] - x[0]), 2.0 * (x[1] - x[0]);
  }
  void hessian(const descent::Vector& x, descent::Matrix& h) const override {
    h.resize(2, 2);
    h << std::cosh(x[0] - c_) + 2.0, -2.0, -2.0, 2.0;
  }
  std::vector<descent::KnownMinimum> minima() const override { return {{descent::Vector::Constant(2, c_), 1.0}}; }
  std::vector<descent::Vector> standard_starts() const override { return {descent::Vector{{-1.0, 2.0}}}; }

 private:
  double c_;
};
