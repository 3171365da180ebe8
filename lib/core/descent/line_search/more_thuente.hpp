// The line search of Moré & Thuente (1994), "Line search algorithms with guaranteed
// sufficient decrease", ACM TOMS 20(3) 286–307: the search of MINPACK-2 (dcsrch, dcstep) and
// L-BFGS-B (LBFGSpp's LineSearchMoreThuente simplifies it; docs/methods.md, "Line
// searches"). It looks for a step with
//   φ(t) ≤ φ(0) + c₁ t φ'(0)   and   |φ'(t)| ≤ c₂ |φ'(0)|          (strong Wolfe)
// keeping an interval I with ends tₓ (the step with the least value so far) and t_y:
//   stage 1, while no trial has both ψ(t) ≤ 0 and φ'(t) ≥ 0, works on the auxiliary function
//     ψ(t) = φ(t) − φ(0) − c₁ t φ'(0) when the trial lowered the least value without
//     sufficient decrease (§3), and on φ otherwise; stage 2 on φ throughout.
//   each trial t updates I and picks the next one by the safeguarded step of §4 (dcstep),
//     with fₜ, gₜ the function and slope at the trial and fₓ, gₓ at tₓ:
//     case 1, fₜ > fₓ:  the minimiser is bracketed; the cubic step t_c if it is closer to tₓ
//       than the quadratic step t_q (through fₓ, gₓ, fₜ), else (t_c + t_q)/2;
//     case 2, fₜ ≤ fₓ, gₜ gₓ < 0:  bracketed; t_c or the secant step t_s, whichever is
//       farther from t;
//     case 3, fₜ ≤ fₓ, gₜ gₓ ≥ 0, |gₜ| < |gₓ|:  the cubic step if the cubic tends to infinity in
//       that direction (else the end of the allowed range), or t_s, whichever is closer to t
//       when bracketed (then at most 0.66 of the way to t_y), farther when not;
//     case 4, otherwise: the cubic step through t and t_y when bracketed, else the end of the
//       allowed range;
//     then tₓ ← t if fₜ ≤ fₓ, and t_y ← the old tₓ in case 2, t_y ← t in case 1.
//   while not bracketed, the next trial stays in [t + 1.1 (t − tₓ), t + 4 (t − tₓ)];
//     once bracketed, a bracket that did not shrink to 0.66 of its width two trials before is
//     bisected.
// Conventions here: t_min = 0 and no upper bound on t (L-BFGS-B bounds t by the box; there
// is none). A trial whose f or φ' is not finite becomes the far end t_y of a bracket and
// the next trial is the midpoint towards tₓ; a step that comes out non-finite is replaced
// by bisection. MINPACK's "rounding errors prevent progress" and "xtol" warnings (a next
// trial on or outside the bracket, or a bracket narrower than ε t) are failures, as are
// `max_trials` trials without an acceptable step.
#pragma once

#include "descent/line_search/line_search.hpp"

namespace descent {

LineSearchResult more_thuente_search(LineFunction& line, double f0, double slope0, double t0,
                                     const LineSearchOptions& options);

// The interval of uncertainty: x the end with the least value, y the other; `bracketed`
// once it is known to contain a step satisfying the conditions.
struct MoreThuenteInterval {
  LineFunction::Sample x;
  LineFunction::Sample y;
  bool bracketed = false;
};

// The safeguarded step of §4 (dcstep) for the trial `trial`: updates the interval as above
// and returns the next trial step; while not bracketed, within [t_low, t_high].
double more_thuente_step(MoreThuenteInterval& interval, const LineFunction::Sample& trial,
                         double t_low, double t_high);

}  // namespace descent
