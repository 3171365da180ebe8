// L-BFGS: Lbfgs::kDoc below.
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
    v.group(search);
    v.integer("memory", memory, Range::closed(1, 1000), "pairs (s, y) kept, m");
  }
};

class Lbfgs final : public OptimizerWith<LbfgsOptions> {
 public:
  static constexpr MethodDoc kDoc{
      .name = "lbfgs",
      .summary = "limited-memory BFGS from the last m pairs (s, y)",
      .formula = R"(d = −H g,  H from H₀ = γI (γ = sᵀy/yᵀy, newest pair) and the last m pairs;
θ ← θ + t d (t₀ = 1; no pairs yet: d = −g, t₀ = min(1, 1/‖g‖₂))
two-loop recursion (ρᵢ = 1/yᵢᵀsᵢ):
  q ← g;  newest → oldest: αᵢ = ρᵢ sᵢᵀq,  q ← q − αᵢ yᵢ
  r ← γq; oldest → newest: β = ρᵢ yᵢᵀr,  r ← r + (αᵢ − β) sᵢ;   H g = r
pairs with yᵀs ≤ 10⁻¹⁰‖s‖‖y‖ (possible with Armijo) are not stored)",
      .source = "Nocedal (1980); Liu & Nocedal (1989); Nocedal & Wright (2006), §7.2, "
                "Algorithm 7.4"};
  using OptimizerWith::OptimizerWith;

  void reset(Index dim) override;
  StepStatus step(Vector& x, StepContext& context) override;

 private:
  Index count() const { return static_cast<Index>(columns_.size()); }
  // d = −H g by the two-loop recursion; returns gᵀd.
  double two_loop_direction(const Vector& g);
  // The pair of the step just taken, into the spare column; kept when yᵀs > 0.
  void store_pair(const Vector& x, const Vector& g_old, StepContext& context);

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
