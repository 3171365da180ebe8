// The driver: the one loop that runs every method.
//
//   θ₀ = x0;  evaluate f(θ₀), g(θ₀);  record row 0
//   for k = 0, 1, …:   stop if a rule holds (checked in the order below)
//       θₖ₊₁ = step(θₖ, g(θₖ), εₖ);  evaluate f, g at θₖ₊₁;  record
//
// Around the method the driver alone applies (docs/training.md):
// - minibatches (`batch`): f and g at θₖ are the mean over a batch Bₖ drawn by a
//   MinibatchSampler seeded with `seed`; `gradient_at` uses the same Bₖ. Values a method
//   hands over are not used then: every iterate gets its own batch. The full loss is
//   recorded (column full_loss, not counted as evaluations) at the first and last rows and
//   every `record.full_loss_every` iterations; f_final and grad_norm_final are the full ones.
// - clipping (`clip`): every gradient handed to the method, at θₖ and in `gradient_at`;
//   raw_grad_norm, clip_factor and clipped record it, and the gradient stop rules test the
//   gradient before clipping.
// - the schedule (`schedule`): εₖ from the method's base rate (lr column).
// - per-block gradient norms "grad_norm_<block>" (before clipping) and the objective's
//   diagnostics, at every recorded row (`record.diagnostics`).
//
// Rules, in order: the method could not step (line_search_failed, not_descent,
// hessian_singular; converged_grad when g = 0 exactly at θₖ, a stationary point); f, g or θ
// not finite at the accepted iterate (non_finite: a rejected trial of a line search may be
// anything); f > divergence.f_above (diverged);
// ‖g‖₂ ≤ grad_norm or ‖g‖∞ ≤ grad_norm_inf (converged_grad); f ≤ f_target
// (target_reached); ‖θₖ₊₁ − θₖ‖ < step_norm (converged_step); relative change of f below
// f_rel_change; max_evals; max_seconds; max_iter.
// A diverging run is data: it ends with its stop reason and its trajectory. Whatever ends the
// run, the last trace row is its final iterate (θₖ of a step that failed, k = iterations).
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
