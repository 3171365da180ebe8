#include "descent/objectives/saddles/indefinite_quadratic.hpp"

#include "descent/objectives/quadratic/quadratic.hpp"

namespace descent {

void IndefiniteQuadraticProblem::Params::validate() const {
  if (negative >= dim)
    throw ConfigError("negative", "key 'negative' = " + std::to_string(negative) +
                                      " must be < dim = " + std::to_string(dim) +
                                      " (an indefinite matrix has eigenvalues of both signs)");
  check_rotated_dim(rotation.rotate, dim);
}

namespace {

Vector signed_eigenvalues(const IndefiniteQuadraticProblem::Params& params) {
  Vector lambda = spectrum_eigenvalues(params.dim, params.kappa, Spectrum::kLogUniform);
  lambda.head(params.negative) *= -1.0;
  return lambda;
}

}  // namespace

IndefiniteQuadraticProblem::IndefiniteQuadraticProblem(const Params& params)
    : QuadraticForm(signed_eigenvalues(params), params.rotation) {}

ObjectiveDoc IndefiniteQuadraticProblem::doc() {
  return {.name = "indefinite_quadratic", .family = "saddles",
          .summary = "½ xᵀAx with a prescribed number of negative eigenvalues: a saddle of any index",
          .formula = R"(f(x) = ½ xᵀ A x,  A = Q diag(λ) Qᵀ,  ∇f = A x,  ∇²f = A
|λ| log-uniform in [1, κ] (ascending), the `negative` smallest in magnitude negated:
λ = (−1, −κ^(1/(n−1)), …, +…, +κ); Q = I or Haar-random from rotation_seed
the origin is the only stationary point, a saddle of index `negative`; f is unbounded
below along the negative eigenvectors, so no minimum; start (1, …, 1))",
          .source = "Nocedal & Wright, Numerical Optimization (2006), §4.3 (hard case) and §6.3",
          .check_params = {{{"dim", std::int64_t{2}}},
                           {{"dim", std::int64_t{5}}, {"negative", std::int64_t{3}}, {"rotate", true}}}};
}

}  // namespace descent
