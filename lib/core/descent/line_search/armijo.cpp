#include "descent/line_search/armijo.hpp"

#include <algorithm>
#include <cmath>

namespace descent {

LineSearchResult armijo_search(LineFunction& line, double f0, double slope0, double t0,
                               const LineSearchOptions& options) {
  double t = t0;
  for (std::int64_t trial = 1; trial <= options.max_trials; ++trial) {
    const double f = line.value_at(t);
    if (std::isfinite(f) && f <= f0 + options.c1 * t * slope0)
      return {LineSearchStatus::kAccepted, t, f, line.slope_at_last(), trial};
    const double curvature = f - f0 - slope0 * t;
    const double t_q = -slope0 * t * t / (2.0 * curvature);
    t = std::isfinite(t_q) ? std::clamp(t_q, 0.1 * t, 0.5 * t) : 0.1 * t;
  }
  return {LineSearchStatus::kFailed, 0.0, f0, slope0, options.max_trials};
}

}  // namespace descent
