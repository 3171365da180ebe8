#include "objectives/registry.hpp"

#include "objectives/beale.hpp"
#include "objectives/booth.hpp"
#include "objectives/branin.hpp"
#include "objectives/chained_rosenbrock.hpp"
#include "objectives/dixon_price.hpp"
#include "objectives/extended_powell.hpp"
#include "objectives/extended_rosenbrock.hpp"
#include "objectives/goldstein_price.hpp"
#include "objectives/griewank.hpp"
#include "objectives/himmelblau.hpp"
#include "objectives/indefinite_quadratic.hpp"
#include "objectives/levy.hpp"
#include "objectives/matyas.hpp"
#include "objectives/mccormick.hpp"
#include "objectives/mgh_data_fitting.hpp"
#include "objectives/mgh_systems.hpp"
#include "objectives/mgh_variable_dim.hpp"
#include "objectives/quadratic.hpp"
#include "objectives/rastrigin.hpp"
#include "objectives/rosenbrock.hpp"
#include "objectives/saddles.hpp"
#include "objectives/six_hump_camel.hpp"
#include "objectives/sphere.hpp"
#include "objectives/styblinski_tang.hpp"
#include "objectives/sum_of_squares.hpp"
#include "objectives/three_hump_camel.hpp"
#include "objectives/training_objectives.hpp"
#include "objectives/trid.hpp"
#include "objectives/zakharov.hpp"

namespace descent {

const std::vector<ObjectiveEntry>& objective_registry() {
  static const std::vector<ObjectiveEntry> registry = [] {
    std::vector<ObjectiveEntry> entries;
    // classic 2-D
    entries.push_back(beale_entry());
    entries.push_back(rosenbrock_entry());
    entries.push_back(booth_entry());
    entries.push_back(matyas_entry());
    entries.push_back(himmelblau_entry());
    entries.push_back(three_hump_camel_entry());
    entries.push_back(six_hump_camel_entry());
    entries.push_back(goldstein_price_entry());
    entries.push_back(mccormick_entry());
    entries.push_back(branin_entry());
    add_mgh_system_objectives(entries);  // MGH 2, 3, 4 (2-D), 7, 14
    // n-D
    entries.push_back(extended_rosenbrock_entry());
    entries.push_back(chained_rosenbrock_entry());
    entries.push_back(sphere_entry());
    entries.push_back(sum_of_squares_entry());
    entries.push_back(trid_entry());
    entries.push_back(dixon_price_entry());
    entries.push_back(zakharov_entry());
    entries.push_back(styblinski_tang_entry());
    entries.push_back(rastrigin_entry());
    entries.push_back(griewank_entry());
    entries.push_back(levy_entry());
    entries.push_back(extended_powell_entry());
    // quadratics
    entries.push_back(quadratic_entry());
    // non-convex and saddles
    add_saddle_objectives(entries);
    entries.push_back(indefinite_quadratic_entry());
    // the rest of the Moré–Garbow–Hillstrom set
    add_mgh_data_fitting_objectives(entries);
    add_mgh_variable_dim_objectives(entries);
    // training: finite sums and networks
    add_classification_objectives(entries);
    add_network_objectives(entries);
    return entries;
  }();
  return registry;
}

const ObjectiveEntry* find_objective(std::string_view name) {
  for (const auto& entry : objective_registry())
    if (entry.name == name) return &entry;
  return nullptr;
}

}  // namespace descent
