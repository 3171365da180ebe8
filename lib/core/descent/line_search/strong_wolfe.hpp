// Line search to the strong Wolfe conditions by bracketing and zoom (Nocedal & Wright 2006,
// Algorithms 3.5 and 3.6):
//   bracketing: from t₀, while φ(t) satisfies Armijo, is below the previous trial and
//     φ'(t) < 0 with |φ'(t)| > c₂|φ'(0)|, extrapolate t (cubic interpolation, safeguarded to
//     t + [1.1, 4]·(t − t_prev)); a trial that breaks Armijo, or rises, or has φ'(t) ≥ 0
//     brackets a strong Wolfe step between two trials.
//   zoom: on the bracket [lo, hi] (lo the best Armijo point so far) try the minimiser of the
//     cubic through φ and φ' at both ends (quadratic, then bisection, when that fails),
//     kept at least 10% of the bracket away from its ends; replace an end as in Alg. 3.6.
// Accepts the first trial that satisfies both conditions; fails after `max_trials` trials or
// when the bracket shrinks below rounding. Moré & Thuente (1994) motivate the safeguards.
#pragma once

#include "descent/line_search/line_search.hpp"

namespace descent {

LineSearchResult strong_wolfe_search(LineFunction& line, double f0, double slope0, double t0,
                                     const LineSearchOptions& options);

// Minimiser of the cubic through (a, fa, da) and (b, fb, db) (N&W eq. 3.59); NaN when the
// cubic has no minimiser.
double cubic_minimizer(double a, double fa, double da, double b, double fb, double db);
// Minimiser of the quadratic through (a, fa, da) and (b, fb); NaN when it has none.
double quadratic_minimizer(double a, double fa, double da, double b, double fb);

}  // namespace descent
