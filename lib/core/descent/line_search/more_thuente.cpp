#include "descent/line_search/more_thuente.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace descent {

namespace {

using Sample = LineFunction::Sample;

// Next trials while not bracketed lie in [t + 1.1 (t − tₓ), t + 4 (t − tₓ)] (dcsrch's xtrapl,
// xtrapu); a bracket must shrink to 0.66 of its width every two trials or it is bisected.
constexpr double kExtrapolateLow = 1.1;
constexpr double kExtrapolateHigh = 4.0;
constexpr double kShrink = 0.66;

// The terms θ and γ of the cubic through (a, fa, da) and (b, fb, db) (§4), scaled by
// s = max(|θ|, |da|, |db|) against overflow; γ² is clamped at 0 when `clamp` (case 3, where
// the cubic need not have a minimiser).
struct Cubic {
  double theta, gamma;
};
Cubic cubic(double a, double fa, double da, double b, double fb, double db, bool clamp) {
  const double theta = 3.0 * (fa - fb) / (b - a) + da + db;
  const double s = std::max({std::fabs(theta), std::fabs(da), std::fabs(db)});
  double radicand = (theta / s) * (theta / s) - (da / s) * (db / s);
  if (clamp) radicand = std::max(0.0, radicand);
  return {theta, s * std::sqrt(radicand)};
}

// Secant step: the zero of the line through the slopes (a, da), (b, db), from b.
double secant_step(double a, double da, double b, double db) {
  return b + db / (db - da) * (a - b);
}

}  // namespace

double more_thuente_step(MoreThuenteInterval& interval, const Sample& trial, double t_low,
                         double t_high) {
  Sample& x = interval.x;
  Sample& y = interval.y;
  const double t = trial.t, ft = trial.f, dt = trial.slope;
  if (!std::isfinite(ft) || !std::isfinite(dt)) {
    y = {t, std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN()};
    interval.bracketed = true;
    return x.t + 0.5 * (t - x.t);
  }
  const double same_sign = dt * std::copysign(1.0, x.slope);
  double next = 0.0;
  if (ft > x.f) {
    // Case 1: a higher value; the minimiser is bracketed.
    auto [theta, gamma] = cubic(x.t, x.f, x.slope, t, ft, dt, false);
    if (t < x.t) gamma = -gamma;
    const double p = (gamma - x.slope) + theta;
    const double q = ((gamma - x.slope) + gamma) + dt;
    const double cubic_step = x.t + p / q * (t - x.t);
    const double quadratic_step =
        x.t + x.slope / ((x.f - ft) / (t - x.t) + x.slope) / 2.0 * (t - x.t);
    next = std::fabs(cubic_step - x.t) < std::fabs(quadratic_step - x.t)
               ? cubic_step
               : cubic_step + (quadratic_step - cubic_step) / 2.0;
    interval.bracketed = true;
  } else if (same_sign < 0.0) {
    // Case 2: a lower value and slopes of opposite signs; bracketed.
    auto [theta, gamma] = cubic(x.t, x.f, x.slope, t, ft, dt, false);
    if (t > x.t) gamma = -gamma;
    const double p = (gamma - dt) + theta;
    const double q = ((gamma - dt) + gamma) + x.slope;
    const double cubic_step = t + p / q * (x.t - t);
    const double secant = secant_step(x.t, x.slope, t, dt);
    next = std::fabs(cubic_step - t) > std::fabs(secant - t) ? cubic_step : secant;
    interval.bracketed = true;
  } else if (std::fabs(dt) < std::fabs(x.slope)) {
    // Case 3: a lower value, slopes of one sign, the slope's magnitude decreasing.
    auto [theta, gamma] = cubic(x.t, x.f, x.slope, t, ft, dt, true);
    if (t > x.t) gamma = -gamma;
    const double p = (gamma - dt) + theta;
    const double q = (gamma + (x.slope - dt)) + gamma;
    const double r = p / q;
    double cubic_step = 0.0;
    if (r < 0.0 && gamma != 0.0)
      cubic_step = t + r * (x.t - t);
    else
      cubic_step = t > x.t ? t_high : t_low;
    const double secant = secant_step(x.t, x.slope, t, dt);
    if (interval.bracketed) {
      next = std::fabs(cubic_step - t) < std::fabs(secant - t) ? cubic_step : secant;
      const double limit = t + kShrink * (y.t - t);
      next = t > x.t ? std::min(limit, next) : std::max(limit, next);
    } else {
      next = std::fabs(cubic_step - t) > std::fabs(secant - t) ? cubic_step : secant;
      next = std::clamp(next, t_low, t_high);
    }
  } else if (interval.bracketed) {
    // Case 4 in a bracket: the cubic through the trial and the far end y.
    auto [theta, gamma] = cubic(t, ft, dt, y.t, y.f, y.slope, false);
    if (t > y.t) gamma = -gamma;
    const double p = (gamma - dt) + theta;
    const double q = ((gamma - dt) + gamma) + y.slope;
    next = t + p / q * (y.t - t);
  } else {
    // Case 4 unbracketed: as far as allowed.
    next = t > x.t ? t_high : t_low;
  }

  if (ft > x.f) {
    y = trial;
  } else {
    if (same_sign < 0.0) y = x;
    x = trial;
  }
  if (!std::isfinite(next)) next = interval.bracketed ? x.t + 0.5 * (y.t - x.t) : t_high;
  return next;
}

LineSearchResult more_thuente_search(LineFunction& line, double f0, double slope0, double t0,
                                     const LineSearchOptions& options) {
  constexpr double kEps = std::numeric_limits<double>::epsilon();
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const double decrease_slope = options.c1 * slope0;
  const double curvature_bound = -options.c2 * slope0;

  MoreThuenteInterval interval{{0.0, f0, slope0}, {0.0, f0, slope0}, false};
  bool stage_one = true;
  double width = kInf, width_before = kInf;
  double t_low = 0.0, t_high = t0 + kExtrapolateHigh * t0;
  double t = t0;
  for (std::int64_t trials = 1; trials <= options.max_trials; ++trials) {
    const Sample s = line.at(t);
    const double f_test = f0 + t * decrease_slope;
    const bool finite = std::isfinite(s.f) && std::isfinite(s.slope);
    if (finite && s.f <= f_test && std::fabs(s.slope) <= curvature_bound)
      return {LineSearchStatus::kAccepted, t, s.f, s.slope, trials};
    if (trials == options.max_trials) break;
    if (finite && stage_one && s.f <= f_test && s.slope >= 0.0) stage_one = false;

    double next = 0.0;
    if (finite && stage_one && s.f <= interval.x.f && s.f > f_test) {
      // Stage 1 on ψ: the values less t·c₁φ'(0), the slopes less c₁φ'(0).
      const auto to_psi = [&](Sample& a, double sign) {
        a.f -= sign * a.t * decrease_slope;
        a.slope -= sign * decrease_slope;
      };
      Sample trial = s;
      to_psi(interval.x, 1.0);
      to_psi(interval.y, 1.0);
      to_psi(trial, 1.0);
      next = more_thuente_step(interval, trial, t_low, t_high);
      to_psi(interval.x, -1.0);
      to_psi(interval.y, -1.0);
    } else {
      next = more_thuente_step(interval, s, t_low, t_high);
    }

    const double x_t = interval.x.t, y_t = interval.y.t;
    if (interval.bracketed) {
      if (std::fabs(y_t - x_t) >= kShrink * width_before) next = x_t + 0.5 * (y_t - x_t);
      width_before = width;
      width = std::fabs(y_t - x_t);
      t_low = std::min(x_t, y_t);
      t_high = std::max(x_t, y_t);
      // MINPACK's warnings: no trial left strictly inside the bracket, or a bracket below
      // rounding. Nothing can be gained by another evaluation.
      if (!(next > t_low && next < t_high) || t_high - t_low <= kEps * t_high) break;
    } else {
      t_low = next + kExtrapolateLow * (next - x_t);
      t_high = next + kExtrapolateHigh * (next - x_t);
    }
    t = std::max(next, 0.0);
  }
  return {LineSearchStatus::kFailed, 0.0, f0, slope0, line.evaluations()};
}

}  // namespace descent
