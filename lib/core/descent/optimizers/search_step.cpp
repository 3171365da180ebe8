#include "descent/optimizers/search_step.hpp"

namespace descent {

std::string with_line_search_doc(std::string formula) {
  return formula.append(R"(
line_search = "armijo":       backtrack t from t₀ until φ(t) ≤ φ(0) + c₁ t φ'(0)
line_search = "strong_wolfe": bracketing and zoom until also |φ'(t)| ≤ c₂ |φ'(0)|
line_search = "more_thuente": the same conditions by Moré & Thuente's (1994) safeguarded
  interpolation (MINPACK-2 dcsrch, as in L-BFGS-B and LBFGSpp)
  (φ(t) = f(θ + t d), 0 < c₁ < c₂ < 1; no acceptable t in max_trials trials stops the run
   with line_search_failed, or precision_limit when no decrease of f is representable))");
}

StepStatus SearchStep::move(Vector& x, const Vector& d, double slope, double t0,
                            const LineSearchOptions& options, StepContext& context) {
  initial_slope_ = slope;
  if (options.line_search != LineSearchKind::kNone && !(initial_slope_ < 0.0))
    return StepStatus::kNotDescent;
  LineFunction line(context.evaluator(), x, d, trial_x_, trial_g_);
  result_ = search_line(line, context.f(), initial_slope_, t0, options);
  context.record("ls_trials", static_cast<double>(result_.trials));
  if (result_.status == LineSearchStatus::kPrecisionLimit) return StepStatus::kPrecisionLimit;
  if (result_.status != LineSearchStatus::kAccepted) return StepStatus::kLineSearchFailed;
  context.record("step_size", result_.step);
  // The accepted point is the last trial: take it without copying.
  x.swap(trial_x_);
  context.set_values_at_new_iterate(result_.f, trial_g_);
  return StepStatus::kOk;
}

}  // namespace descent
