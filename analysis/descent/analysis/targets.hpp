// Targets and the cost of reaching them, read from one run's trace.
//
// A target is a level 10ᵏ, k = 2, 1.8, …, −8 (51 levels, COCO's fixed-target grid, descending),
// applied to one of three precisions (TargetKind):
//   kAbsolute   f − f* ≤ 10ᵏ
//   kRelative   f − f* ≤ 10ᵏ (f(x₀) − f*), f(x₀) the first recorded f (Moré & Wild 2009, §2)
//   kGradient   ‖∇f‖ ≤ 10ᵏ (the gradient norm the method used)
// A run reaches a target at the first recorded iteration whose precision is at or below it,
// or else at its end (the /index row: f_final, grad_norm_final, the total counts) if the
// final state is; a NaN precision reaches nothing. Hits are resolved to the recording
// interval (`record.every` of the suite).
//
// The cost of a run so far weights its evaluation counts (CostModel): c = w_f·#f + w_g·#∇f +
// w_H·#∇²f + w_Hv·#Hv, by default w_f = w_g = 1, w_H = n (a Hessian costs as much as n
// gradients by forward differences of ∇f), w_Hv = 2 (one Hv by Pearlmutter's R-operator
// costs about two gradients).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "descent/driver/trace.hpp"
#include "descent/store/results_reader.hpp"

namespace descent {

enum class TargetKind { kAbsolute, kRelative, kGradient };

// "abs", "rel", "grad"; anything else is a ConfigError naming --targets.
TargetKind target_kind_from(const std::string& text);
std::string to_string(TargetKind kind);
// The precision in LaTeX math, for captions: "f - f^*", "(f - f^*)/(f(x_0) - f^*)",
// "\\|\\nabla f\\|".
std::string latex_precision(TargetKind kind);

// The exponents k of the 51 targets 10ᵏ: 2, 1.8, …, −8 (each exactly (10 − i)/5).
std::vector<double> target_exponents();

struct CostModel {
  double f = 1.0;
  double grad = 1.0;
  std::optional<double> hess;  // unset: n, the run's dimension
  double hvp = 2.0;

  double cost(std::int64_t evals_f, std::int64_t evals_grad, std::int64_t evals_hess,
              std::int64_t evals_hvp, std::int64_t dim) const;
  // "f=1,grad=1,hess=n,hvp=2": what cost_unit columns show.
  std::string text() const;
};

// "f=1,grad=1,hess=n,hvp=2"; keys may be left out (their default stays) and given in any
// order; a weight is a number ≥ 0 or, for hess, `n`. ConfigError naming --cost otherwise.
CostModel parse_cost_model(const std::string& text);

// What reaching a target took: the counts at the hit.
enum Measure { kIterations, kEvalsF, kEvalsGrad, kEvalsHess, kEvalsHvp, kSeconds, kCost, kMeasureCount };
using Measures = std::array<double, kMeasureCount>;
// "iterations", "evals_f", "evals_grad", "evals_hess", "evals_hvp", "seconds", "cost".
const std::array<const char*, kMeasureCount>& measure_names();

// The measures at the end of a run, from its /index row.
Measures final_measures(const IndexRow& row, const CostModel& cost);

// The trace columns first_hits reads (iter, f, grad_norm, the four counts, seconds): what a
// reader of the traces for targets needs (ResultsReader::trace).
const std::vector<std::string>& hit_trace_columns();

// A record that is the first to reach some levels: the levels before `levels_end` that no
// earlier hit reached (levels descend, so the levels a run reaches are a prefix of them, and
// each hit covers the next few).
struct HitRecord {
  Measures measures;
  std::uint32_t levels_end = 0;
};

// The first hits of the levels (descending), one HitRecord per record that is the first to
// reach one or more of them, in trace order; the last one's levels_end is the number of
// levels reached. `f_star` may be NaN (then no f target is reached).
std::vector<HitRecord> first_hit_records(const Trace& trace, const IndexRow& row, double f_star,
                                         TargetKind kind, const std::vector<double>& levels,
                                         const CostModel& cost);

// For each level, the measures at the first record reaching it (first_hit_records), nullopt
// when the run never does.
std::vector<std::optional<Measures>> first_hits(const Trace& trace, const IndexRow& row,
                                                double f_star, TargetKind kind,
                                                const std::vector<double>& levels,
                                                const CostModel& cost);

}  // namespace descent
