#include "descent/driver/clipping.hpp"

#include <algorithm>
#include <cmath>

namespace descent {

// A finite sum of squares means every gᵢ is finite: only an overflowing or non-finite norm
// needs the second pass that tells the two apart.
GradientNorm gradient_norm(const Vector& g) {
  GradientNorm norm;
  norm.plain = g.norm();
  norm.finite = std::isfinite(norm.plain) || g.allFinite();
  norm.safe = std::isfinite(norm.plain) || !norm.finite ? norm.plain : g.stableNorm();
  return norm;
}

void ClipSettings::validate() const {
  if (norm && value)
    throw ConfigError("value", "keys 'norm' and 'value' exclude each other: clip either by the "
                               "gradient's norm or elementwise");
}

ClipOutcome clip_gradient(const ClipSettings& settings, Vector& g) {
  return clip_gradient(settings, g, gradient_norm(g));
}

ClipOutcome clip_gradient(const ClipSettings& settings, Vector& g, const GradientNorm& norm) {
  ClipOutcome outcome;
  outcome.raw_norm = norm.safe;
  if (!settings.active() || !norm.finite) return outcome;
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
    outcome.factor = outcome.raw_norm > 0.0 ? gradient_norm(g).safe / outcome.raw_norm : 1.0;
  }
  return outcome;
}

}  // namespace descent
