// Objective: a function f: Rⁿ → R with analytic value, gradient and Hessian.
//
// Every objective documents f, ∇f, its known minima x* with f*, and its source. The
// Hessian-vector product defaults to H·v from the dense Hessian; objectives whose dimension
// can be large override it and refuse the dense Hessian above `max_dense_dim()` with a
// ConfigError (`check_dense_hessian`), never by exhausting memory.
//
// `domain()` is the box the function is usually studied on: verification points, derivative
// checks and random starts are drawn from it.
//
// Finite-sum objectives f(x) = (1/m) Σᵢ fᵢ(x) also report `num_terms() = m` and evaluate
// a minibatch mean over a list of term indices; for all others m = 1 and the "batch" is f.
//
// Objectives built like networks name their parameter blocks (layers, biases), so the
// driver records ‖∂f/∂θ_block‖ per block, and may offer diagnostics: named measurements at
// θ beyond f and ∇f (‖∂L/∂hₜ‖ of a recurrence), recorded as trace columns.
//
// `constants()` names what the objective knows exactly about its curvature: L, mu, kappa
// (objective_constants.hpp) and always dim.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "descent/core/config_error.hpp"
#include "descent/core/objective_constants.hpp"
#include "descent/core/types.hpp"

namespace descent {

// Largest dimension whose dense n×n Hessian is formed (4096² doubles = 128 MiB).
inline constexpr Index kMaxDenseHessianDim = 4096;

// A contiguous range of the parameter vector: θ[offset, offset + size).
struct ParameterBlock {
  std::string name;
  Index offset = 0;
  Index size = 0;
};

struct KnownMinimum {
  Vector x;
  double f = 0.0;
  bool global = true;
};

// An axis-aligned box lower ≤ x ≤ upper.
struct Box {
  Vector lower;
  Vector upper;
};

class Objective {
 public:
  virtual ~Objective() = default;

  virtual Index dim() const = 0;
  virtual double value(const Vector& x) const = 0;
  virtual void gradient(const Vector& x, Vector& g) const = 0;
  // f and ∇f together; objectives that share work between them override it.
  virtual double value_gradient(const Vector& x, Vector& g) const {
    gradient(x, g);
    return value(x);
  }
  virtual void hessian(const Vector& x, Matrix& h) const = 0;
  virtual void hessian_vector(const Vector& x, const Vector& v, Vector& hv) const {
    Matrix h;
    hessian(x, h);
    hv.noalias() = h * v;
  }

  virtual std::vector<KnownMinimum> minima() const { return {}; }
  virtual std::vector<Vector> standard_starts() const { return {}; }
  virtual Box domain() const {
    return {Vector::Constant(dim(), -2.0), Vector::Constant(dim(), 2.0)};
  }
  virtual Index max_dense_dim() const { return kMaxDenseHessianDim; }

  virtual Index num_terms() const { return 1; }
  // Mean of fᵢ and of ∇fᵢ over `terms`; the default ignores them (a single-term objective).
  virtual double batch_value_gradient(const Vector& x, std::span<const Index> terms,
                                      Vector& g) const {
    (void)terms;
    return value_gradient(x, g);
  }

  // Named blocks of θ (layers, biases); the driver records "grad_norm_<name>" for each.
  virtual std::vector<ParameterBlock> parameter_blocks() const { return {}; }
  // Names of the diagnostics, and their values at x (one per name, full objective).
  virtual std::vector<std::string> diagnostic_names() const { return {}; }
  virtual void diagnostics(const Vector& x, Vector& values) const {
    (void)x;
    values.resize(0);
  }

  // The constants known exactly; the default knows the dimension only.
  virtual ObjectiveConstants constants() const { return dimension_constants(dim()); }
};

// The one rule for dense n×n matrices (a Hessian, its factorisation, a quasi-Newton inverse
// Hessian), for objectives and methods alike: they are formed only while dim <= max_dense_dim.
inline bool allows_dense_matrices(const Objective& objective) {
  return objective.dim() <= objective.max_dense_dim();
}

// Throws ConfigError when the objective is too large for a dense Hessian; `hessian()` of
// objectives whose dimension is a parameter calls it first.
inline void check_dense_hessian(const Objective& objective) {
  if (!allows_dense_matrices(objective))
    throw ConfigError("dim", "a dense Hessian of dimension " + std::to_string(objective.dim()) +
                                 " is refused (dense Hessians need dim <= " +
                                 std::to_string(objective.max_dense_dim()) +
                                 "); use Hessian-vector products instead");
}

}  // namespace descent
