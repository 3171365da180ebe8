// ProblemObjective<Problem>: a problem states what it has, the adaptor derives the rest and
// implements Objective (descent/core/objective.hpp); problem_entry<Problem>() registers it.
//
// A problem supplies
//   struct Params { …; template <class V> void visit(V&); };   none for a problem without
//   explicit Problem(const Params&);       parameters; the fields arrive validated
//                                          (an n-D family whose only parameter is `dim`
//                                          derives from DimensionProblem instead)
//   static ObjectiveDoc doc();             name, family, summary, formula, source, check_params:
//                                          the documentation, once (`descent show`, docs)
//   Index dim() const;
//   template <class T> T evaluate(std::span<const T> x) const;   the formula, generic in T
//   void gradient(const Vector& x, Vector& g) const;            and/or value_gradient
//   void hessian(const Vector& x, Matrix& h) const;             called only when dense
//                                                                Hessians are allowed
// and may supply
//   double value(const Vector& x) const;                   else evaluate<double>
//   double value_gradient(const Vector& x, Vector& g) const;   else gradient, then value
//   void hessian_vector(const Vector& x, const Vector& v, Vector& hv) const;   else H·v
//   std::vector<KnownMinimum> minima() const;   std::vector<Vector> standard_starts() const;
//   Box domain() const;                                    else [−2, 2]ⁿ
//   ObjectiveConstants constants() const;   L, mu, kappa, dim where exact; else dim only
// `evaluate` is the one formula: it gives f unless the problem writes `value` itself, and
// Boost autodiff of it verifies the hand-written ∇f and ∇²f (tests/objectives/derivatives_test.cpp).
// Sums of squared residuals are problems too: LeastSquares<Residuals>
// (descent/objectives/mgh/least_squares.hpp) derives f, ∇f, ∇²f and Hv from r, J and S.
#pragma once

#include <span>
#include <type_traits>
#include <utility>

#include "descent/core/objective.hpp"
#include "descent/objectives/objective_entry.hpp"

namespace descent {

namespace detail {

template <class Problem>
struct ParamsOf {
  using type = NoParams;
};
template <class Problem>
  requires requires { typename Problem::Params; }
struct ParamsOf<Problem> {
  using type = typename Problem::Params;
};

}  // namespace detail

template <class Problem>
class ProblemObjective final : public Objective {
 public:
  using Params = typename detail::ParamsOf<Problem>::type;
  explicit ProblemObjective(const Params& params = {}) : problem_(make(params)) {}

  template <class T>
  T evaluate(std::span<const T> x) const {
    return problem_.evaluate(x);
  }

  Index dim() const override { return problem_.dim(); }
  double value(const Vector& x) const override {
    if constexpr (requires { problem_.value(x); })
      return problem_.value(x);
    else
      return problem_.evaluate(std::span<const double>(x.data(), static_cast<std::size_t>(dim())));
  }
  void gradient(const Vector& x, Vector& g) const override {
    if constexpr (requires { problem_.gradient(x, g); })
      problem_.gradient(x, g);
    else
      problem_.value_gradient(x, g);
  }
  double value_gradient(const Vector& x, Vector& g) const override {
    if constexpr (requires { problem_.value_gradient(x, g); })
      return problem_.value_gradient(x, g);
    else
      return Objective::value_gradient(x, g);
  }
  void hessian(const Vector& x, Matrix& h) const override {
    check_dense_hessian(*this);
    problem_.hessian(x, h);
  }
  void hessian_vector(const Vector& x, const Vector& v, Vector& hv) const override {
    if constexpr (requires { problem_.hessian_vector(x, v, hv); })
      problem_.hessian_vector(x, v, hv);
    else
      Objective::hessian_vector(x, v, hv);
  }
  std::vector<KnownMinimum> minima() const override {
    if constexpr (requires { problem_.minima(); })
      return problem_.minima();
    else
      return {};
  }
  std::vector<Vector> standard_starts() const override {
    if constexpr (requires { problem_.standard_starts(); })
      return problem_.standard_starts();
    else
      return {};
  }
  Box domain() const override {
    if constexpr (requires { problem_.domain(); })
      return problem_.domain();
    else
      return Objective::domain();
  }
  ObjectiveConstants constants() const override {
    if constexpr (requires { problem_.constants(); })
      return problem_.constants();
    else
      return Objective::constants();
  }

  const Problem& problem() const { return problem_; }

 private:
  static Problem make(const Params& params) {
    validate_fields(params);
    if constexpr (std::is_constructible_v<Problem, const Params&>)
      return Problem(params);
    else
      return Problem{};
  }

  Problem problem_;
};

// The box [lo, hi]ⁿ, the domain of most problems.
inline Box cube(Index n, double lo, double hi) {
  return {Vector::Constant(n, lo), Vector::Constant(n, hi)};
}

// The parameter, constructor and dimension of an n-D family whose only parameter is `dim`
// (a DimensionParams, for limits other than the defaults):
//   struct SphereProblem : DimensionProblem<> { using DimensionProblem::DimensionProblem; … };
template <class DimParams = DimensionParams<>>
struct DimensionProblem {
  using Params = DimParams;
  explicit DimensionProblem(const Params& params) : dim_(params.dim) {}
  Index dim() const { return dim_; }

 protected:
  Index dim_;
};

// The registry's entry of a problem: its documentation, parameters, factory and autodiff.
template <class Problem>
ObjectiveEntry problem_entry() {
  return objective_entry<ProblemObjective<Problem>>(Problem::doc());
}

}  // namespace descent
