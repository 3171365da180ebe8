// RunSettings: everything about a run that is not the objective, the start or the method:
// iteration cap, stopping rules, recording, divergence bound, gradient clipping, learning-rate
// schedule and minibatches. A suite's `[run]` table and an optimizer's `run = {...}` override
// fill it; each sub-table has its own field list.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "descent/core/params.hpp"
#include "descent/driver/clipping.hpp"
#include "descent/driver/minibatch.hpp"
#include "descent/driver/schedule.hpp"

namespace descent {

// Every rule is off unless set; the run stops at the first that holds.
struct StopRules {
  std::optional<double> step_norm;      // ‖θₖ − θₖ₋₁‖₂ < tol
  std::optional<double> grad_norm;      // ‖g‖₂ ≤ tol
  std::optional<double> grad_norm_inf;  // ‖g‖∞ ≤ tol
  std::optional<double> f_target;       // f ≤ target
  std::optional<double> f_rel_change;   // |fₖ − fₖ₋₁| ≤ tol · max(|fₖ₋₁|, 1e-300)
  std::optional<std::int64_t> max_evals;  // f + ∇f + ∇²f + Hv calls
  std::optional<double> max_seconds;

  template <class V>
  void visit(V& v) {
    v.optional_real("step_norm", step_norm, Range::positive(), "stop when ‖θₖ − θₖ₋₁‖ < tol");
    v.optional_real("grad_norm", grad_norm, Range::positive(), "stop when ‖g‖₂ ≤ tol");
    v.optional_real("grad_norm_inf", grad_norm_inf, Range::positive(), "stop when ‖g‖∞ ≤ tol");
    v.optional_real("f_target", f_target, Range::any(), "stop when f ≤ target");
    v.optional_real("f_rel_change", f_rel_change, Range::positive(),
                    "stop when |fₖ − fₖ₋₁| ≤ tol·|fₖ₋₁|");
    v.optional_integer("max_evals", max_evals, Range::at_least(1), "stop after this many evaluations");
    v.optional_real("max_seconds", max_seconds, Range::positive(), "stop after this wall time");
  }
};

// Which iterations the trace keeps (Recorder): every `every`-th, or with `log` = n about n per
// decade of k; the first and the last always.
struct RecordSettings {
  std::int64_t every = 1;   // keep every k-th iteration
  std::optional<std::int64_t> log;  // keep ~n rows per decade of k (instead of every)
  std::optional<bool> x;    // store the iterates; default: when dim ≤ 64
  std::int64_t full_loss_every = 0;  // minibatch runs: full loss every k-th iteration (0: first and last only)
  bool diagnostics = true;  // per-block gradient norms and the objective's diagnostics

  template <class V>
  void visit(V& v) {
    v.integer("every", every, Range::at_least(1), "record every k-th iteration");
    v.optional_integer("log", log, Range::closed(1, 1000),
                       "record about this many iterations per decade of k (not with every)");
    v.optional_flag("x", x, "store iterates (default: when dim <= 64)");
    v.integer("full_loss_every", full_loss_every, Range::at_least(0),
              "minibatch runs: record the full loss every k-th iteration (0: first and last rows)");
    v.flag("diagnostics", diagnostics,
           "record per-block gradient norms and the objective's diagnostics");
  }
  void validate() const {
    if (log && every != 1)
      throw ConfigError("log", "keys 'log' and 'every' both thin the trace: set one of them "
                               "(every = " + std::to_string(every) + ", log = " +
                               std::to_string(*log) + ")");
  }
  bool records_x(std::int64_t dim) const { return x.value_or(dim <= 64); }
};

struct DivergenceRule {
  double f_above = 1e12;

  template <class V>
  void visit(V& v) {
    v.real("f_above", f_above, Range::any(), "diverged when f exceeds this bound");
  }
};

struct RunSettings {
  std::int64_t max_iter = 10000;
  StopRules stop;
  RecordSettings record;
  DivergenceRule divergence;
  ClipSettings clip;
  ScheduleSettings schedule;
  BatchSettings batch;
  // The hyperparameters a suite computed from the objective's constants, each with its
  // formula (docs/suites.md: lr = "2/(L + mu)"). Provenance only: the method gets the values.
  std::map<std::string, std::string, std::less<>> formulas;
  // The framework preset the method's parameters were resolved from (`preset = "torch"`,
  // optimizers/presets.hpp), empty for none. Provenance only: the method gets the values.
  std::string preset;

  // Top-level keys of a suite's [run] table (and of an optimizer's `run = {...}`).
  template <class V>
  void visit(V& v) {
    v.integer("max_iter", max_iter, Range::at_least(0), "iteration cap");
  }
  // Sub-tables, each with its own field list: [run] stop = {...}, record = {...}, ...
  template <class V>
  void visit_tables(V& v) {
    v.table("stop", stop);
    v.table("record", record);
    v.table("divergence", divergence);
    v.table("clip", clip);
    v.table("schedule", schedule);
    v.table("batch", batch);
  }
};

// The normalised settings as one map with dotted keys ("stop.step_norm", "max_iter",
// "formula.lr" for each formula, and "preset" when one was used): HDF5 attributes and run ids.
ParamMap params_of(const RunSettings& settings);
// The settings from such a map (absent keys take their defaults).
RunSettings run_settings_from(const ParamMap& dotted);

}  // namespace descent
