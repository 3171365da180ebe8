#include "descent/line_search/strong_wolfe.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace descent {

double cubic_minimizer(double a, double fa, double da, double b, double fb, double db) {
  const double d1 = da + db - 3.0 * (fa - fb) / (a - b);
  const double discriminant = d1 * d1 - da * db;
  if (!(discriminant >= 0.0)) return std::numeric_limits<double>::quiet_NaN();
  const double d2 = std::copysign(std::sqrt(discriminant), b - a);
  return b - (b - a) * (db + d2 - d1) / (db - da + 2.0 * d2);
}

double quadratic_minimizer(double a, double fa, double da, double b, double fb) {
  const double h = b - a;
  const double curvature = fb - fa - da * h;  // ½ φ'' h²
  if (!(curvature > 0.0)) return std::numeric_limits<double>::quiet_NaN();
  return a - da * h * h / (2.0 * curvature);
}

namespace {

using Sample = LineFunction::Sample;

// A trial inside the bracket between lo and hi, at least 10% of its width from either end.
double zoom_trial(const Sample& lo, const Sample& hi) {
  double t = std::numeric_limits<double>::quiet_NaN();
  if (std::isfinite(hi.f) && std::isfinite(hi.slope))
    t = cubic_minimizer(lo.t, lo.f, lo.slope, hi.t, hi.f, hi.slope);
  if (!std::isfinite(t) && std::isfinite(hi.f))
    t = quadratic_minimizer(lo.t, lo.f, lo.slope, hi.t, hi.f);
  const double left = std::min(lo.t, hi.t), right = std::max(lo.t, hi.t);
  const double margin = 0.1 * (right - left);
  if (!std::isfinite(t)) {
    // No model of φ at hi (not finite): stay close to the good end.
    return lo.t < hi.t ? left + margin : right - margin;
  }
  return std::clamp(t, left + margin, right - margin);
}

}  // namespace

LineSearchResult strong_wolfe_search(LineFunction& line, double f0, double slope0, double t0,
                                     const LineSearchOptions& options) {
  const double armijo_slope = options.c1 * slope0;
  const double curvature_bound = -options.c2 * slope0;
  const auto armijo = [&](const Sample& s) { return s.f <= f0 + s.t * armijo_slope; };
  const auto accepted = [&](const Sample& s, std::int64_t trials) {
    return LineSearchResult{LineSearchStatus::kAccepted, s.t, s.f, s.slope, trials};
  };
  const LineSearchResult failed{LineSearchStatus::kFailed, 0.0, f0, slope0, options.max_trials};

  Sample previous{0.0, f0, slope0};
  Sample lo{}, hi{};
  double t = t0;
  std::int64_t trials = 0;
  bool bracketed = false;
  while (!bracketed) {
    if (trials == options.max_trials) return failed;
    const Sample s = line.at(t);
    ++trials;
    if (!std::isfinite(s.f) || !armijo(s) || (trials > 1 && s.f >= previous.f)) {
      lo = previous;
      hi = s;
      bracketed = true;
    } else if (std::fabs(s.slope) <= curvature_bound) {
      return accepted(s, trials);
    } else if (s.slope >= 0.0) {
      lo = s;
      hi = previous;
      bracketed = true;
    } else {
      const double width = s.t - previous.t;
      const double extrapolated = cubic_minimizer(previous.t, previous.f, previous.slope, s.t,
                                                  s.f, s.slope);
      const double low = s.t + 1.1 * width, high = s.t + 4.0 * width;
      t = std::isfinite(extrapolated) ? std::clamp(extrapolated, low, high) : high;
      previous = s;
    }
  }

  while (trials < options.max_trials) {
    const double width = std::fabs(hi.t - lo.t);
    if (width <= std::numeric_limits<double>::epsilon() * std::max(lo.t, hi.t)) return failed;
    const Sample s = line.at(zoom_trial(lo, hi));
    ++trials;
    if (!std::isfinite(s.f) || !armijo(s) || s.f >= lo.f) {
      hi = s;
    } else {
      if (std::fabs(s.slope) <= curvature_bound) return accepted(s, trials);
      if (s.slope * (hi.t - lo.t) >= 0.0) hi = lo;
      lo = s;
    }
  }
  return failed;
}

}  // namespace descent
