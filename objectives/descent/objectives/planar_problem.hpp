// PlanarProblem<Problem>: the base of a two-dimensional problem (problem.hpp) written as a
// function of (x, y). The problem supplies
//   template <class T> T f(const T& x, const T& y) const;   the formula, generic in T
//   Vector2 grad(double x, double y) const;                 (∂f/∂x, ∂f/∂y)
//   Matrix2 hess(double x, double y) const;                 ∇²f
// and the base derives `evaluate`, `gradient`, `hessian` and `dim` from them; minima, starts,
// domain, constants and doc stay the problem's own, as problem.hpp lists them:
//   struct BoothProblem : PlanarProblem<BoothProblem> { … };
#pragma once

#include <span>

#include <Eigen/Core>

#include "descent/objectives/problem.hpp"

namespace descent {

template <class Problem>
struct PlanarProblem {
  using Vector2 = Eigen::Vector2d;
  using Matrix2 = Eigen::Matrix2d;

  Index dim() const { return 2; }
  template <class T>
  T evaluate(std::span<const T> p) const {
    return self().f(p[0], p[1]);
  }
  void gradient(const Vector& p, Vector& g) const { g = self().grad(p[0], p[1]); }
  void hessian(const Vector& p, Matrix& h) const { h = self().hess(p[0], p[1]); }

 private:
  const Problem& self() const { return static_cast<const Problem&>(*this); }
};

}  // namespace descent
