// Learning-rate schedules ("annealing", the lecture's "Techniques to adapt the learning
// rate"; Goodfellow et al. 2016, §8.3.1). The driver scales the method's base rate ε₀ and
// hands the method εₖ for step k = 0, 1, …; the trace's lr column records the value used.
//
//   constant           εₖ = ε₀
//   step               εₖ = ε₀ · factor^⌊k / period⌋              (staircase decay)
//   exponential        εₖ = ε₀ · factor^(k / period)              (smooth decay)
//   inverse_time       εₖ = ε₀ / (1 + k / period)                 (the 1/t rule)
//   cosine             εₖ = floor + ½(ε₀ − floor)(1 + cos(π · min(k, period)/period))
//                      (Loshchilov & Hutter 2017, without restarts; floor after `period`)
//   reduce_on_plateau  εₖ = the current rate, multiplied by `factor` (never below `floor`)
//                      when the monitored loss has not improved for more than `patience`
//                      observations in a row; an observation f improves when
//                      f < best − threshold·|best| (relative threshold, as PyTorch's
//                      ReduceLROnPlateau in mode "min" with threshold_mode "rel", cooldown 0).
//
// reduce_on_plateau observes f at every iterate, or, when training on minibatches with
// `record.full_loss_every` set, the full loss each time it is computed (a minibatch loss is
// too noisy to call a plateau). Methods without a learning rate are not scheduled.
#pragma once

#include <cstdint>
#include <limits>
#include <string_view>
#include <utility>

#include "descent/core/params.hpp"

namespace descent {

enum class ScheduleKind { kConstant, kStep, kExponential, kInverseTime, kCosine, kReduceOnPlateau };

inline constexpr std::pair<std::string_view, ScheduleKind> kScheduleKinds[] = {
    {"constant", ScheduleKind::kConstant},
    {"step", ScheduleKind::kStep},
    {"exponential", ScheduleKind::kExponential},
    {"inverse_time", ScheduleKind::kInverseTime},
    {"cosine", ScheduleKind::kCosine},
    {"reduce_on_plateau", ScheduleKind::kReduceOnPlateau},
};

struct ScheduleSettings {
  ScheduleKind kind = ScheduleKind::kConstant;
  std::int64_t period = 1000;  // step, exponential, inverse_time, cosine: the time scale
  double factor = 0.1;         // step, exponential, reduce_on_plateau: 0 < factor ≤ 1
  double floor = 0.0;          // cosine: the final rate; reduce_on_plateau: the lowest rate
  std::int64_t patience = 10;  // reduce_on_plateau: observations without improvement
  double threshold = 1e-4;     // reduce_on_plateau: relative improvement that counts

  template <class V>
  void visit(V& v) {
    v.choice("kind", kind, kScheduleKinds, "how εₖ follows from ε₀ and k");
    v.integer("period", period, Range::at_least(1),
              "step, exponential, inverse_time, cosine: iterations per decay (time scale)");
    v.real("factor", factor, Range{0.0, 1.0, true, false},
           "step, exponential, reduce_on_plateau: multiplier per decay");
    v.real("floor", floor, Range::non_negative(),
           "cosine: final rate; reduce_on_plateau: lowest rate");
    v.integer("patience", patience, Range::at_least(0),
              "reduce_on_plateau: observations without improvement before a decay");
    v.real("threshold", threshold, Range::non_negative(),
           "reduce_on_plateau: f improves when f < best − threshold·|best|");
  }
};

// The closed-form rate εₖ of every kind but reduce_on_plateau (which returns ε₀).
double scheduled_lr(const ScheduleSettings& settings, double base_lr, std::int64_t k);

// A schedule during one run: the closed forms, and the state of reduce_on_plateau.
class LearningRateSchedule {
 public:
  LearningRateSchedule(const ScheduleSettings& settings, double base_lr);

  double lr(std::int64_t k) const;
  // One value of the monitored loss (reduce_on_plateau only; others ignore it).
  void observe(double loss);
  bool observes() const { return settings_.kind == ScheduleKind::kReduceOnPlateau; }

 private:
  ScheduleSettings settings_;
  double base_lr_;
  double current_lr_;
  double best_ = std::numeric_limits<double>::infinity();
  bool has_best_ = false;
  std::int64_t bad_observations_ = 0;
};

}  // namespace descent
