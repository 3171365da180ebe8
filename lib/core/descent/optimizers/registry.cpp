#include "descent/optimizers/registry.hpp"

#include "descent/core/catalog.hpp"

#include "descent/optimizers/adagrad.hpp"
#include "descent/optimizers/adam.hpp"
#include "descent/optimizers/bfgs.hpp"
#include "descent/optimizers/gradient_descent.hpp"
#include "descent/optimizers/lbfgs.hpp"
#include "descent/optimizers/momentum.hpp"
#include "descent/optimizers/nesterov.hpp"
#include "descent/optimizers/newton.hpp"
#include "descent/optimizers/newton_cg.hpp"
#include "descent/optimizers/nonlinear_cg.hpp"
#include "descent/optimizers/regularized_newton.hpp"
#include "descent/optimizers/rmsprop.hpp"

namespace descent {

// One line per method, in the order `descent list` shows them; everything else about a
// method (documentation, parameters, factory) comes from its class.
const std::vector<OptimizerEntry>& optimizer_registry() {
  static const std::vector<OptimizerEntry> registry = {
      optimizer_entry<GradientDescent>(),
      optimizer_entry<Momentum>(),
      optimizer_entry<Nesterov>(),
      optimizer_entry<Adagrad>(),
      optimizer_entry<Rmsprop>(),
      optimizer_entry<Adam>(),
      optimizer_entry<Newton>(),
      optimizer_entry<RegularizedNewton>(),
      optimizer_entry<Bfgs>(),
      optimizer_entry<Lbfgs>(),
      optimizer_entry<NonlinearCg>(),
      optimizer_entry<NewtonCg>(),
  };
  return registry;
}

const OptimizerEntry* find_optimizer(std::string_view name) {
  return Catalog{{}, optimizer_registry()}.find_optimizer(name);
}

}  // namespace descent
