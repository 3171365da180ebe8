// Line searches along a descent direction d from x (Nocedal & Wright 2006, ch. 3):
//   φ(t) = f(x + t d),   φ'(t) = ∇f(x + t d)ᵀ d,   φ'(0) < 0.
// A step t is accepted when it satisfies the conditions its search claims:
//   Armijo (sufficient decrease)   φ(t) ≤ φ(0) + c₁ t φ'(0)
//   strong Wolfe                   Armijo and |φ'(t)| ≤ c₂ |φ'(0)|,   0 < c₁ < c₂ < 1
// A search that finds no such step within `max_trials` evaluations reports kFailed (the
// driver's stop reason line_search_failed); it never throws.
//
// Every trial evaluates f and ∇f together (one `value_gradient` call), and the accepted
// point is always the last one evaluated: its x and ∇f are left in the caller's trial
// buffers, ready to hand to the driver without evaluating again.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>

#include "descent/core/evaluator.hpp"
#include "descent/core/params.hpp"

namespace descent {

enum class LineSearchKind { kNone, kArmijo, kStrongWolfe };

inline constexpr std::pair<std::string_view, LineSearchKind> kLineSearchChoices[] = {
    {"none", LineSearchKind::kNone},
    {"armijo", LineSearchKind::kArmijo},
    {"strong_wolfe", LineSearchKind::kStrongWolfe}};

// The line-search fields every search-direction method shares. A method picks its own
// defaults by initialising the member that holds them.
struct LineSearchOptions {
  LineSearchKind line_search = LineSearchKind::kStrongWolfe;
  double c1 = 1e-4;             // 0 < c1 < c2 < 1
  double c2 = 0.9;
  std::int64_t max_trials = 20;  // evaluations per search

  template <class V>
  void visit(V& v) {
    v.choice("line_search", line_search, kLineSearchChoices,
             "none: step t = 1; armijo: backtracking to sufficient decrease; "
             "strong_wolfe: bracketing and zoom to the strong Wolfe conditions");
    v.real("c1", c1, Range::open_unit(), "sufficient decrease φ(t) ≤ φ(0) + c₁ t φ'(0)");
    v.real("c2", c2, Range::open_unit(), "curvature |φ'(t)| ≤ c₂ |φ'(0)| (strong_wolfe)");
    v.integer("max_trials", max_trials, Range::at_least(1), "evaluations per line search");
  }
  // 0 < c1 < c2 < 1, named by the key "c2".
  void validate() const;
};

enum class LineSearchStatus { kAccepted, kFailed };

struct LineSearchResult {
  LineSearchStatus status = LineSearchStatus::kFailed;
  double step = 0.0;   // t
  double f = 0.0;      // φ(t)
  double slope = 0.0;  // φ'(t)
  std::int64_t trials = 0;
};

// φ on the line x + t d. Trial points go to `trial_x`, their gradients to `trial_g`
// (both sized by the caller; nothing is allocated per trial).
class LineFunction {
 public:
  LineFunction(Evaluator& evaluator, const Vector& x, const Vector& d, Vector& trial_x,
               Vector& trial_g)
      : evaluator_(evaluator), x_(x), d_(d), trial_x_(trial_x), trial_g_(trial_g) {}

  struct Sample {
    double t, f, slope;
  };
  Sample at(double t) {
    trial_x_.noalias() = x_ + t * d_;
    const double f = evaluator_.value_gradient(trial_x_, trial_g_);
    ++evaluations_;
    return {t, f, trial_g_.dot(d_)};
  }
  std::int64_t evaluations() const { return evaluations_; }

 private:
  Evaluator& evaluator_;
  const Vector& x_;
  const Vector& d_;
  Vector& trial_x_;
  Vector& trial_g_;
  std::int64_t evaluations_ = 0;
};

// Runs the search `options.line_search` (armijo or strong_wolfe) from the trial step t0,
// given φ(0) = f0 and φ'(0) = slope0 < 0.
LineSearchResult search_line(LineFunction& line, double f0, double slope0, double t0,
                             const LineSearchOptions& options);

}  // namespace descent
