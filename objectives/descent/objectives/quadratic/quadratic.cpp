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

void QuadraticProblem::Params::validate() const {
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
  check_rotated_dim(rotation.rotate, n);
}

namespace {

Vector eigenvalues_of(const QuadraticProblem::Params& params) {
  if (!params.eigenvalues.empty())
    return Eigen::Map<const Vector>(params.eigenvalues.data(), static_cast<Index>(params.eigenvalues.size()));
  return spectrum_eigenvalues(params.dim, params.kappa, params.spectrum);
}

}  // namespace

QuadraticProblem::QuadraticProblem(const Params& params)
    : QuadraticForm(eigenvalues_of(params), params.rotation) {}

ObjectiveDoc QuadraticProblem::doc() {
  return {.name = "quadratic", .family = "quadratic",
          .summary = "½ xᵀAx with a prescribed spectrum and optional random rotation",
          .formula = R"(f(x) = ½ xᵀ A x,  A = Q diag(λ) Qᵀ,  ∇f = A x,  ∇²f = A
λ: explicit `eigenvalues`, or `dim` values with condition number κ spaced by `spectrum`:
  linear       λᵢ = 1 + (κ − 1) i/(n − 1)
  loguniform   λᵢ = κ^(i/(n − 1))  (evenly spaced in log λ)
  two_cluster  90% evenly in [60/κ, 1], 10% (at least one) evenly in [30, 60], κ ≥ 60:
               the clustered spectrum on which CG converges in few steps (N&W §5.1)
Q = I, or Haar-random from rotation_seed (QR of a Gaussian matrix, signs of R's
diagonal fixed; Mezzadri 2007)
minimum f(0) = 0; standard start (1, …, 1))",
          .source = "Nocedal & Wright, Numerical Optimization (2006), ch. 3 and 5",
          .check_params = {{{"dim", std::int64_t{1}}},
                           {{"dim", std::int64_t{5}}, {"spectrum", std::string("linear")}, {"kappa", 100.0}},
                           {{"dim", std::int64_t{6}}, {"spectrum", std::string("two_cluster")}, {"kappa", 1e3}},
                           {{"dim", std::int64_t{6}}, {"rotate", true}, {"rotation_seed", std::int64_t{3}}},
                           {{"eigenvalues", std::vector<double>{0.5, 2.0, 8.0}}, {"rotate", true}}}};
}

}  // namespace descent
