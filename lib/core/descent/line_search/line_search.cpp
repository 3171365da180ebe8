#include "descent/line_search/line_search.hpp"

#include <cmath>

#include "descent/line_search/armijo.hpp"
#include "descent/line_search/more_thuente.hpp"
#include "descent/line_search/strong_wolfe.hpp"

namespace descent {

void LineSearchOptions::validate() const {
  if (!(c1 < c2))
    throw ConfigError("c2", "keys 'c1' = " + detail::real_text(c1) + " and 'c2' = " +
                                detail::real_text(c2) + " break the rule 0 < c1 < c2 < 1");
}

bool at_rounding_floor(const LineFunction& line, double f0, double slope0) {
  constexpr double kEps = std::numeric_limits<double>::epsilon();
  const double last = line.last_f(), lowest = line.lowest_f();
  if (line.evaluations() == 0 || !std::isfinite(f0) || !std::isfinite(last)) return false;
  const double rounding = kRoundingUlps * kEps * std::fabs(f0);
  const bool small_change = lowest >= f0 - kFloorUlps * kEps * std::fabs(f0) && lowest <= f0 + rounding;
  const bool settled = std::fabs(last - lowest) <= rounding ||
                       std::fabs(line.last_t() * slope0) <= rounding;
  return small_change && settled;
}

LineSearchResult search_line(LineFunction& line, double f0, double slope0, double t0,
                             const LineSearchOptions& options) {
  LineSearchResult result;
  switch (options.line_search) {
    case LineSearchKind::kArmijo: result = armijo_search(line, f0, slope0, t0, options); break;
    case LineSearchKind::kStrongWolfe:
      result = strong_wolfe_search(line, f0, slope0, t0, options);
      break;
    case LineSearchKind::kMoreThuente:
      result = more_thuente_search(line, f0, slope0, t0, options);
      break;
    case LineSearchKind::kNone: {
      const auto sample = line.at(t0);
      return {LineSearchStatus::kAccepted, t0, sample.f, sample.slope, line.evaluations()};
    }
  }
  if (result.status == LineSearchStatus::kFailed && at_rounding_floor(line, f0, slope0))
    result.status = LineSearchStatus::kPrecisionLimit;
  return result;
}

}  // namespace descent
