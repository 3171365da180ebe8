// Optimizer: one step rule or search-direction method, holding its options and its per-run
// state. The driver owns the loop; an optimizer only computes.
//
// At step k the driver hands the optimizer the iterate x = θₖ and a StepContext with f(θₖ),
// the gradient g(θₖ) (after the driver's minibatch sampling and clipping) and the learning
// rate εₖ of the schedule. The optimizer moves x to θₖ₊₁ in place. Methods that evaluate the
// objective elsewhere (a line search, a look-ahead gradient, a Hessian) do so through the
// context, so that every evaluation is counted and clipped alike.
#pragma once

#include <limits>
#include <string_view>

#include "descent/core/evaluator.hpp"
#include "descent/core/types.hpp"

namespace descent {

// How a step ended. Anything but kOk ends the run with the stop reason of the same name:
// a numerical failure is data, never an exception.
enum class StepStatus { kOk, kLineSearchFailed, kPrecisionLimit, kNotDescent, kHessianSingular };

class StepContext {
 public:
  virtual ~StepContext() = default;

  virtual Index iteration() const = 0;  // k, from 0
  virtual double lr() const = 0;        // εₖ after the schedule
  virtual double f() const = 0;         // f(θₖ), or the minibatch loss
  virtual const Vector& g() const = 0;  // g(θₖ) as the driver prepared it

  // The driver's gradient at another point p (same minibatch, same clipping).
  virtual void gradient_at(const Vector& p, Vector& g) = 0;
  // Raw access for second-order methods: f, ∇f, ∇²f and Hv at trial points.
  virtual Evaluator& evaluator() = 0;
  // A method that already evaluated f and ∇f at the new iterate hands them over, so the
  // driver does not evaluate them again.
  virtual void set_values_at_new_iterate(double f, const Vector& g) = 0;
  // A method-specific trace column ("alpha", "ls_trials", ...), one value per step.
  virtual void record(std::string_view column, double value) = 0;
};

class Optimizer {
 public:
  virtual ~Optimizer() = default;

  // Forget all per-run state, for a problem of dimension `dim`.
  virtual void reset(Index dim) = 0;
  virtual StepStatus step(Vector& x, StepContext& context) = 0;
  // The base learning rate that a schedule scales; NaN for methods without one.
  virtual double base_lr() const { return std::numeric_limits<double>::quiet_NaN(); }
};

}  // namespace descent
