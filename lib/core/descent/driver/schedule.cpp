#include "descent/driver/schedule.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace descent {

double scheduled_lr(const ScheduleSettings& s, double base_lr, std::int64_t k) {
  const double t = static_cast<double>(k) / static_cast<double>(s.period);
  switch (s.kind) {
    case ScheduleKind::kConstant:
    case ScheduleKind::kReduceOnPlateau: return base_lr;
    case ScheduleKind::kStep: return base_lr * std::pow(s.factor, static_cast<double>(k / s.period));
    case ScheduleKind::kExponential: return base_lr * std::pow(s.factor, t);
    case ScheduleKind::kInverseTime: return base_lr / (1.0 + t);
    case ScheduleKind::kCosine:
      return s.floor + 0.5 * (base_lr - s.floor) * (1.0 + std::cos(std::numbers::pi * std::min(t, 1.0)));
  }
  return base_lr;
}

LearningRateSchedule::LearningRateSchedule(const ScheduleSettings& settings, double base_lr)
    : settings_(settings), base_lr_(base_lr), current_lr_(base_lr) {}

double LearningRateSchedule::lr(std::int64_t k) const {
  if (settings_.kind == ScheduleKind::kReduceOnPlateau) return current_lr_;
  return scheduled_lr(settings_, base_lr_, k);
}

void LearningRateSchedule::observe(double loss) {
  if (!observes()) return;
  if (!has_best_ && std::isfinite(loss)) {
    best_ = loss;
    has_best_ = true;
    return;
  }
  if (std::isfinite(loss) && loss < best_ - settings_.threshold * std::fabs(best_)) {
    best_ = loss;
    bad_observations_ = 0;
    return;
  }
  if (++bad_observations_ > settings_.patience) {
    current_lr_ = std::max(current_lr_ * settings_.factor, std::min(settings_.floor, current_lr_));
    bad_observations_ = 0;
  }
}

}  // namespace descent
