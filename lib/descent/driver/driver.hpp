// The driver: the one loop that runs every method.
//
//   θ₀ = x0;  evaluate f(θ₀), g(θ₀);  record row 0
//   for k = 0, 1, …:   stop if a rule holds (checked in the order below)
//       θₖ₊₁ = step(θₖ, g(θₖ), εₖ);  evaluate f, g at θₖ₊₁;  record
//
// Rules, in order: the method could not step (line_search_failed, not_descent,
// hessian_singular); f, g or θ not finite (non_finite); f > divergence.f_above (diverged);
// ‖g‖₂ ≤ grad_norm or ‖g‖∞ ≤ grad_norm_inf (converged_grad); f ≤ f_target
// (target_reached); ‖θₖ₊₁ − θₖ‖ < step_norm (converged_step); relative change of f below
// f_rel_change; max_evals; max_seconds; max_iter.
// A diverging run is data: it ends with its stop reason and its trajectory.
#pragma once

#include <cstdint>

#include "descent/core/objective.hpp"
#include "descent/driver/run_result.hpp"
#include "descent/driver/run_settings.hpp"
#include "descent/optimizers/optimizer.hpp"

namespace descent {

RunResult run_optimizer(const Objective& objective, Optimizer& optimizer, const Vector& x0,
                        const RunSettings& settings, std::uint64_t seed = 0);

}  // namespace descent
