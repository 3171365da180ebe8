// Sums of squared residuals, the form of most Moré–Garbow–Hillstrom problems:
//   f(x) = Σᵢ rᵢ(x)² = ‖r‖²,   ∇f = 2 Jᵀ r,   ∇²f = 2 (JᵀJ + S),   S = Σᵢ rᵢ ∇²rᵢ,
//   ∇²f v = 2 (Jᵀ(J v) + S v)
// with J the m×n Jacobian of r: r: Rⁿ → Rᵐ. LeastSquares<Residuals> is a problem of
// descent/objectives/problem.hpp (ProblemObjective makes it an Objective). A residual problem supplies
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

#include "descent/objectives/problem.hpp"

namespace descent {

inline constexpr double kMaxLeastSquaresDim = 1000;

template <class Residuals>
class LeastSquares {
 public:
  using Params = typename Residuals::Params;
  explicit LeastSquares(const Params& params) : residuals_(params) {}

  template <class T>
  T evaluate(std::span<const T> x) const {
    std::vector<T> r(static_cast<std::size_t>(residuals_.num_residuals()), T(0.0));
    residuals_.residuals(x, std::span<T>(r));
    T sum = T(0.0);
    for (const T& ri : r) sum += ri * ri;
    return sum;
  }

  Vector residuals(const Vector& x) const {
    Vector r = Vector::Zero(residuals_.num_residuals());
    residuals_.residuals(std::span<const double>(x.data(), static_cast<std::size_t>(x.size())),
                         std::span<double>(r.data(), static_cast<std::size_t>(r.size())));
    return r;
  }

  Index dim() const { return residuals_.dim(); }
  double value(const Vector& x) const { return residuals(x).squaredNorm(); }
  double value_gradient(const Vector& x, Vector& g) const {
    const Vector r = residuals(x);
    Matrix j;
    residuals_.jacobian(x, j);
    g.noalias() = 2.0 * (j.transpose() * r);
    return r.squaredNorm();
  }
  void hessian(const Vector& x, Matrix& h) const {
    const Vector r = residuals(x);
    Matrix j, s;
    residuals_.jacobian(x, j);
    residuals_.curvature(x, r, s);
    h.noalias() = 2.0 * (j.transpose() * j);
    h += 2.0 * s;
  }
  void hessian_vector(const Vector& x, const Vector& v, Vector& hv) const {
    const Vector r = residuals(x);
    Matrix j, s;
    residuals_.jacobian(x, j);
    residuals_.curvature(x, r, s);
    const Vector jv = j * v;
    hv.noalias() = 2.0 * (j.transpose() * jv);
    hv.noalias() += 2.0 * (s * v);
  }
  std::vector<KnownMinimum> minima() const { return residuals_.minima(); }
  std::vector<Vector> standard_starts() const { return residuals_.standard_starts(); }
  Box domain() const
    requires requires(const Residuals& r) { r.domain(); }
  {
    return residuals_.domain();
  }

 private:
  Residuals residuals_;
};

// The sizes of a residual problem without parameters: kDim variables, kResiduals residuals.
//   struct Wood : FixedResiduals<4, 6> { using FixedResiduals::FixedResiduals; … };
template <Index kDim, Index kResiduals>
struct FixedResiduals {
  using Params = NoParams;
  explicit FixedResiduals(const Params&) {}
  Index dim() const { return kDim; }
  Index num_residuals() const { return kResiduals; }
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

// An entry for the sum of squares of a residual problem.
template <class Residuals>
ObjectiveEntry least_squares_entry(ObjectiveDoc doc) {
  return objective_entry<ProblemObjective<LeastSquares<Residuals>>>(std::move(doc));
}

}  // namespace descent
