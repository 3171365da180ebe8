// Why a run ended, and the coarse status it belongs to. Both are stored as text in the
// results file (docs/results.md).
#pragma once

#include <optional>
#include <string_view>

namespace descent {

enum class StopReason {
  kConvergedStep,     // ‖θₖ − θₖ₋₁‖ < step_norm (the lecture's rule)
  kConvergedGrad,     // ‖g‖₂ ≤ grad_norm, or ‖g‖∞ ≤ grad_norm_inf, or a method that cannot
                      // step from g = 0 exactly
  kTargetReached,     // f ≤ f_target
  kFRelChange,        // |fₖ − fₖ₋₁| ≤ f_rel_change · max(|fₖ₋₁|, tiny)
  kMaxIter,
  kMaxEvals,
  kMaxSeconds,
  kDiverged,          // f above divergence.f_above
  kNonFinite,         // f, g or θ not finite
  kLineSearchFailed,
  kPrecisionLimit,    // the line search met the rounding floor of f (line_search.hpp)
  kNotDescent,
  kHessianSingular,
};

// converged, budget (a limit was reached), diverged, or failed (the method could not step).
enum class RunStatus { kConverged, kBudget, kDiverged, kFailed };

std::string_view to_string(StopReason reason);
std::string_view to_string(RunStatus status);
RunStatus status_of(StopReason reason);
std::optional<StopReason> stop_reason_from(std::string_view text);

}  // namespace descent
