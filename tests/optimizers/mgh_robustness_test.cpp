// Robustness of the quasi-Newton methods on the Moré–Garbow–Hillstrom set: `bfgs` and
// `lbfgs` (default options) with each strong Wolfe search, from x₀, 10x₀ and 100x₀ of the 35
// problems (105 runs), to ‖g‖∞ ≤ 1e-6 in at most 5000 iterations. A run counts as converged
// when it stops with converged_grad or precision_limit (the statuses of a converged run).
// The floors are today's counts: a change to a line search or to a method's trial steps must
// not lower them (docs/methods.md, "L-BFGS against LBFGSpp", lists changes that would).
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "descent/objectives/registry.hpp"
#include "support/mgh_problems.hpp"
#include "support/run_method.hpp"

using namespace descent;

TEST_CASE("bfgs and lbfgs converge from x0, 10 x0 and 100 x0 of the 35 MGH problems as often "
          "as measured",
          "[optimizers][mgh][robustness]") {
  struct Floor {
    const char* method;
    const char* line_search;
    int converged;  // of 105 runs
  };
  const auto floor = GENERATE(Floor{"bfgs", "strong_wolfe", 90}, Floor{"bfgs", "more_thuente", 90},
                              Floor{"lbfgs", "strong_wolfe", 91},
                              Floor{"lbfgs", "more_thuente", 92});
  RunSettings settings;
  settings.max_iter = 5000;
  settings.stop.grad_norm_inf = 1e-6;
  settings.record.x = false;
  settings.record.every = settings.max_iter;

  int converged = 0;
  std::ostringstream not_converged;
  for (const auto& problem : test::mgh_problems()) {
    const auto objective = find_objective(problem.name)->make(problem.params);
    for (const double scale : {1.0, 10.0, 100.0}) {
      const Vector x0 = scale * objective->standard_starts().front();
      const auto result = test::run_method(
          floor.method, {{"line_search", std::string(floor.line_search)}}, *objective, x0,
          settings);
      if (result.stop_reason == StopReason::kConvergedGrad ||
          result.stop_reason == StopReason::kPrecisionLimit)
        ++converged;
      else
        not_converged << ' ' << problem.number << '@' << scale << "x0";
    }
  }
  INFO(floor.method << " with " << floor.line_search << ": " << converged
                    << " of 105 converged; not converged:" << not_converged.str());
  CHECK(converged >= floor.converged);
}
