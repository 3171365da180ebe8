#include "descent/line_search/line_search.hpp"

#include "descent/line_search/armijo.hpp"
#include "descent/line_search/strong_wolfe.hpp"

namespace descent {

void LineSearchOptions::validate() const {
  if (!(c1 < c2))
    throw ConfigError("c2", "keys 'c1' = " + detail::real_text(c1) + " and 'c2' = " +
                                detail::real_text(c2) + " break the rule 0 < c1 < c2 < 1");
}

LineSearchResult search_line(LineFunction& line, double f0, double slope0, double t0,
                             const LineSearchOptions& options) {
  switch (options.line_search) {
    case LineSearchKind::kArmijo: return armijo_search(line, f0, slope0, t0, options);
    case LineSearchKind::kStrongWolfe: return strong_wolfe_search(line, f0, slope0, t0, options);
    case LineSearchKind::kNone: break;
  }
  const auto sample = line.at(t0);
  return {LineSearchStatus::kAccepted, t0, sample.f, sample.slope, line.evaluations()};
}

}  // namespace descent
