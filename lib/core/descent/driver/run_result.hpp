// RunResult: what one run of the driver produced.
#pragma once

#include <limits>

#include "descent/core/evaluator.hpp"
#include "descent/driver/stop_reason.hpp"
#include "descent/driver/trace.hpp"

namespace descent {

struct RunResult {
  StopReason stop_reason = StopReason::kMaxIter;
  std::int64_t iterations = 0;  // steps taken
  double f_final = 0.0;
  double grad_norm_final = 0.0;
  EvalCounts evals;
  double seconds = 0.0;
  Vector x_final;
  Trace trace;
  // The objective's known minimum value f* (known_minimum_value), NaN when it lists none;
  // filled by the experiment engine, which knows the objective.
  double f_star = std::numeric_limits<double>::quiet_NaN();

  RunStatus status() const { return status_of(stop_reason); }
};

}  // namespace descent
