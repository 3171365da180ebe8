// L-BFGS (Nocedal 1980; Liu & Nocedal 1989; Nocedal & Wright 2006, §7.2): BFGS with H built
// from the last m = `memory` pairs sᵢ = θᵢ₊₁ − θᵢ, yᵢ = gᵢ₊₁ − gᵢ on top of H₀ = γI,
// γ = sᵀy / yᵀy of the newest pair:
//   d = −H g;   θ ← θ + t d   (line search from t₀ = 1; with no pairs yet d = −g and
//                              t₀ = min(1, 1/‖g‖₂))
// H g is computed in one of two equal forms:
//   form = "two_loop" (N&W Algorithm 7.4):
//     q ← g;  for i = newest … oldest: αᵢ = ρᵢ sᵢᵀq,  q ← q − αᵢ yᵢ     (ρᵢ = 1/yᵢᵀsᵢ)
//     r ← γ q; for i = oldest … newest: β = ρᵢ yᵢᵀr,  r ← r + (αᵢ − β) sᵢ;   H g = r
//   form = "compact" (default; Byrd, Nocedal & Schnabel 1994, eq. 3.1):
//     a = Sᵀg, b = Yᵀg,  R = upper triangle of SᵀY, D = diag(SᵀY)
//     u = R⁻¹ a,  p = R⁻ᵀ((D + γ YᵀY) u − γ b),   H g = γ g + S p − γ Y u
//   The compact form reads each stored vector twice per step (Sᵀg, Yᵀg in one blocked pass
//   that also gives the new column of SᵀY and YᵀY; then γg + Sp − γYu), where the two-loop
//   recursion reads each twice and also sweeps q 4m times: at large n, where a step is bound
//   by memory traffic, it is the faster one.
// A pair with yᵀs ≤ 10⁻¹⁰ ‖s‖‖y‖ (possible with Armijo) is not stored.
// Trace columns: curvature (yᵀs), update_skipped, step_size, ls_trials.
#pragma once

#include <cstdint>
#include <vector>

#include "descent/line_search/line_search.hpp"
#include "descent/optimizers/optimizer.hpp"
#include "descent/optimizers/search_step.hpp"

namespace descent {

enum class LbfgsForm { kTwoLoop, kCompact };

struct LbfgsOptions {
  std::int64_t memory = 10;
  LbfgsForm form = LbfgsForm::kCompact;
  LineSearchOptions search{};

  template <class V>
  void visit(V& v) {
    static constexpr std::pair<std::string_view, LbfgsForm> kForms[] = {
        {"two_loop", LbfgsForm::kTwoLoop}, {"compact", LbfgsForm::kCompact}};
    v.integer("memory", memory, Range::closed(1, 1000), "pairs (s, y) kept, m");
    v.choice("form", form, kForms,
             "how H g is computed: two-loop recursion or compact representation (equal in "
             "exact arithmetic)");
    search.visit(v);
  }
  void validate() const { search.validate(); }
};

class Lbfgs final : public Optimizer {
 public:
  using Options = LbfgsOptions;
  explicit Lbfgs(const Options& options) : options_(options) { validate_fields(options_); }

  void reset(Index dim) override;
  StepStatus step(Vector& x, StepContext& context) override;

 private:
  Index count() const { return static_cast<Index>(columns_.size()); }
  void two_loop_direction(const Vector& g);
  void compact_direction(const Vector& g);
  // The pair of the step just taken, into the spare column; kept when yᵀs > 0.
  void store_pair(const Vector& x, const Vector& g_old, StepContext& context);

  Options options_;
  Index memory_ = 0;
  // m + 1 columns: the stored pairs and one spare column for the next candidate pair.
  Matrix s_, y_;
  std::vector<Index> columns_;  // stored pairs, oldest first
  Index spare_ = 0;
  double gamma_ = 1.0;
  Vector direction_;
  SearchStep search_;

  // Two-loop: 1/yᵢᵀsᵢ and αᵢ, oldest first.
  Vector rho_, alpha_;
  // Compact: R and YᵀY (oldest first), whether the newest pair's column of them is still to be
  // computed, and the small vectors of one step.
  Matrix r_, yy_;
  bool newest_pending_ = false;
  Vector s_dot_g_, y_dot_g_, s_dot_y_, y_dot_y_;  // by storage column
  Vector a_, b_, u_, v_;                          // oldest first
  Vector s_coefficients_, y_coefficients_;        // by storage column
};

}  // namespace descent
