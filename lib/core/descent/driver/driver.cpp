#include "descent/driver/driver.hpp"

#include <chrono>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "descent/driver/clipping.hpp"
#include "descent/driver/minibatch.hpp"
#include "descent/driver/recorder.hpp"
#include "descent/driver/schedule.hpp"

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

// The driver's side of a step: the current point's values (on the current minibatch, after
// clipping), and evaluation services that sample and clip alike.
class DriverContext final : public StepContext {
 public:
  DriverContext(Evaluator& evaluator, Recorder& recorder, const ClipSettings& clip,
                MinibatchSampler* sampler)
      : evaluator_(evaluator), recorder_(recorder), clip_(clip), sampler_(sampler) {}

  Index iteration() const override { return iteration_; }
  double lr() const override { return lr_; }
  double f() const override { return f_; }
  const Vector& g() const override { return g_; }
  void gradient_at(const Vector& p, Vector& g) override {
    if (sampler_)
      evaluator_.batch_value_gradient(p, batch_, g);
    else
      evaluator_.gradient(p, g);
    clip_gradient(clip_, g);
  }
  Evaluator& evaluator() override { return evaluator_; }
  void set_values_at_new_iterate(double f, const Vector& g) override {
    handed_over_f_ = f;
    handed_over_g_ = g;
  }
  void record(std::string_view column, double value) override { recorder_.note(column, value); }

  // f and g at θ: on a fresh minibatch, or the full objective (or what the method handed
  // over); then the raw norms and per-block norms, then clipping.
  void evaluate_at(const Vector& x, const std::vector<ParameterBlock>& blocks) {
    if (sampler_) {
      handed_over_f_.reset();
      batch_ = sampler_->next();
      f_ = evaluator_.batch_value_gradient(x, batch_, g_);
    } else if (handed_over_f_) {
      f_ = *handed_over_f_;
      g_.swap(handed_over_g_);
      handed_over_f_.reset();
    } else {
      f_ = evaluator_.value_gradient(x, g_);
    }
    raw_norm_inf_ = g_.lpNorm<Eigen::Infinity>();
    block_norms_.resize(static_cast<Index>(blocks.size()));
    for (std::size_t i = 0; i < blocks.size(); ++i)
      block_norms_[static_cast<Index>(i)] = g_.segment(blocks[i].offset, blocks[i].size).norm();
    clip_outcome_ = clip_gradient(clip_, g_);
  }
  void begin_step(Index k, double lr) {
    iteration_ = k;
    lr_ = lr;
    handed_over_f_.reset();
  }

  const ClipOutcome& clip_outcome() const { return clip_outcome_; }
  double raw_norm() const { return clip_outcome_.raw_norm; }
  double raw_norm_inf() const { return raw_norm_inf_; }
  const Vector& block_norms() const { return block_norms_; }

 private:
  Evaluator& evaluator_;
  Recorder& recorder_;
  const ClipSettings& clip_;
  MinibatchSampler* sampler_;
  std::span<const Index> batch_;
  Index iteration_ = 0;
  double lr_ = std::numeric_limits<double>::quiet_NaN();
  double f_ = 0.0;
  Vector g_;
  ClipOutcome clip_outcome_;
  double raw_norm_inf_ = 0.0;
  Vector block_norms_;
  std::optional<double> handed_over_f_;
  Vector handed_over_g_;
};

}  // namespace

RunResult run_optimizer(const Objective& objective, Optimizer& optimizer, const Vector& x0,
                        const RunSettings& settings, std::uint64_t seed) {
  const auto start = Clock::now();
  const auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
  const StopRules& stop = settings.stop;
  const RecordSettings& record = settings.record;
  validate_fields(settings.clip);  // settings built in code skip the suite loader's checks
  validate_fields(settings.schedule);
  validate_fields(settings.batch);

  Evaluator evaluator(objective);
  Recorder recorder(record, objective.dim());
  std::optional<MinibatchSampler> sampler;
  if (settings.batch.active()) sampler.emplace(objective.num_terms(), settings.batch, seed);
  DriverContext context(evaluator, recorder, settings.clip, sampler ? &*sampler : nullptr);
  optimizer.reset(objective.dim());
  LearningRateSchedule schedule(settings.schedule, optimizer.base_lr());

  const std::vector<ParameterBlock> blocks =
      record.diagnostics ? objective.parameter_blocks() : std::vector<ParameterBlock>{};
  std::vector<std::string> block_columns;
  for (const auto& block : blocks) block_columns.push_back(std::string("grad_norm_") + block.name);
  const std::vector<std::string> diagnostic_names =
      record.diagnostics ? objective.diagnostic_names() : std::vector<std::string>{};
  Vector diagnostic_values;

  Vector x = x0;
  Vector x_previous(x.size());
  context.evaluate_at(x, blocks);
  double f_previous = context.f();
  std::int64_t k = 0;
  double step_norm = std::numeric_limits<double>::quiet_NaN();
  double lr = std::numeric_limits<double>::quiet_NaN();

  // Minibatch runs monitor the full loss (uncounted: it is measurement, not the method's).
  const bool full_loss_scheduled = sampler && record.full_loss_every > 0;
  const auto full_loss_due = [&] { return full_loss_scheduled && k % record.full_loss_every == 0; };
  const auto full_loss_at = [&](bool last) -> std::optional<double> {
    if (sampler && (k == 0 || last || full_loss_due())) return objective.value(x);
    return std::nullopt;
  };
  // reduce_on_plateau watches the full loss when it is scheduled, f otherwise.
  const auto observe = [&](const std::optional<double>& full_loss) {
    if (!full_loss_scheduled)
      schedule.observe(context.f());
    else if (full_loss_due())
      schedule.observe(*full_loss);
  };

  const auto append_row = [&](const std::optional<double>& full_loss) {
    if (sampler) {
      recorder.note("epoch", static_cast<double>(sampler->epoch()));
      if (full_loss) recorder.note("full_loss", *full_loss);
    }
    if (settings.clip.active()) {
      recorder.note("clip_factor", context.clip_outcome().factor);
      recorder.note("clipped", context.clip_outcome().clipped ? 1.0 : 0.0);
    }
    for (std::size_t i = 0; i < blocks.size(); ++i)
      recorder.note(block_columns[i], context.block_norms()[static_cast<Index>(i)]);
    if (!diagnostic_names.empty()) {
      objective.diagnostics(x, diagnostic_values);
      for (std::size_t i = 0; i < diagnostic_names.size(); ++i)
        recorder.note(diagnostic_names[i], diagnostic_values[static_cast<Index>(i)]);
    }
    recorder.append(IterationRow{.iter = k,
                                 .f = context.f(),
                                 .grad_norm = context.g().norm(),
                                 .raw_grad_norm = context.raw_norm(),
                                 .step_norm = step_norm,
                                 .lr = lr,
                                 .evals = evaluator.counts(),
                                 .seconds = elapsed()},
                    x);
  };

  // The first rule that holds at θₖ, if any. Gradient rules look at the gradient before
  // clipping; with minibatches, f and g are the minibatch's.
  const auto check = [&]() -> std::optional<StopReason> {
    const double f = context.f();
    if (evaluator.saw_non_finite() || !std::isfinite(f) || !context.g().allFinite() ||
        !x.allFinite())
      return StopReason::kNonFinite;
    if (f > settings.divergence.f_above) return StopReason::kDiverged;
    if (stop.grad_norm && context.raw_norm() <= *stop.grad_norm) return StopReason::kConvergedGrad;
    if (stop.grad_norm_inf && context.raw_norm_inf() <= *stop.grad_norm_inf)
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
  {
    const auto full_loss = full_loss_at(reason.has_value());
    observe(full_loss);
    append_row(full_loss);
  }
  while (!reason) {
    const double step_lr = schedule.lr(k);
    context.begin_step(k, step_lr);
    x_previous = x;
    f_previous = context.f();
    const StepStatus status = optimizer.step(x, context);
    if (status != StepStatus::kOk) {
      x = x_previous;
      reason = stop_reason_of(status);
      recorder.discard_notes();
      if (recorder.last_iter() != k) append_row(full_loss_at(true));  // θₖ was thinned away
      break;
    }
    lr = step_lr;
    ++k;
    context.evaluate_at(x, blocks);
    step_norm = (x - x_previous).norm();
    reason = check();
    const auto full_loss = full_loss_at(reason.has_value());
    observe(full_loss);
    if (reason || recorder.keeps(k) || full_loss_due())
      append_row(full_loss);
    else
      recorder.discard_notes();
  }

  RunResult result;
  result.stop_reason = *reason;
  result.iterations = k;
  result.f_final = context.f();
  result.grad_norm_final = context.raw_norm();
  if (sampler) {
    // The minibatch's values say little about where the run ended: report the full ones.
    Vector g_full;
    result.f_final = objective.value_gradient(x, g_full);
    result.grad_norm_final = g_full.norm();
  }
  result.evals = evaluator.counts();
  result.seconds = elapsed();
  result.x_final = x;
  result.trace = recorder.take();
  return result;
}

}  // namespace descent
