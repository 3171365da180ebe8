// Sums of squared residuals, the form of most Moré–Garbow–Hillstrom problems:
//   f(x) = Σᵢ rᵢ(x)² = ‖r‖²,   ∇f = 2 Jᵀ r,   ∇²f = 2 (JᵀJ + S),   S = Σᵢ rᵢ ∇²rᵢ,
//   ∇²f v = 2 (Jᵀ(J v) + S v)
// with J the m×n Jacobian of r: r: Rⁿ → Rᵐ. A problem class supplies
//   struct Params { …; template <class V> void visit(V&); };   explicit Problem(const Params&);
//   Index dim() const;  Index num_residuals() const;
//   template <class T> void residuals(std::span<const T> x, std::span<T> r) const;
//   void jacobian(const Vector& x, Matrix& j) const;                    // j: m×n
//   void curvature(const Vector& x, const Vector& r, Matrix& s) const;  // S = Σ rᵢ∇²rᵢ
//   std::vector<KnownMinimum> minima() const;  std::vector<Vector> standard_starts() const;
//   Box domain() const;   (optional; [−2, 2]ⁿ otherwise)
// The templated residuals are the formula: `evaluate` sums their squares, and Boost autodiff
// of it verifies the hand-written J and S. The problems are small (J and S dense), so the
// dimension of those with a `dim` parameter is bounded by kMaxLeastSquaresDim.
#pragma once

#include <span>
#include <vector>

#include <Eigen/LU>

#include "descent/core/objective.hpp"
#include "descent/objectives/objective_entry.hpp"

namespace descent {

inline constexpr double kMaxLeastSquaresDim = 1000;

template <class Problem>
class LeastSquares final : public Objective {
 public:
  using Params = typename Problem::Params;
  explicit LeastSquares(const Params& params) : problem_(params) {}

  template <class T>
  T evaluate(std::span<const T> x) const {
    std::vector<T> r(static_cast<std::size_t>(problem_.num_residuals()), T(0.0));
    problem_.residuals(x, std::span<T>(r));
    T sum = T(0.0);
    for (const T& ri : r) sum += ri * ri;
    return sum;
  }

  Vector residuals(const Vector& x) const {
    Vector r = Vector::Zero(problem_.num_residuals());
    problem_.residuals(std::span<const double>(x.data(), static_cast<std::size_t>(x.size())),
                       std::span<double>(r.data(), static_cast<std::size_t>(r.size())));
    return r;
  }

  Index dim() const override { return problem_.dim(); }
  double value(const Vector& x) const override { return residuals(x).squaredNorm(); }
  void gradient(const Vector& x, Vector& g) const override { value_gradient(x, g); }
  double value_gradient(const Vector& x, Vector& g) const override {
    const Vector r = residuals(x);
    Matrix j;
    problem_.jacobian(x, j);
    g.noalias() = 2.0 * (j.transpose() * r);
    return r.squaredNorm();
  }
  void hessian(const Vector& x, Matrix& h) const override {
    check_dense_hessian(*this);
    const Vector r = residuals(x);
    Matrix j, s;
    problem_.jacobian(x, j);
    problem_.curvature(x, r, s);
    h.noalias() = 2.0 * (j.transpose() * j);
    h += 2.0 * s;
  }
  void hessian_vector(const Vector& x, const Vector& v, Vector& hv) const override {
    const Vector r = residuals(x);
    Matrix j, s;
    problem_.jacobian(x, j);
    problem_.curvature(x, r, s);
    const Vector jv = j * v;
    hv.noalias() = 2.0 * (j.transpose() * jv);
    hv.noalias() += 2.0 * (s * v);
  }
  std::vector<KnownMinimum> minima() const override { return problem_.minima(); }
  std::vector<Vector> standard_starts() const override { return problem_.standard_starts(); }
  Box domain() const override {
    if constexpr (requires { problem_.domain(); })
      return problem_.domain();
    else
      return Objective::domain();
  }

  const Problem& problem() const { return problem_; }

 private:
  Problem problem_;
};

// A zero of a square residual system (m = n) by Newton's method from x0 with step halving
// on ‖r‖ (each accepted step reduces it): the global minimum f = 0 of problems whose
// minimiser has no closed form. Returns the last iterate: converged (‖Δx‖ at rounding
// level) or the 200th.
template <class Problem>
Vector residual_root(const Problem& problem, Vector x) {
  const auto residual_of = [&](const Vector& at) {
    Vector r(problem.num_residuals());
    problem.residuals(std::span<const double>(at.data(), static_cast<std::size_t>(at.size())),
                      std::span<double>(r.data(), static_cast<std::size_t>(r.size())));
    return r;
  };
  Vector r = residual_of(x);
  Matrix j;
  for (int iteration = 0; iteration < 200; ++iteration) {
    problem.jacobian(x, j);
    const Vector step = j.partialPivLu().solve(r);
    double length = 1.0;
    Vector trial = x - step, r_trial = residual_of(trial);
    while (!(r_trial.norm() < r.norm()) && length > 1e-10) {
      length /= 2.0;
      trial = x - length * step;
      r_trial = residual_of(trial);
    }
    if (!(r_trial.norm() <= r.norm())) break;  // no decrease along the Newton direction
    x = trial;
    r = r_trial;
    if (length * step.cwiseAbs().maxCoeff() <= 1e-15 * std::max(1.0, x.cwiseAbs().maxCoeff())) break;
  }
  return x;
}

// An entry for LeastSquares<Problem>.
template <class Problem>
ObjectiveEntry least_squares_entry(ObjectiveDoc doc) {
  return objective_entry<LeastSquares<Problem>>(std::move(doc));
}

}  // namespace descent
