// Line searches along a descent direction d from x (Nocedal & Wright 2006, ch. 3):
//   φ(t) = f(x + t d),   φ'(t) = ∇f(x + t d)ᵀ d,   φ'(0) < 0.
// A step t is accepted when it satisfies the conditions its search claims:
//   Armijo (sufficient decrease)   φ(t) ≤ φ(0) + c₁ t φ'(0)
//   strong Wolfe                   Armijo and |φ'(t)| ≤ c₂ |φ'(0)|,   0 < c₁ < c₂ < 1
// A search that finds no such step within `max_trials` trials reports kFailed (the driver's
// stop reason line_search_failed), or kPrecisionLimit when the failure is the rounding floor
// of f (stop reason precision_limit). With δ = kRoundingUlps · ε · |φ(0)| (ε = 2⁻⁵²: δ is 8
// ulps of f) and φ_low the lowest value of the trials, that is when
//   φ(0) − kFloorUlps · ε · |φ(0)| ≤ φ_low ≤ φ(0) + δ     all it found is a decrease of at
//                                                         most rounding size (512 ulps),
//   and |φ(t) − φ_low| ≤ δ or |t φ'(0)| ≤ δ              its last trial t could not tell
//                                                         itself from the best one, or its
//                                                         linear decrease is below rounding:
// the search failed because f can no longer resolve the comparisons it makes (comparisons
// of values a few ulps apart decide the bracket), not because no step exists. A search
// never throws.
//
// The Wolfe searches evaluate f and ∇f together at every trial (one `value_gradient` call);
// Armijo backtracking evaluates f alone at its trials and ∇f once, at the accepted step. The
// accepted point is always the last one evaluated: its x and ∇f are left in the caller's
// trial buffers, ready to hand to the driver without evaluating again.
#pragma once

#include <cstdint>
#include <limits>
#include <string_view>
#include <utility>

#include "descent/core/evaluator.hpp"
#include "descent/core/params.hpp"

namespace descent {

enum class LineSearchKind { kNone, kArmijo, kStrongWolfe, kMoreThuente };

inline constexpr std::pair<std::string_view, LineSearchKind> kLineSearchChoices[] = {
    {"none", LineSearchKind::kNone},
    {"armijo", LineSearchKind::kArmijo},
    {"strong_wolfe", LineSearchKind::kStrongWolfe},
    {"more_thuente", LineSearchKind::kMoreThuente}};

// Ulps of f that rounding may move φ by between two nearby trials, and the largest decrease
// a search at the rounding floor may have found (see the header comment).
inline constexpr double kRoundingUlps = 8.0;
inline constexpr double kFloorUlps = 512.0;

// The line-search fields every search-direction method shares. A method picks its own
// defaults by initialising the member that holds them.
struct LineSearchOptions {
  LineSearchKind line_search = LineSearchKind::kStrongWolfe;
  double c1 = 1e-4;             // 0 < c1 < c2 < 1
  double c2 = 0.9;
  std::int64_t max_trials = 20;  // trial steps per search

  template <class V>
  void visit(V& v) {
    v.choice("line_search", line_search, kLineSearchChoices,
             "none: step t = 1; armijo: backtracking to sufficient decrease; "
             "strong_wolfe: bracketing and zoom to the strong Wolfe conditions; "
             "more_thuente: Moré & Thuente (1994) safeguarded interpolation to the strong Wolfe "
             "conditions");
    v.real("c1", c1, Range::open_unit(), "sufficient decrease φ(t) ≤ φ(0) + c₁ t φ'(0)");
    v.real("c2", c2, Range::open_unit(), "curvature |φ'(t)| ≤ c₂ |φ'(0)| (strong_wolfe, more_thuente)");
    v.integer("max_trials", max_trials, Range::at_least(1), "trial steps per line search");
  }
  // 0 < c1 < c2 < 1, named by the key "c2".
  void validate() const;
};

enum class LineSearchStatus { kAccepted, kFailed, kPrecisionLimit };

struct LineSearchResult {
  LineSearchStatus status = LineSearchStatus::kFailed;
  double step = 0.0;   // t
  double f = 0.0;      // φ(t)
  double slope = 0.0;  // φ'(t)
  std::int64_t trials = 0;
};

// φ on the line x + t d. Trial points go to `trial_x`, their gradients to `trial_g`
// (both sized by the caller; nothing is allocated per trial). It remembers what the
// rounding-floor test needs: the lowest φ seen and the last trial.
class LineFunction {
 public:
  LineFunction(Evaluator& evaluator, const Vector& x, const Vector& d, Vector& trial_x,
               Vector& trial_g)
      : evaluator_(evaluator), x_(x), d_(d), trial_x_(trial_x), trial_g_(trial_g) {}

  struct Sample {
    double t, f, slope;
  };
  // φ(t) and φ'(t).
  Sample at(double t) {
    const double f = value_at(t, true);
    return {t, f, trial_g_.dot(d_)};
  }
  // φ(t) alone: ∇f is not evaluated.
  double value_at(double t) { return value_at(t, false); }
  // φ'(t) at the last trial, evaluating ∇f there (after value_at).
  double slope_at_last() {
    evaluator_.gradient(trial_x_, trial_g_);
    return trial_g_.dot(d_);
  }

  std::int64_t evaluations() const { return evaluations_; }
  double lowest_f() const { return lowest_f_; }
  double last_t() const { return last_t_; }
  double last_f() const { return last_f_; }

 private:
  double value_at(double t, bool with_gradient) {
    trial_x_.noalias() = x_ + t * d_;
    const double f = with_gradient ? evaluator_.value_gradient(trial_x_, trial_g_)
                                   : evaluator_.value(trial_x_);
    ++evaluations_;
    last_t_ = t;
    last_f_ = f;
    if (f < lowest_f_) lowest_f_ = f;
    return f;
  }

  Evaluator& evaluator_;
  const Vector& x_;
  const Vector& d_;
  Vector& trial_x_;
  Vector& trial_g_;
  std::int64_t evaluations_ = 0;
  double lowest_f_ = std::numeric_limits<double>::infinity();
  double last_t_ = 0.0;
  double last_f_ = std::numeric_limits<double>::quiet_NaN();
};

// Runs the search `options.line_search` from the trial step t0, given φ(0) = f0 and
// φ'(0) = slope0 < 0; a failure at the rounding floor is reported as kPrecisionLimit.
LineSearchResult search_line(LineFunction& line, double f0, double slope0, double t0,
                             const LineSearchOptions& options);

// Whether a failed search met the rounding floor of f (the rule in the header comment).
bool at_rounding_floor(const LineFunction& line, double f0, double slope0);

}  // namespace descent
