#include "descent/objectives/quadratic/quadratic.hpp"

#include <cmath>

namespace descent {

namespace {

// m values evenly from `from` to `to` (just `from` when m = 1).
void fill_linear(Vector& out, Index offset, Index m, double from, double to) {
  for (Index i = 0; i < m; ++i)
    out[offset + i] = m == 1 ? from : from + (to - from) * static_cast<double>(i) / static_cast<double>(m - 1);
}

Index large_cluster_size(Index n) { return std::max<Index>(1, static_cast<Index>(std::lround(0.1 * static_cast<double>(n)))); }

}  // namespace

Vector spectrum_eigenvalues(Index n, double kappa, Spectrum spectrum) {
  Vector lambda(n);
  switch (spectrum) {
    case Spectrum::kLinear:
      fill_linear(lambda, 0, n, 1.0, kappa);
      break;
    case Spectrum::kLogUniform:
      for (Index i = 0; i < n; ++i)
        lambda[i] = n == 1 ? 1.0 : std::pow(kappa, static_cast<double>(i) / static_cast<double>(n - 1));
      break;
    case Spectrum::kTwoCluster: {
      const Index large = large_cluster_size(n), small = n - large;
      fill_linear(lambda, 0, small, 60.0 / kappa, 1.0);
      fill_linear(lambda, small, large, 30.0, 60.0);
      if (large == 1) lambda[n - 1] = 60.0;  // the largest is 60 so that λmax/λmin = κ
      break;
    }
  }
  return lambda;
}

void Quadratic::Params::validate() const {
  if (!eigenvalues.empty()) {
    for (double lambda : eigenvalues)
      if (!(lambda > 0.0) || !std::isfinite(lambda))
        throw ConfigError("eigenvalues", "key 'eigenvalues': every eigenvalue must be finite and > 0 (got " +
                                             detail::real_text(lambda) + ")");
  } else if (spectrum == Spectrum::kTwoCluster) {
    if (dim < 2)
      throw ConfigError("dim", "key 'dim' = " + std::to_string(dim) +
                                   " must be >= 2 for spectrum \"two_cluster\" (two clusters)");
    if (kappa < 60.0)
      throw ConfigError("kappa", "key 'kappa' = " + detail::real_text(kappa) +
                                     " must be >= 60 for spectrum \"two_cluster\" (λmax = 60, λmin = 60/κ <= 1)");
  }
  const Index n = eigenvalues.empty() ? dim : static_cast<Index>(eigenvalues.size());
  if (rotate && n > kMaxDenseHessianDim)
    throw ConfigError("rotate", "key 'rotate': a rotated quadratic is dense and needs dim <= " +
                                    std::to_string(kMaxDenseHessianDim) + " (got " + std::to_string(n) + ")");
}

namespace {

Vector eigenvalues_of(const Quadratic::Params& params) {
  validate_fields(params);
  if (!params.eigenvalues.empty())
    return Eigen::Map<const Vector>(params.eigenvalues.data(), static_cast<Index>(params.eigenvalues.size()));
  return spectrum_eigenvalues(params.dim, params.kappa, params.spectrum);
}

}  // namespace

Quadratic::Quadratic(const Params& params)
    : form_(eigenvalues_of(params), params.rotate, static_cast<std::uint64_t>(params.rotation_seed)) {}

double Quadratic::value(const Vector& x) const { return form_.value(x); }

void Quadratic::gradient(const Vector& x, Vector& g) const { form_.apply(x, g); }

double Quadratic::value_gradient(const Vector& x, Vector& g) const {
  form_.apply(x, g);
  return 0.5 * x.dot(g);
}

void Quadratic::hessian(const Vector&, Matrix& h) const {
  check_dense_hessian(*this);
  form_.dense(h);
}

void Quadratic::hessian_vector(const Vector&, const Vector& v, Vector& hv) const { form_.apply(v, hv); }

std::vector<KnownMinimum> Quadratic::minima() const { return {{minimiser(), 0.0, true}}; }

std::vector<Vector> Quadratic::standard_starts() const { return {Vector::Ones(dim())}; }

ObjectiveConstants Quadratic::constants() const {
  return strongly_convex_constants(dim(), eigenvalues().maxCoeff(), eigenvalues().minCoeff());
}

ObjectiveEntry quadratic_entry() {
  return objective_entry<Quadratic>({
      .name = "quadratic",
      .family = "quadratic",
      .summary = "½ xᵀAx with a prescribed spectrum and optional random rotation",
      .formula = "f(x) = ½ xᵀ A x,  A = Q diag(λ) Qᵀ,  ∇f = A x,  ∇²f = A\n"
                 "λ from 1 to κ (linear or loguniform), two_cluster (90% in [60/κ, 1], 10% in\n"
                 "[30, 60]) or given explicitly; Q = I or Haar-random from rotation_seed\n"
                 "minimum f(0) = 0; standard start (1, …, 1)",
      .source = "Nocedal & Wright, Numerical Optimization (2006), ch. 3 and 5",
      .check_params = {{{"dim", std::int64_t{1}}},
                       {{"dim", std::int64_t{5}}, {"spectrum", std::string("linear")}, {"kappa", 100.0}},
                       {{"dim", std::int64_t{6}}, {"spectrum", std::string("two_cluster")}, {"kappa", 1e3}},
                       {{"dim", std::int64_t{6}}, {"rotate", true}, {"rotation_seed", std::int64_t{3}}},
                       {{"eigenvalues", std::vector<double>{0.5, 2.0, 8.0}}, {"rotate", true}}},
  });
}

}  // namespace descent
