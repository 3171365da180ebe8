#include "descent/objectives/registry.hpp"

#include "descent/optimizers/registry.hpp"

#include "descent/objectives/classic/beale.hpp"
#include "descent/objectives/classic/booth.hpp"
#include "descent/objectives/classic/branin.hpp"
#include "descent/objectives/nd/chained_rosenbrock.hpp"
#include "descent/objectives/nd/dixon_price.hpp"
#include "descent/objectives/nd/extended_powell.hpp"
#include "descent/objectives/nd/extended_rosenbrock.hpp"
#include "descent/objectives/classic/goldstein_price.hpp"
#include "descent/objectives/nd/griewank.hpp"
#include "descent/objectives/classic/himmelblau.hpp"
#include "descent/objectives/saddles/indefinite_quadratic.hpp"
#include "descent/objectives/nd/levy.hpp"
#include "descent/objectives/classic/matyas.hpp"
#include "descent/objectives/classic/mccormick.hpp"
#include "descent/objectives/mgh/mgh_data_fitting.hpp"
#include "descent/objectives/mgh/mgh_systems.hpp"
#include "descent/objectives/mgh/mgh_variable_dim.hpp"
#include "descent/objectives/quadratic/quadratic.hpp"
#include "descent/objectives/nd/rastrigin.hpp"
#include "descent/objectives/classic/rosenbrock.hpp"
#include "descent/objectives/saddles/saddles.hpp"
#include "descent/objectives/classic/six_hump_camel.hpp"
#include "descent/objectives/nd/sphere.hpp"
#include "descent/objectives/nd/styblinski_tang.hpp"
#include "descent/objectives/nd/sum_of_squares.hpp"
#include "descent/objectives/classic/three_hump_camel.hpp"
#include "descent/objectives/training/training_objectives.hpp"
#include "descent/objectives/nd/trid.hpp"
#include "descent/objectives/nd/zakharov.hpp"

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

Catalog builtin_catalog() { return {objective_registry(), optimizer_registry()}; }

}  // namespace descent
