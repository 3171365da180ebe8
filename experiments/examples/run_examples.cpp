// The user objective and optimizer through descent's library API: the derivative check on
// the objective, descent's L-BFGS on it, and sign descent on it and on descent's sphere.
// Exits with status 1 when a check fails.
#include <cstdint>
#include <cstdio>
#include <string>

#include "cosh_valley.hpp"
#include "descent/check/derivative_check.hpp"
#include "descent/driver/driver.hpp"
#include "descent/objectives/registry.hpp"
#include "descent/optimizers/registry.hpp"
#include "sign_descent.hpp"

namespace {

bool report(const char* what, const descent::RunResult& result, double f_at_most) {
  std::printf("%-32s %-15s %5lld iterations  f = %.10g\n", what,
              std::string(descent::to_string(result.stop_reason)).c_str(),
              static_cast<long long>(result.iterations), result.f_final);
  return result.f_final <= f_at_most;
}

}  // namespace

int main() {
  const CoshValley valley;
  const descent::DerivativeCheckReport check = descent::check_derivatives(valley);
  std::printf("derivative check of cosh_valley: gradient %.1e, Hessian %.1e: %s\n",
              check.best_gradient_error, check.best_hessian_error, check.passed ? "passed" : "FAILED");

  descent::RunSettings settings;
  settings.max_iter = 5000;
  settings.stop.grad_norm = 1e-10;
  const auto lbfgs = descent::find_optimizer("lbfgs")->make({});
  const descent::Vector start = valley.standard_starts().front();
  bool ok = report("lbfgs on cosh_valley", descent::run_optimizer(valley, *lbfgs, start, settings), 1.0 + 1e-12);

  settings.schedule.kind = descent::ScheduleKind::kInverseTime;  // εₖ = ε₀ / (1 + k/10)
  settings.schedule.period = 10;
  SignDescent sign_descent({.lr = 0.1});
  ok &= report("sign_descent on cosh_valley", descent::run_optimizer(valley, sign_descent, start, settings),
               1.0 + 1e-4);
  const auto sphere = descent::find_objective("sphere")->make({{"dim", std::int64_t{10}}});
  ok &= report("sign_descent on sphere (dim 10)",
               descent::run_optimizer(*sphere, sign_descent, descent::Vector::Ones(10), settings), 1e-4);
  return check.passed && ok ? 0 : 1;
}
