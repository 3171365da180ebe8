// The 35 problems of Moré, Garbow & Hillstrom (1981), "Testing unconstrained optimization
// software", ACM TOMS 7(1), in the paper's order, with the dimensions and standard starts it
// gives: the registry's check (objectives/mgh_reference_test.cpp) and the robustness count of
// the quasi-Newton methods (optimizers/mgh_robustness_test.cpp) run over this one list.
#pragma once

#include <vector>

#include "descent/core/params.hpp"

namespace descent::test {

struct MghProblem {
  int number;
  const char* name;
  ParamMap params;
  Index dim;
  std::vector<double> start;  // empty: checked by dimension only
};

inline const std::vector<MghProblem>& mgh_problems() {
  static const std::vector<MghProblem> problems = {
      {1, "rosenbrock", {}, 2, {-1.2, 1.0}},
      {2, "freudenstein_roth", {}, 2, {0.5, -2.0}},
      {3, "powell_badly_scaled", {}, 2, {0.0, 1.0}},
      {4, "brown_badly_scaled", {}, 2, {1.0, 1.0}},
      {5, "beale", {}, 2, {1.0, 1.0}},
      {6, "jennrich_sampson", {}, 2, {0.3, 0.4}},
      {7, "helical_valley", {}, 3, {-1.0, 0.0, 0.0}},
      {8, "bard", {}, 3, {1.0, 1.0, 1.0}},
      {9, "gaussian", {}, 3, {0.4, 1.0, 0.0}},
      {10, "meyer", {}, 3, {0.02, 4000.0, 250.0}},
      {11, "gulf", {}, 3, {5.0, 2.5, 0.15}},
      {12, "box_3d", {}, 3, {0.0, 10.0, 20.0}},
      {13, "extended_powell", {{"dim", std::int64_t{4}}}, 4, {3.0, -1.0, 0.0, 1.0}},
      {14, "wood", {}, 4, {-3.0, -1.0, -3.0, -1.0}},
      {15, "kowalik_osborne", {}, 4, {0.25, 0.39, 0.415, 0.39}},
      {16, "brown_dennis", {}, 4, {25.0, 5.0, -5.0, -1.0}},
      {17, "osborne1", {}, 5, {0.5, 1.5, -1.0, 0.01, 0.02}},
      {18, "biggs_exp6", {}, 6, {1.0, 2.0, 1.0, 1.0, 1.0, 1.0}},
      {19, "osborne2", {}, 11, {1.3, 0.65, 0.65, 0.7, 0.6, 3.0, 5.0, 7.0, 2.0, 4.5, 5.5}},
      {20, "watson", {{"dim", std::int64_t{6}}}, 6, {0, 0, 0, 0, 0, 0}},
      {21, "extended_rosenbrock", {{"dim", std::int64_t{4}}}, 4, {-1.2, 1.0, -1.2, 1.0}},
      {22, "extended_powell", {{"dim", std::int64_t{8}}}, 8, {3, -1, 0, 1, 3, -1, 0, 1}},
      {23, "penalty1", {{"dim", std::int64_t{4}}}, 4, {1, 2, 3, 4}},
      {24, "penalty2", {{"dim", std::int64_t{4}}}, 4, {0.5, 0.5, 0.5, 0.5}},
      {25, "variably_dimensioned", {{"dim", std::int64_t{4}}}, 4, {0.75, 0.5, 0.25, 0.0}},
      {26, "trigonometric", {{"dim", std::int64_t{4}}}, 4, {0.25, 0.25, 0.25, 0.25}},
      {27, "brown_almost_linear", {{"dim", std::int64_t{4}}}, 4, {0.5, 0.5, 0.5, 0.5}},
      {28, "discrete_boundary_value", {{"dim", std::int64_t{4}}}, 4, {-0.16, -0.24, -0.24, -0.16}},
      {29, "discrete_integral_equation", {{"dim", std::int64_t{4}}}, 4, {-0.16, -0.24, -0.24, -0.16}},
      {30, "broyden_tridiagonal", {{"dim", std::int64_t{4}}}, 4, {-1, -1, -1, -1}},
      {31, "broyden_banded", {{"dim", std::int64_t{4}}}, 4, {-1, -1, -1, -1}},
      {32, "linear_full_rank", {{"dim", std::int64_t{5}}, {"m", std::int64_t{10}}}, 5, {1, 1, 1, 1, 1}},
      {33, "linear_rank1", {{"dim", std::int64_t{5}}, {"m", std::int64_t{10}}}, 5, {1, 1, 1, 1, 1}},
      {34, "linear_rank1_zero", {{"dim", std::int64_t{5}}, {"m", std::int64_t{10}}}, 5, {1, 1, 1, 1, 1}},
      {35, "chebyquad", {{"dim", std::int64_t{8}}}, 8,
       {1 / 9.0, 2 / 9.0, 3 / 9.0, 4 / 9.0, 5 / 9.0, 6 / 9.0, 7 / 9.0, 8 / 9.0}},
  };
  return problems;
}

}  // namespace descent::test
