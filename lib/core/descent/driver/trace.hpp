// Trace: the recorded trajectory of one run, as columns (one entry per recorded iteration).
// Standard columns follow docs/results.md; `extra` holds method-specific columns
// (line-search trials, damping, curvature, ...), NaN where a step did not report one, and the
// driver's optional columns: epoch and full_loss (minibatches), clip_factor and clipped
// (clipping), grad_norm_<block> and the objective's diagnostics (docs/training.md).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "descent/core/types.hpp"

namespace descent {

struct Trace {
  std::vector<std::int64_t> iter;
  std::vector<double> f;              // f(θₖ); with minibatches, the loss on the batch Bₖ
  std::vector<double> grad_norm;      // ‖g‖₂ of the gradient the method used
  std::vector<double> raw_grad_norm;  // ‖g‖₂ before clipping
  std::vector<double> step_norm;      // ‖θₖ − θₖ₋₁‖₂ (NaN at k = 0)
  std::vector<double> lr;             // learning rate used for the step into θₖ
  std::vector<std::int64_t> evals_f, evals_grad, evals_hess, evals_hvp;
  std::vector<double> seconds;
  Index x_dim = 0;                    // 0 when iterates are not recorded
  std::vector<double> x;              // records × x_dim, row-major
  std::map<std::string, std::vector<double>> extra;

  std::size_t size() const { return iter.size(); }
};

}  // namespace descent
