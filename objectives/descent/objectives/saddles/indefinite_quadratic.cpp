#include "descent/objectives/saddles/indefinite_quadratic.hpp"

#include "descent/objectives/quadratic/quadratic.hpp"

namespace descent {

void IndefiniteQuadratic::Params::validate() const {
  if (negative >= dim)
    throw ConfigError("negative", "key 'negative' = " + std::to_string(negative) +
                                      " must be < dim = " + std::to_string(dim) +
                                      " (an indefinite matrix has eigenvalues of both signs)");
  if (rotate && dim > kMaxDenseHessianDim)
    throw ConfigError("rotate", "key 'rotate': a rotated quadratic is dense and needs dim <= " +
                                    std::to_string(kMaxDenseHessianDim) + " (got " + std::to_string(dim) + ")");
}

namespace {

Vector signed_eigenvalues(const IndefiniteQuadratic::Params& params) {
  validate_fields(params);
  Vector lambda = spectrum_eigenvalues(params.dim, params.kappa, Spectrum::kLogUniform);
  lambda.head(params.negative) *= -1.0;
  return lambda;
}

}  // namespace

IndefiniteQuadratic::IndefiniteQuadratic(const Params& params)
    : form_(signed_eigenvalues(params), params.rotate, static_cast<std::uint64_t>(params.rotation_seed)) {}

double IndefiniteQuadratic::value(const Vector& x) const { return form_.value(x); }

void IndefiniteQuadratic::gradient(const Vector& x, Vector& g) const { form_.apply(x, g); }

double IndefiniteQuadratic::value_gradient(const Vector& x, Vector& g) const {
  form_.apply(x, g);
  return 0.5 * x.dot(g);
}

void IndefiniteQuadratic::hessian(const Vector&, Matrix& h) const {
  check_dense_hessian(*this);
  form_.dense(h);
}

void IndefiniteQuadratic::hessian_vector(const Vector&, const Vector& v, Vector& hv) const {
  form_.apply(v, hv);
}

std::vector<Vector> IndefiniteQuadratic::standard_starts() const { return {Vector::Ones(dim())}; }

ObjectiveConstants IndefiniteQuadratic::constants() const {
  return lipschitz_constants(dim(), eigenvalues().cwiseAbs().maxCoeff());
}

ObjectiveEntry indefinite_quadratic_entry() {
  return objective_entry<IndefiniteQuadratic>({
      .name = "indefinite_quadratic",
      .family = "saddles",
      .summary = "½ xᵀAx with a prescribed number of negative eigenvalues: a saddle of any index",
      .formula = "f(x) = ½ xᵀ A x,  A = Q diag(λ) Qᵀ,  |λ| log-uniform in [1, κ], the `negative`\n"
                 "smallest in magnitude negated\n"
                 "saddle at 0 of index `negative`; no minimum (unbounded below); start (1, …, 1)",
      .source = "Nocedal & Wright, Numerical Optimization (2006), §4.3 (hard case) and §6.3",
      .check_params = {{{"dim", std::int64_t{2}}},
                       {{"dim", std::int64_t{5}}, {"negative", std::int64_t{3}}, {"rotate", true}}},
  });
}

}  // namespace descent
