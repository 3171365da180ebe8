// The measurements the studies make on a recorded trace of errors eₖ (k the iteration):
//
// fit_linear_rate: the linear rate r of eₖ ≈ C rᵏ, by least squares of log eₖ on k over the
//   asymptotic part of the trace: the recorded k in [K/2, K], where K is the last recorded
//   iteration whose error is still above floor·e₀ (floor = 1e-12 keeps the fit above
//   double-precision rounding, where eₖ stops falling). With `polynomial_factor` the model is
//   eₖ ≈ C k rᵏ (a double eigenvalue of the iteration matrix, heavy ball at its optimal
//   parameters): log(eₖ/k) is fitted instead. At least three recorded points are needed.
// iterations_to: the first k with eₖ ≤ target, interpolated linearly in log e between the
//   two recorded rows around the crossing (exact for a linear rate, so log-spaced recording
//   loses nothing); nothing when the trace never reaches the target.
// loglog_slope: least-squares slope of log y on log x.
// median: of the measurements over several starts.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace descent::studies {

inline constexpr double kRateFitFloor = 1e-12;

struct RateFit {
  double rate = 0.0;
  std::int64_t first = 0, last = 0;  // the iterations the fit used
  std::size_t points = 0;
};

std::optional<RateFit> fit_linear_rate(const std::vector<std::int64_t>& k,
                                       const std::vector<double>& e, bool polynomial_factor = false);

std::optional<double> iterations_to(const std::vector<std::int64_t>& k, const std::vector<double>& e,
                                    double target);

double loglog_slope(const std::vector<double>& x, const std::vector<double>& y);

// The median (the mean of the two middle values for an even count); `values` non-empty.
double median(std::vector<double> values);

// Least-squares slope of y on x.
double least_squares_slope(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace descent::studies
