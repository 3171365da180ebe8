#include "descent/analysis/studies/fits.hpp"

#include <algorithm>
#include <cmath>

namespace descent::studies {

double least_squares_slope(const std::vector<double>& x, const std::vector<double>& y) {
  const auto n = static_cast<double>(x.size());
  double mx = 0.0, my = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    mx += x[i] / n;
    my += y[i] / n;
  }
  double sxy = 0.0, sxx = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
  }
  return sxx > 0.0 ? sxy / sxx : std::nan("");
}

std::optional<RateFit> fit_linear_rate(const std::vector<std::int64_t>& k,
                                       const std::vector<double>& e, bool polynomial_factor) {
  if (e.empty() || !(e.front() > 0.0) || !std::isfinite(e.front())) return std::nullopt;
  std::int64_t last = -1;
  for (std::size_t i = 0; i < e.size(); ++i)
    if (std::isfinite(e[i]) && e[i] > kRateFitFloor * e.front()) last = k[i];
  if (last <= 0) return std::nullopt;
  std::vector<double> ks, logs;
  for (std::size_t i = 0; i < e.size(); ++i) {
    if (k[i] * 2 < last || k[i] > last || k[i] == 0 || !(e[i] > 0.0) || !std::isfinite(e[i])) continue;
    ks.push_back(static_cast<double>(k[i]));
    logs.push_back(std::log(e[i]) - (polynomial_factor ? std::log(static_cast<double>(k[i])) : 0.0));
  }
  if (ks.size() < 3) return std::nullopt;
  RateFit fit;
  fit.rate = std::exp(least_squares_slope(ks, logs));
  fit.first = static_cast<std::int64_t>(ks.front());
  fit.last = static_cast<std::int64_t>(ks.back());
  fit.points = ks.size();
  return fit;
}

std::optional<double> iterations_to(const std::vector<std::int64_t>& k, const std::vector<double>& e,
                                    double target) {
  for (std::size_t i = 0; i < e.size(); ++i) {
    if (!(e[i] <= target)) continue;
    if (i == 0) return static_cast<double>(k[0]);
    const double a = std::log(e[i - 1]), b = std::log(e[i]), t = std::log(target);
    if (!std::isfinite(a) || !std::isfinite(b) || a == b) return static_cast<double>(k[i]);
    return static_cast<double>(k[i - 1]) + (a - t) / (a - b) * static_cast<double>(k[i] - k[i - 1]);
  }
  return std::nullopt;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

double loglog_slope(const std::vector<double>& x, const std::vector<double>& y) {
  std::vector<double> lx, ly;
  for (std::size_t i = 0; i < x.size(); ++i) {
    lx.push_back(std::log(x[i]));
    ly.push_back(std::log(y[i]));
  }
  return least_squares_slope(lx, ly);
}

}  // namespace descent::studies
