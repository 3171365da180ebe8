// Nonlinear CG and the strong Wolfe curvature constant c₂: iterations to ‖g‖₂ ≤ 1e-8 on
// Beale (from (1, 1) and the lecture's (2, −2) and (−3, 3)) and Rosenbrock (from (−1.2, 1)),
// for every β rule, with c₂ = 0.1 (cg's default) and c₂ = 0.9 (the common quasi-Newton
// value), in one run. Prints a table: iterations, f+∇f evaluations, stop reason.
#include <cstdio>
#include <string>

#include "descent/driver/driver.hpp"
#include "descent/optimizers/registry.hpp"
#include "descent/objectives/classic/beale.hpp"
#include "descent/objectives/classic/rosenbrock.hpp"

int main() {
  using namespace descent;
  const Beale beale;
  const Rosenbrock rosenbrock;
  struct Problem {
    const char* name;
    const Objective& objective;
    Vector start;
  };
  const Problem problems[] = {{"beale (1, 1)", beale, Vector{{1.0, 1.0}}},
                              {"beale (2, -2)", beale, Vector{{2.0, -2.0}}},
                              {"beale (-3, 3)", beale, Vector{{-3.0, 3.0}}},
                              {"rosenbrock (-1.2, 1)", rosenbrock, Vector{{-1.2, 1.0}}}};
  RunSettings settings;
  settings.max_iter = 100000;
  settings.stop.grad_norm = 1e-8;
  settings.record.every = 1000000;

  std::printf("%-22s %-20s %22s %22s\n", "problem", "beta_rule", "c2 = 0.1: iters evals",
              "c2 = 0.9: iters evals");
  for (const auto& problem : problems) {
    for (const char* rule :
         {"fletcher_reeves", "polak_ribiere_plus", "hestenes_stiefel", "dai_yuan"}) {
      std::printf("%-22s %-20s", problem.name, rule);
      for (double c2 : {0.1, 0.9}) {
        auto optimizer = find_optimizer("cg")->make({{"beta_rule", std::string(rule)}, {"c2", c2}});
        const auto r = run_optimizer(problem.objective, *optimizer, problem.start, settings);
        std::printf(" %7lld %6lld %-8.8s", static_cast<long long>(r.iterations),
                    static_cast<long long>(r.evals.f),
                    std::string(to_string(r.stop_reason)).c_str());
      }
      std::printf("\n");
    }
  }
  return 0;
}
