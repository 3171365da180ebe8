// ObjectiveConstants: the constants an objective knows exactly, by name (Objective::constants):
//   L      the largest eigenvalue of ∇²f, the Lipschitz constant of ∇f (max |λ| where ∇²f is
//          indefinite): sup over x of ‖∇²f(x)‖₂
//   mu     the smallest eigenvalue of ∇²f, for a strongly convex f (inf over x, > 0)
//   kappa  L/mu, the condition number
//   rho    the spectral radius of the standard start's recurrent matrix W (linear recurrence):
//          ‖∂f/∂hₜ‖ at the start scales like rho^(T−t)
//   dim    n
// An objective lists only those it knows exactly (a quadratic all four, an indefinite quadratic
// L and dim, Rosenbrock dim only); suites compute hyperparameters from them, e.g.
// lr = "2/(L + mu)" (docs/suites.md).
#pragma once

#include <array>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "descent/core/types.hpp"

namespace descent {

using ObjectiveConstants = std::map<std::string, double, std::less<>>;

// Every name a constant may have, in the order `descent show` lists them.
inline constexpr std::array<std::string_view, 5> kObjectiveConstantNames = {"L", "mu", "kappa",
                                                                            "rho", "dim"};

// dim alone: what every objective knows.
inline ObjectiveConstants dimension_constants(Index dim) {
  return {{"dim", static_cast<double>(dim)}};
}

// dim and L, for a Hessian bounded by L in norm but not positive definite.
inline ObjectiveConstants lipschitz_constants(Index dim, double L) {
  ObjectiveConstants constants = dimension_constants(dim);
  constants.emplace("L", L);
  return constants;
}

// All four, for ∇²f with spectrum in [mu, L], 0 < mu ≤ L; kappa = L/mu.
inline ObjectiveConstants strongly_convex_constants(Index dim, double L, double mu) {
  ObjectiveConstants constants = lipschitz_constants(dim, L);
  constants.emplace("mu", mu);
  constants.emplace("kappa", L / mu);
  return constants;
}

}  // namespace descent
