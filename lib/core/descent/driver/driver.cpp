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
constexpr double kNotYet = std::numeric_limits<double>::quiet_NaN();

StopReason stop_reason_of(StepStatus status) {
  switch (status) {
    case StepStatus::kLineSearchFailed: return StopReason::kLineSearchFailed;
    case StepStatus::kPrecisionLimit: return StopReason::kPrecisionLimit;
    case StepStatus::kNotDescent: return StopReason::kNotDescent;
    case StepStatus::kHessianSingular: return StopReason::kHessianSingular;
    case StepStatus::kOk: break;
  }
  return StopReason::kLineSearchFailed;
}

// The loop's position: the iterate θₖ and how the run got there.
struct Iterate {
  std::int64_t k = 0;
  Vector x;
  bool x_finite = true;
  double f_previous = kNotYet;  // f(θₖ₋₁)
  double step_norm = kNotYet;   // ‖θₖ − θₖ₋₁‖₂
  double lr = kNotYet;          // εₖ₋₁, the rate of the step into θₖ
};

// The driver's side of a step: the current point's values (on the current minibatch, after
// clipping), and evaluation services that sample and clip alike.
class DriverContext final : public StepContext {
 public:
  DriverContext(Evaluator& evaluator, Recorder& recorder, const ClipSettings& clip,
                MinibatchSampler* sampler, std::vector<ParameterBlock> blocks, bool needs_norm_inf)
      : evaluator_(evaluator),
        recorder_(recorder),
        clip_(clip),
        sampler_(sampler),
        blocks_(std::move(blocks)),
        needs_norm_inf_(needs_norm_inf) {}

  Index iteration() const override { return iteration_; }
  double lr() const override { return lr_; }
  double f() const override { return f_; }
  const Vector& g() const override { return g_; }
  void gradient_at(const Vector& p, Vector& g) override {
    if (sampler_)
      evaluator_.batch_value_gradient(p, batch_, g);
    else
      evaluator_.gradient(p, g);
    if (clip_.active()) clip_gradient(clip_, g);
  }
  Evaluator& evaluator() override { return evaluator_; }
  void set_values_at_new_iterate(double f, const Vector& g) override {
    handed_over_f_ = f;
    handed_over_g_ = g;
  }
  void record(std::string_view column, double value) override { recorder_.note(column, value); }

  // f and g at θ: on a fresh minibatch, or the full objective (or what the method handed
  // over); then the gradient's norms (one pass over g) and per-block norms, then clipping.
  void evaluate_at(const Vector& x) {
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
    raw_norm_ = gradient_norm(g_);
    raw_norm_inf_ = needs_norm_inf_ ? g_.lpNorm<Eigen::Infinity>() : kNotYet;
    block_norms_.resize(static_cast<Index>(blocks_.size()));
    for (std::size_t i = 0; i < blocks_.size(); ++i)
      block_norms_[static_cast<Index>(i)] = g_.segment(blocks_[i].offset, blocks_[i].size).norm();
    clip_outcome_ = clip_gradient(clip_, g_, raw_norm_);
  }
  void begin_step(Index k, double lr) {
    iteration_ = k;
    lr_ = lr;
    handed_over_f_.reset();
  }

  bool g_finite() const { return raw_norm_.finite; }
  // ‖g‖₂ of the gradient the method used (after clipping).
  double norm() const { return clip_outcome_.clipped ? g_.norm() : raw_norm_.plain; }
  double raw_norm() const { return clip_outcome_.raw_norm; }
  double raw_norm_inf() const { return raw_norm_inf_; }
  const ClipOutcome& clip_outcome() const { return clip_outcome_; }
  const std::vector<ParameterBlock>& blocks() const { return blocks_; }
  const Vector& block_norms() const { return block_norms_; }
  std::int64_t epoch() const { return sampler_ ? sampler_->epoch() : 0; }

 private:
  Evaluator& evaluator_;
  Recorder& recorder_;
  const ClipSettings& clip_;
  MinibatchSampler* sampler_;
  std::vector<ParameterBlock> blocks_;
  bool needs_norm_inf_;
  std::span<const Index> batch_;
  Index iteration_ = 0;
  double lr_ = kNotYet;
  double f_ = 0.0;
  Vector g_;
  GradientNorm raw_norm_;
  double raw_norm_inf_ = kNotYet;
  ClipOutcome clip_outcome_;
  Vector block_norms_;
  std::optional<double> handed_over_f_;
  Vector handed_over_g_;
};

// The stop rules of driver.hpp, in order: the first that holds at θₖ, if any. Gradient rules
// look at the gradient before clipping; with minibatches, f and g are the minibatch's. Only
// the accepted iterate is tested: a method's rejected trials may be anything.
std::optional<StopReason> first_rule_that_holds(const RunSettings& settings, const Iterate& at,
                                                const DriverContext& context,
                                                const Evaluator& evaluator, double seconds) {
  const StopRules& stop = settings.stop;
  const double f = context.f();
  if (!std::isfinite(f) || !context.g_finite() || !at.x_finite) return StopReason::kNonFinite;
  if (f > settings.divergence.f_above) return StopReason::kDiverged;
  if (stop.grad_norm && context.raw_norm() <= *stop.grad_norm) return StopReason::kConvergedGrad;
  if (stop.grad_norm_inf && context.raw_norm_inf() <= *stop.grad_norm_inf)
    return StopReason::kConvergedGrad;
  if (stop.f_target && f <= *stop.f_target) return StopReason::kTargetReached;
  if (at.k > 0) {
    if (stop.step_norm && at.step_norm < *stop.step_norm) return StopReason::kConvergedStep;
    if (stop.f_rel_change && std::fabs(f - at.f_previous) <=
                                 *stop.f_rel_change * std::max(std::fabs(at.f_previous), 1e-300))
      return StopReason::kFRelChange;
  }
  if (stop.max_evals && evaluator.counts().total() >= *stop.max_evals) return StopReason::kMaxEvals;
  if (stop.max_seconds && seconds >= *stop.max_seconds) return StopReason::kMaxSeconds;
  if (at.k >= settings.max_iter) return StopReason::kMaxIter;
  return std::nullopt;
}

// The full loss of a minibatch run, measured (uncounted: it is measurement, not the method's)
// at the first and last iterates and every `record.full_loss_every` iterations; the
// observation reduce_on_plateau watches: the full loss when it is scheduled, f otherwise.
class FullLoss {
 public:
  FullLoss(const Objective& objective, bool minibatch, const RecordSettings& record)
      : objective_(objective), minibatch_(minibatch), every_(minibatch ? record.full_loss_every : 0) {}

  bool due(std::int64_t k) const { return every_ > 0 && k % every_ == 0; }
  std::optional<double> at(const Iterate& at, bool last) const {
    if (minibatch_ && (at.k == 0 || last || due(at.k))) return objective_.value(at.x);
    return std::nullopt;
  }
  void observe(LearningRateSchedule& schedule, std::int64_t k, double f,
               const std::optional<double>& full_loss) const {
    if (every_ == 0)
      schedule.observe(f);
    else if (due(k))
      schedule.observe(*full_loss);
  }

 private:
  const Objective& objective_;
  bool minibatch_;
  std::int64_t every_;
};

// One trace row: the driver's columns, the optional ones (epoch and full loss, clipping,
// per-block norms, diagnostics) and the notes the method made during its step.
class RowWriter {
 public:
  RowWriter(const Objective& objective, const RunSettings& settings, bool minibatch)
      : objective_(objective), clip_(settings.clip.active()), minibatch_(minibatch) {
    if (!settings.record.diagnostics) return;
    for (const auto& block : objective.parameter_blocks())
      block_columns_.push_back(std::string("grad_norm_") + block.name);
    diagnostic_names_ = objective.diagnostic_names();
  }

  void append(Recorder& recorder, const Iterate& at, const DriverContext& context,
              const std::optional<double>& full_loss, const EvalCounts& evals, double seconds) {
    if (minibatch_) {
      recorder.note("epoch", static_cast<double>(context.epoch()));
      if (full_loss) recorder.note("full_loss", *full_loss);
    }
    if (clip_) {
      recorder.note("clip_factor", context.clip_outcome().factor);
      recorder.note("clipped", context.clip_outcome().clipped ? 1.0 : 0.0);
    }
    for (std::size_t i = 0; i < block_columns_.size(); ++i)
      recorder.note(block_columns_[i], context.block_norms()[static_cast<Index>(i)]);
    if (!diagnostic_names_.empty()) {
      objective_.diagnostics(at.x, diagnostic_values_);
      for (std::size_t i = 0; i < diagnostic_names_.size(); ++i)
        recorder.note(diagnostic_names_[i], diagnostic_values_[static_cast<Index>(i)]);
    }
    recorder.append(IterationRow{.iter = at.k,
                                 .f = context.f(),
                                 .grad_norm = context.norm(),
                                 .raw_grad_norm = context.raw_norm(),
                                 .step_norm = at.step_norm,
                                 .lr = at.lr,
                                 .evals = evals,
                                 .seconds = seconds},
                    at.x);
  }

 private:
  const Objective& objective_;
  bool clip_;
  bool minibatch_;
  std::vector<std::string> block_columns_;
  std::vector<std::string> diagnostic_names_;
  Vector diagnostic_values_;
};

}  // namespace

RunResult run_optimizer(const Objective& objective, Optimizer& optimizer, const Vector& x0,
                        const RunSettings& settings, std::uint64_t seed) {
  const auto start = Clock::now();
  const auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
  validate_fields(settings.clip);  // settings built in code skip the suite loader's checks
  validate_fields(settings.schedule);
  validate_fields(settings.batch);
  validate_fields(settings.record);

  Evaluator evaluator(objective);
  Recorder recorder(settings.record, objective.dim());
  std::optional<MinibatchSampler> sampler;
  if (settings.batch.active()) sampler.emplace(objective.num_terms(), settings.batch, seed);
  DriverContext context(evaluator, recorder, settings.clip, sampler ? &*sampler : nullptr,
                        settings.record.diagnostics ? objective.parameter_blocks()
                                                    : std::vector<ParameterBlock>{},
                        settings.stop.grad_norm_inf.has_value());
  const FullLoss full_loss(objective, sampler.has_value(), settings.record);
  RowWriter rows(objective, settings, sampler.has_value());
  optimizer.reset(objective.dim());
  LearningRateSchedule schedule(settings.schedule, optimizer.base_lr());

  // θₖ is done: test the stop rules, measure the full loss, feed the schedule, keep the row.
  Iterate at{.x = x0, .x_finite = x0.allFinite()};
  const auto conclude = [&]() -> std::optional<StopReason> {
    const auto reason = first_rule_that_holds(settings, at, context, evaluator, elapsed());
    const auto loss = full_loss.at(at, reason.has_value());
    full_loss.observe(schedule, at.k, context.f(), loss);
    if (reason || recorder.keeps(at.k) || full_loss.due(at.k))
      rows.append(recorder, at, context, loss, evaluator.counts(), elapsed());
    else
      recorder.discard_notes();
    return reason;
  };

  context.evaluate_at(at.x);
  std::optional<StopReason> reason = conclude();
  Vector x_previous(at.x.size());
  while (!reason) {
    const double lr = schedule.lr(at.k);
    context.begin_step(at.k, lr);
    x_previous = at.x;
    const StepStatus status = optimizer.step(at.x, context);
    if (status != StepStatus::kOk) {
      at.x = x_previous;  // a failed step leaves θₖ the final iterate
      recorder.discard_notes();
      // At an exact stationary point no direction descends: the method has converged there,
      // whatever the tolerances (rules set or not).
      reason = context.raw_norm() == 0.0 ? StopReason::kConvergedGrad : stop_reason_of(status);
      break;
    }
    at.f_previous = context.f();
    context.evaluate_at(at.x);
    at.k += 1;
    at.lr = lr;
    at.step_norm = (at.x - x_previous).norm();
    // θₖ₋₁ was finite: a finite step means a finite θₖ, and only a step that is not needs a look.
    at.x_finite = std::isfinite(at.step_norm) || at.x.allFinite();
    reason = conclude();
  }
  // The last row is the final iterate, whatever ended the run.
  if (recorder.last_iter() != at.k)
    rows.append(recorder, at, context, full_loss.at(at, true), evaluator.counts(), elapsed());

  RunResult result;
  result.stop_reason = *reason;
  result.iterations = at.k;
  result.f_final = context.f();
  result.grad_norm_final = context.raw_norm();
  if (sampler) {
    // The minibatch's values say little about where the run ended: report the full ones.
    Vector g_full;
    result.f_final = objective.value_gradient(at.x, g_full);
    result.grad_norm_final = g_full.norm();
  }
  result.evals = evaluator.counts();
  result.seconds = elapsed();
  result.x_final = std::move(at.x);
  result.trace = recorder.take();
  return result;
}

}  // namespace descent
