#include "descent/driver/driver.hpp"

#include <chrono>
#include <cmath>
#include <limits>
#include <optional>

#include "descent/driver/recorder.hpp"

namespace descent {

namespace {

using Clock = std::chrono::steady_clock;

StopReason stop_reason_of(StepStatus status) {
  switch (status) {
    case StepStatus::kLineSearchFailed: return StopReason::kLineSearchFailed;
    case StepStatus::kNotDescent: return StopReason::kNotDescent;
    case StepStatus::kHessianSingular: return StopReason::kHessianSingular;
    case StepStatus::kOk: break;
  }
  return StopReason::kLineSearchFailed;
}

// The driver's side of a step: the current point's values, and evaluation services.
class DriverContext final : public StepContext {
 public:
  DriverContext(Evaluator& evaluator, Recorder& recorder)
      : evaluator_(evaluator), recorder_(recorder) {}

  Index iteration() const override { return iteration_; }
  double lr() const override { return lr_; }
  double f() const override { return f_; }
  const Vector& g() const override { return g_; }
  void gradient_at(const Vector& p, Vector& g) override { evaluator_.gradient(p, g); }
  Evaluator& evaluator() override { return evaluator_; }
  void set_values_at_new_iterate(double f, const Vector& g) override {
    handed_over_f_ = f;
    handed_over_g_ = g;
  }
  void record(std::string_view column, double value) override { recorder_.note(column, value); }

  // The driver evaluates f and g at θ (or takes what the method handed over).
  void evaluate_at(const Vector& x) {
    if (handed_over_f_) {
      f_ = *handed_over_f_;
      g_.swap(handed_over_g_);
      handed_over_f_.reset();
    } else {
      f_ = evaluator_.value_gradient(x, g_);
    }
  }
  void begin_step(Index k, double lr) {
    iteration_ = k;
    lr_ = lr;
    handed_over_f_.reset();
  }

 private:
  Evaluator& evaluator_;
  Recorder& recorder_;
  Index iteration_ = 0;
  double lr_ = std::numeric_limits<double>::quiet_NaN();
  double f_ = 0.0;
  Vector g_;
  std::optional<double> handed_over_f_;
  Vector handed_over_g_;
};

}  // namespace

RunResult run_optimizer(const Objective& objective, Optimizer& optimizer, const Vector& x0,
                        const RunSettings& settings, std::uint64_t seed) {
  (void)seed;  // consumed by minibatch sampling
  const auto start = Clock::now();
  const auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
  const StopRules& stop = settings.stop;

  Evaluator evaluator(objective);
  Recorder recorder(settings.record, objective.dim());
  DriverContext context(evaluator, recorder);
  optimizer.reset(objective.dim());

  Vector x = x0;
  Vector x_previous(x.size());
  context.evaluate_at(x);
  double f_previous = context.f();
  std::int64_t k = 0;
  double step_norm = std::numeric_limits<double>::quiet_NaN();
  double lr = std::numeric_limits<double>::quiet_NaN();

  const auto row = [&] {
    const double grad_norm = context.g().norm();
    return IterationRow{.iter = k,
                        .f = context.f(),
                        .grad_norm = grad_norm,
                        .raw_grad_norm = grad_norm,
                        .step_norm = step_norm,
                        .lr = lr,
                        .evals = evaluator.counts(),
                        .seconds = elapsed()};
  };

  // The first rule that holds at θₖ, if any.
  const auto check = [&]() -> std::optional<StopReason> {
    const double f = context.f();
    if (evaluator.saw_non_finite() || !std::isfinite(f) || !context.g().allFinite() ||
        !x.allFinite())
      return StopReason::kNonFinite;
    if (f > settings.divergence.f_above) return StopReason::kDiverged;
    if (stop.grad_norm && context.g().norm() <= *stop.grad_norm) return StopReason::kConvergedGrad;
    if (stop.grad_norm_inf && context.g().lpNorm<Eigen::Infinity>() <= *stop.grad_norm_inf)
      return StopReason::kConvergedGrad;
    if (stop.f_target && f <= *stop.f_target) return StopReason::kTargetReached;
    if (k > 0) {
      if (stop.step_norm && step_norm < *stop.step_norm) return StopReason::kConvergedStep;
      if (stop.f_rel_change &&
          std::fabs(f - f_previous) <= *stop.f_rel_change * std::max(std::fabs(f_previous), 1e-300))
        return StopReason::kFRelChange;
    }
    if (stop.max_evals && evaluator.counts().total() >= *stop.max_evals) return StopReason::kMaxEvals;
    if (stop.max_seconds && elapsed() >= *stop.max_seconds) return StopReason::kMaxSeconds;
    if (k >= settings.max_iter) return StopReason::kMaxIter;
    return std::nullopt;
  };

  std::optional<StopReason> reason = check();
  recorder.append(row(), x);
  while (!reason) {
    lr = optimizer.base_lr();
    context.begin_step(k, lr);
    x_previous = x;
    f_previous = context.f();
    const StepStatus status = optimizer.step(x, context);
    if (status != StepStatus::kOk) {
      x = x_previous;
      reason = stop_reason_of(status);
      recorder.discard_notes();
      break;
    }
    ++k;
    context.evaluate_at(x);
    step_norm = (x - x_previous).norm();
    reason = check();
    if (reason || recorder.keeps(k))
      recorder.append(row(), x);
    else
      recorder.discard_notes();
  }

  RunResult result;
  result.stop_reason = *reason;
  result.iterations = k;
  result.f_final = context.f();
  result.grad_norm_final = context.g().norm();
  result.evals = evaluator.counts();
  result.seconds = elapsed();
  result.x_final = x;
  result.trace = recorder.take();
  return result;
}

}  // namespace descent
