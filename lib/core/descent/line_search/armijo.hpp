// Backtracking line search to the Armijo condition (Nocedal & Wright 2006, Algorithm 3.1
// with the interpolation of §3.5):
//   t ← t₀;   while φ(t) > φ(0) + c₁ t φ'(0):   t ← clamp(t_q, 0.1 t, 0.5 t)
// where t_q = −φ'(0) t² / (2 (φ(t) − φ(0) − φ'(0) t)) minimises the quadratic through
// φ(0), φ'(0), φ(t). A non-finite φ(t) shrinks t by 10. Fails after `max_trials` trials.
// Only f is evaluated at the trials; ∇f once, at the accepted step (its φ'(t) is returned).
#pragma once

#include "descent/line_search/line_search.hpp"

namespace descent {

LineSearchResult armijo_search(LineFunction& line, double f0, double slope0, double t0,
                               const LineSearchOptions& options);

}  // namespace descent
