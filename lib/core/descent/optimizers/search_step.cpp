#include "descent/optimizers/search_step.hpp"

namespace descent {

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
