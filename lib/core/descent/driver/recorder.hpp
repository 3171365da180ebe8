// Recorder: appends one row of trace columns per kept iteration, and collects method-specific
// values reported during a step. Kept are k = 0, the final iterate (the driver appends it
// whatever ended the run and whatever `keeps` says), and
//   record.every = e:  every k with k mod e = 0
//   record.log = n:    every k ≥ 1 that starts a new 1/n-th of a decade:
//                      k = 1, or ⌊n·log₁₀ k⌋ > ⌊n·log₁₀(k − 1)⌋
// so that log keeps every k up to about n/ln 10 and then about n per decade: with n = 20,
// 91 of 10⁵ + 1 rows (k = 0 … 10, 12, 13, 15, 16, 18, 20, 23, 26, 29, …, 79433, 89126, 100000).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "descent/core/evaluator.hpp"
#include "descent/driver/run_settings.hpp"
#include "descent/driver/trace.hpp"

namespace descent {

struct IterationRow {
  std::int64_t iter = 0;
  double f = 0.0;
  double grad_norm = 0.0;
  double raw_grad_norm = 0.0;
  double step_norm = 0.0;
  double lr = 0.0;
  EvalCounts evals;
  double seconds = 0.0;
};

class Recorder {
 public:
  Recorder(const RecordSettings& settings, Index dim);

  // A method-specific value for the row of the current step.
  void note(std::string_view column, double value);
  // Whether iteration k would be kept by thinning (the last one is kept regardless).
  bool keeps(std::int64_t k) const;
  // Appends a row and the values noted since the previous row; clears the notes.
  void append(const IterationRow& row, const Vector& x);
  // Drops the notes of a step whose row is thinned away.
  void discard_notes() { pending_.clear(); }

  std::int64_t last_iter() const { return trace_.iter.empty() ? -1 : trace_.iter.back(); }
  Trace take() { return std::move(trace_); }

 private:
  std::int64_t every_;
  std::int64_t per_decade_;  // record.log, 0 when thinning by every
  Trace trace_;
  std::vector<std::pair<std::string, double>> pending_;
};

}  // namespace descent
