#include "descent/driver/stop_reason.hpp"

#include <array>
#include <utility>

namespace descent {

namespace {

constexpr std::array<std::pair<StopReason, std::string_view>, 13> kNames{{
    {StopReason::kConvergedStep, "converged_step"},
    {StopReason::kConvergedGrad, "converged_grad"},
    {StopReason::kTargetReached, "target_reached"},
    {StopReason::kFRelChange, "f_rel_change"},
    {StopReason::kMaxIter, "max_iter"},
    {StopReason::kMaxEvals, "max_evals"},
    {StopReason::kMaxSeconds, "max_seconds"},
    {StopReason::kDiverged, "diverged"},
    {StopReason::kNonFinite, "non_finite"},
    {StopReason::kLineSearchFailed, "line_search_failed"},
    {StopReason::kPrecisionLimit, "precision_limit"},
    {StopReason::kNotDescent, "not_descent"},
    {StopReason::kHessianSingular, "hessian_singular"},
}};

}  // namespace

std::string_view to_string(StopReason reason) {
  for (const auto& [r, name] : kNames)
    if (r == reason) return name;
  return "unknown";
}

std::optional<StopReason> stop_reason_from(std::string_view text) {
  for (const auto& [r, name] : kNames)
    if (name == text) return r;
  return std::nullopt;
}

std::string_view to_string(RunStatus status) {
  switch (status) {
    case RunStatus::kConverged: return "converged";
    case RunStatus::kBudget: return "budget";
    case RunStatus::kDiverged: return "diverged";
    case RunStatus::kFailed: return "failed";
  }
  return "unknown";
}

RunStatus status_of(StopReason reason) {
  switch (reason) {
    case StopReason::kConvergedStep:
    case StopReason::kConvergedGrad:
    case StopReason::kTargetReached:
    case StopReason::kFRelChange:
    // No decrease is representable in f along the method's direction: the run has gone as
    // far as double precision lets it, which is where a converged run ends too.
    case StopReason::kPrecisionLimit: return RunStatus::kConverged;
    case StopReason::kMaxIter:
    case StopReason::kMaxEvals:
    case StopReason::kMaxSeconds: return RunStatus::kBudget;
    case StopReason::kDiverged:
    case StopReason::kNonFinite: return RunStatus::kDiverged;
    case StopReason::kLineSearchFailed:
    case StopReason::kNotDescent:
    case StopReason::kHessianSingular: return RunStatus::kFailed;
  }
  return RunStatus::kFailed;
}

}  // namespace descent
