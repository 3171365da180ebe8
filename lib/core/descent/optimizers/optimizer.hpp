// Optimizer: one step rule or search-direction method, holding its options and its per-run
// state. The driver owns the loop; an optimizer only computes.
//
// At step k the driver hands the optimizer the iterate x = θₖ and a StepContext with f(θₖ),
// the gradient g(θₖ) (after the driver's minibatch sampling and clipping) and the learning
// rate εₖ of the schedule. The optimizer moves x to θₖ₊₁ in place. Methods that evaluate the
// objective elsewhere (a line search, a look-ahead gradient, a Hessian) do so through the
// context, so that every evaluation is counted and clipped alike.
//
// A method derives from OptimizerWith<Options> (below), whose options aggregate lists its
// parameters; its step uses the rate context.lr(), which the driver's schedule derives from the
// method's `lr` parameter. tests/optimizers/method_contract_test.cpp checks both for every
// registered method; docs/extending.md walks through adding one.
#pragma once

#include <limits>
#include <string>
#include <string_view>

#include "descent/core/evaluator.hpp"
#include "descent/core/params.hpp"
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
  // The base learning rate ε₀ that a schedule scales; NaN for methods without one.
  virtual double base_lr() const = 0;
};

namespace detail {

class LearningRateFinder : public FieldVisitor<LearningRateFinder> {
 public:
  template <class Field>
  void field(std::string_view key, Field& value, const FieldRule<Field>&, std::string_view) {
    if constexpr (std::is_same_v<Field, double>)
      if (key == "lr") lr = value;
  }
  double lr = std::numeric_limits<double>::quiet_NaN();
};

}  // namespace detail

// The value of the real field `lr` of an options aggregate, or NaN when it has none.
template <class Options>
double learning_rate_of(Options options) {
  detail::LearningRateFinder finder;
  options.visit(finder);
  return finder.lr;
}

// The base of every method: it holds the options, validated on construction, and takes the
// base learning rate from their `lr` field, so that a schedule applies to every method that
// has one and to no other.
template <class MethodOptions>
class OptimizerWith : public Optimizer {
 public:
  using Options = MethodOptions;
  explicit OptimizerWith(const Options& options) : options_(options) { validate_fields(options_); }

  double base_lr() const final { return learning_rate_of(options_); }

 protected:
  const Options options_;
};

// What `descent show`, `descent list` and docs/methods.md say of a method, as its class states
// it, once: `static constexpr MethodDoc kDoc{.name = …, .summary = …, .formula = …, .source = …}`.
// The formula is the method's own rule: its entry appends the text its shared option groups
// document (optimizer_entry.hpp).
struct MethodDoc {
  std::string_view name;     // the registry key
  std::string_view summary;  // one line
  std::string_view formula;  // the update rule, several lines of plain text
  std::string_view source;   // the reference and the conventions followed
};

// A method's documentation as its entry holds it: MethodDoc with the formula completed.
struct OptimizerDoc {
  std::string name;
  std::string summary;
  std::string formula;
  std::string source;
};

}  // namespace descent
