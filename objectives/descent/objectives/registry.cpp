#include "descent/objectives/registry.hpp"

#include "descent/optimizers/registry.hpp"

#include "descent/objectives/classic/beale.hpp"
#include "descent/objectives/classic/booth.hpp"
#include "descent/objectives/classic/branin.hpp"
#include "descent/objectives/classic/goldstein_price.hpp"
#include "descent/objectives/classic/himmelblau.hpp"
#include "descent/objectives/classic/matyas.hpp"
#include "descent/objectives/classic/mccormick.hpp"
#include "descent/objectives/classic/rosenbrock.hpp"
#include "descent/objectives/classic/six_hump_camel.hpp"
#include "descent/objectives/classic/three_hump_camel.hpp"
#include "descent/objectives/mgh/mgh_data_fitting.hpp"
#include "descent/objectives/mgh/mgh_systems.hpp"
#include "descent/objectives/mgh/mgh_variable_dim.hpp"
#include "descent/objectives/nd/chained_rosenbrock.hpp"
#include "descent/objectives/nd/dixon_price.hpp"
#include "descent/objectives/nd/extended_powell.hpp"
#include "descent/objectives/nd/extended_rosenbrock.hpp"
#include "descent/objectives/nd/griewank.hpp"
#include "descent/objectives/nd/levy.hpp"
#include "descent/objectives/nd/rastrigin.hpp"
#include "descent/objectives/nd/sphere.hpp"
#include "descent/objectives/nd/styblinski_tang.hpp"
#include "descent/objectives/nd/sum_of_squares.hpp"
#include "descent/objectives/nd/trid.hpp"
#include "descent/objectives/nd/zakharov.hpp"
#include "descent/objectives/quadratic/quadratic.hpp"
#include "descent/objectives/saddles/indefinite_quadratic.hpp"
#include "descent/objectives/saddles/saddles.hpp"
#include "descent/objectives/training/cliff.hpp"
#include "descent/objectives/training/deep_linear.hpp"
#include "descent/objectives/training/linear_recurrence.hpp"
#include "descent/objectives/training/logistic_regression.hpp"
#include "descent/objectives/training/softmax_regression.hpp"
#include "descent/objectives/training/tanh_mlp.hpp"

namespace descent {

// The registry list: one line per objective (or per file of MGH problems), in the order
// `descent list` shows them.
const std::vector<ObjectiveEntry>& objective_registry() {
  static const std::vector<ObjectiveEntry> registry = [] {
    std::vector<ObjectiveEntry> entries;
    // classic 2-D
    entries.push_back(problem_entry<BealeProblem>());
    entries.push_back(problem_entry<RosenbrockProblem>());
    entries.push_back(problem_entry<BoothProblem>());
    entries.push_back(problem_entry<MatyasProblem>());
    entries.push_back(problem_entry<HimmelblauProblem>());
    entries.push_back(problem_entry<ThreeHumpCamelProblem>());
    entries.push_back(problem_entry<SixHumpCamelProblem>());
    entries.push_back(problem_entry<GoldsteinPriceProblem>());
    entries.push_back(problem_entry<McCormickProblem>());
    entries.push_back(problem_entry<BraninProblem>());
    add_mgh_system_objectives(entries);  // MGH 2, 3, 4 (2-D), 7, 14
    // n-D
    entries.push_back(problem_entry<ExtendedRosenbrockProblem>());
    entries.push_back(problem_entry<ChainedRosenbrockProblem>());
    entries.push_back(problem_entry<SphereProblem>());
    entries.push_back(problem_entry<SumOfSquaresProblem>());
    entries.push_back(problem_entry<TridProblem>());
    entries.push_back(problem_entry<DixonPriceProblem>());
    entries.push_back(problem_entry<ZakharovProblem>());
    entries.push_back(problem_entry<StyblinskiTangProblem>());
    entries.push_back(problem_entry<RastriginProblem>());
    entries.push_back(problem_entry<GriewankProblem>());
    entries.push_back(problem_entry<LevyProblem>());
    entries.push_back(problem_entry<ExtendedPowellProblem>());
    // quadratics
    entries.push_back(problem_entry<QuadraticProblem>());
    // non-convex and saddles
    entries.push_back(problem_entry<SaddleProblem>());
    entries.push_back(problem_entry<MonkeySaddleProblem>());
    entries.push_back(problem_entry<DoubleWellProblem>());
    entries.push_back(problem_entry<IndefiniteQuadraticProblem>());
    // the rest of the Moré–Garbow–Hillstrom set
    add_mgh_data_fitting_objectives(entries);
    add_mgh_variable_dim_objectives(entries);
    // training: finite sums and networks (docs/training.md)
    entries.push_back(logistic_regression_entry());
    entries.push_back(softmax_regression_entry());
    entries.push_back(deep_linear_entry());
    entries.push_back(linear_recurrence_entry());
    entries.push_back(problem_entry<CliffProblem>());
    entries.push_back(tanh_mlp_entry());
    return entries;
  }();
  return registry;
}

const ObjectiveEntry* find_objective(std::string_view name) {
  return Catalog{objective_registry(), {}}.find_objective(name);
}

Catalog builtin_catalog() { return {objective_registry(), optimizer_registry()}; }

}  // namespace descent
