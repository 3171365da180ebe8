#include "descent/driver/clipping.hpp"

#include <algorithm>
#include <cmath>

namespace descent {

namespace {

// ‖g‖₂ without overflow for finite g with huge components (a cliff's gradient).
double safe_norm(const Vector& g) {
  const double norm = g.norm();
  if (std::isfinite(norm) || !g.allFinite()) return norm;
  return g.stableNorm();
}

}  // namespace

void ClipSettings::validate() const {
  if (norm && value)
    throw ConfigError("value", "keys 'norm' and 'value' exclude each other: clip either by the "
                               "gradient's norm or elementwise");
}

ClipOutcome clip_gradient(const ClipSettings& settings, Vector& g) {
  ClipOutcome outcome;
  outcome.raw_norm = safe_norm(g);
  if (!settings.active() || !g.allFinite()) return outcome;
  if (settings.norm) {
    const double c = *settings.norm;
    if (outcome.raw_norm > c) {
      outcome.factor = c / outcome.raw_norm;
      outcome.clipped = true;
      g *= outcome.factor;
    }
    return outcome;
  }
  const double c = *settings.value;
  if (g.cwiseAbs().maxCoeff() > c) {
    g = g.cwiseMax(-c).cwiseMin(c);
    outcome.clipped = true;
    outcome.factor = outcome.raw_norm > 0.0 ? safe_norm(g) / outcome.raw_norm : 1.0;
  }
  return outcome;
}

}  // namespace descent
