// Gradient clipping (Pascanu, Mikolov & Bengio 2013; Goodfellow et al. 2016, §10.11.1): the
// driver clips every gradient it hands a method, at the iterate and in `gradient_at`.
//
//   clip = { norm = c }    g ← g · c/‖g‖₂  when ‖g‖₂ > c   (direction kept, length ≤ c)
//   clip = { value = c }   gᵢ ← min(max(gᵢ, −c), c)         (elementwise; direction may turn)
//
// The trace keeps the norm before clipping (raw_grad_norm), the factor ‖g_clipped‖/‖g‖
// (clip_factor, 1 when nothing was clipped) and whether any clipping happened (clipped).
// A gradient that is not finite is left as it is: the run ends with `non_finite`.
#pragma once

#include <optional>

#include "descent/core/params.hpp"
#include "descent/core/types.hpp"

namespace descent {

struct ClipSettings {
  std::optional<double> norm = std::nullopt;   // c > 0: rescale g to length c when longer
  std::optional<double> value = std::nullopt;  // c > 0: clamp each component to [−c, c]

  template <class V>
  void visit(V& v) {
    v.optional_real("norm", norm, Range::positive(), "rescale g to ‖g‖₂ = c when ‖g‖₂ > c");
    v.optional_real("value", value, Range::positive(), "clamp every gᵢ to [−c, c]");
  }
  void validate() const;
  bool active() const { return norm || value; }
};

struct ClipOutcome {
  double raw_norm = 0.0;  // ‖g‖₂ before clipping
  double factor = 1.0;    // ‖g‖₂ after / before (1 when unchanged)
  bool clipped = false;
};

// ‖g‖₂ of one gradient, in one pass over g when it is finite: `plain` as Eigen's norm() gives
// it, `safe` also for finite g with huge components (a cliff's gradient, whose plain norm
// overflows), and whether every gᵢ is finite.
struct GradientNorm {
  double plain = 0.0;
  double safe = 0.0;
  bool finite = true;
};
GradientNorm gradient_norm(const Vector& g);

// Clips g in place as `settings` says; with no rule set, g is unchanged. `norm` is
// gradient_norm(g), for a caller that has it already.
ClipOutcome clip_gradient(const ClipSettings& settings, Vector& g, const GradientNorm& norm);
ClipOutcome clip_gradient(const ClipSettings& settings, Vector& g);

}  // namespace descent
