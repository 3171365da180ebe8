// L-BFGS (Nocedal 1980; Liu & Nocedal 1989; Nocedal & Wright 2006, §7.2): BFGS with H built
// from the last m = `memory` pairs sᵢ = θᵢ₊₁ − θᵢ, yᵢ = gᵢ₊₁ − gᵢ on top of H₀ = γI,
// γ = sᵀy / yᵀy of the newest pair:
//   d = −H g;   θ ← θ + t d   (line search from t₀ = 1; with no pairs yet d = −g and
//                              t₀ = min(1, 1/‖g‖₂))
// with H g by the two-loop recursion (N&W Algorithm 7.4), ρᵢ = 1/yᵢᵀsᵢ:
//   q ← g;   for i = newest … oldest:  αᵢ = ρᵢ sᵢᵀq,  q ← q − αᵢ yᵢ
//   r ← γ q; for i = oldest … newest:  β = ρᵢ yᵢᵀr,  r ← r + (αᵢ − β) sᵢ;     H g = r
// A pair with yᵀs ≤ 10⁻¹⁰ ‖s‖‖y‖ (possible with Armijo) is not stored.
// Trace columns: curvature (yᵀs), update_skipped, step_size, ls_trials.
#pragma once

#include <cstdint>
#include <vector>

#include "descent/line_search/line_search.hpp"
#include "descent/optimizers/optimizer.hpp"
#include "descent/optimizers/search_step.hpp"

namespace descent {

struct LbfgsOptions {
  std::int64_t memory = 10;
  LineSearchOptions search{};

  template <class V>
  void visit(V& v) {
    v.integer("memory", memory, Range::closed(1, 1000), "pairs (s, y) kept, m");
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
  // d = −H g by the two-loop recursion; returns gᵀd.
  double two_loop_direction(const Vector& g);
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

  Vector rho_, alpha_;  // 1/yᵢᵀsᵢ and αᵢ, oldest first
};

}  // namespace descent
