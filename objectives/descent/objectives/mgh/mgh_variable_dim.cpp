// Formulas, standard starts and reference values from J. J. Moré, B. S. Garbow and
// K. E. Hillstrom, Testing unconstrained optimization software, ACM TOMS 7 (1981) 17–41.
// Minimisers: closed forms where they exist; zero-residual systems solved by Newton's
// method from the standard start (residual_root); the others are roots of ∇f computed to
// 40 digits with mpmath for the dimensions MGH tabulate, rounded to double.
#include "descent/objectives/mgh/mgh_variable_dim.hpp"

#include <cmath>
#include <optional>

#include "descent/objectives/mgh/least_squares.hpp"
#include "descent/objectives/partial_products.hpp"

namespace descent {

namespace {

constexpr double kPenaltyWeight = 1e-5;  // a in MGH 23 and 24

Vector vector_of(std::initializer_list<double> values) {
  Vector v(static_cast<Index>(values.size()));
  Index i = 0;
  for (double value : values) v[i++] = value;
  return v;
}

// `dim` with the lower bound each problem needs.
template <int kMinDim, int kDefaultDim>
using DimParams = DimensionParams<kDefaultDim, kMinDim, static_cast<std::int64_t>(kMaxLeastSquaresDim)>;

// `dim` and a number of residuals m ≥ n.
template <int kMinDim, int kDefaultDim, int kDefaultM>
struct DimResidualParams {
  std::int64_t dim = kDefaultDim;
  std::int64_t m = kDefaultM;
  template <class V>
  void visit(V& v) {
    v.integer("dim", dim, Range::closed(kMinDim, kMaxLeastSquaresDim), "dimension n");
    v.integer("m", m, Range::closed(kMinDim, 10 * kMaxLeastSquaresDim), "number of residuals m (>= dim)");
  }
  void validate() const {
    if (m < dim)
      throw ConfigError("m", "key 'm' = " + std::to_string(m) + " must be >= dim = " + std::to_string(dim));
  }
};

// The size of a problem whose one parameter is its dimension n.
template <int kMinDim, int kDefaultDim>
class SizedByDim {
 public:
  using Params = DimParams<kMinDim, kDefaultDim>;
  explicit SizedByDim(const Params& p) : n_(p.dim) { validate_fields(p); }
  Index dim() const { return n_; }

 protected:
  Index n_;
};

// The size of a problem whose parameters are n and m ≥ n residuals.
template <int kMinDim, int kDefaultDim, int kDefaultM>
class SizedByDimAndM {
 public:
  using Params = DimResidualParams<kMinDim, kDefaultDim, kDefaultM>;
  explicit SizedByDimAndM(const Params& p) : n_(p.dim), m_(p.m) { validate_fields(p); }
  Index dim() const { return n_; }
  Index num_residuals() const { return m_; }

 protected:
  Index n_, m_;
};

// MGH 23, m = n + 1: rᵢ = √a (xᵢ − 1), rₙ₊₁ = Σ xⱼ² − ¼, a = 10⁻⁵.
// Minimum: all xᵢ = ξ, the positive root of 2nξ³ + (a − ½)ξ − a = 0.
struct Penalty1 : SizedByDim<1, 4> {
  using SizedByDim::SizedByDim;
  Index num_residuals() const { return n_ + 1; }
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    T sum = T(0.0);
    for (Index i = 0; i < n_; ++i) {
      r[i] = std::sqrt(kPenaltyWeight) * (x[i] - 1.0);
      sum += x[i] * x[i];
    }
    r[n_] = sum - 0.25;
  }
  void jacobian(const Vector& x, Matrix& j) const {
    j.resize(n_ + 1, n_);
    j.topRows(n_) = std::sqrt(kPenaltyWeight) * Matrix::Identity(n_, n_);
    j.row(n_) = 2.0 * x.transpose();
  }
  void curvature(const Vector&, const Vector& r, Matrix& s) const {
    s = 2.0 * r[n_] * Matrix::Identity(n_, n_);
  }
  std::vector<KnownMinimum> minima() const {
    const double n = static_cast<double>(n_), a = kPenaltyWeight;
    double xi = 0.5 / std::sqrt(n);
    for (int k = 0; k < 50; ++k) {
      const double step = (2.0 * n * xi * xi * xi + (a - 0.5) * xi - a) / (6.0 * n * xi * xi + a - 0.5);
      xi -= step;
      if (std::abs(step) <= 1e-16 * xi) break;
    }
    const Vector x = Vector::Constant(n_, xi);
    const LeastSquares<Penalty1> f(Params{n_});
    return {{x, f.value(x), true}};
  }
  std::vector<Vector> standard_starts() const {
    return {Vector::LinSpaced(n_, 1.0, static_cast<double>(n_))};
  }
  Box domain() const { return cube(n_, -2.0, 2.0); }
};

// MGH 24, m = 2n: r₁ = x₁ − 0.2; rᵢ = √a (e^(xᵢ/10) + e^(xᵢ₋₁/10) − yᵢ), 2 ≤ i ≤ n,
// yᵢ = e^(i/10) + e^((i−1)/10); rᵢ = √a (e^(xᵢ₋ₙ₊₁/10) − e^(−1/10)), n < i < 2n;
// r₂ₙ = Σ (n − j + 1) xⱼ² − 1.
struct Penalty2 : SizedByDim<1, 4> {
  using SizedByDim::SizedByDim;
  Index num_residuals() const { return 2 * n_; }
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    using std::exp;
    const double root_a = std::sqrt(kPenaltyWeight);
    r[0] = x[0] - 0.2;
    for (Index i = 1; i < n_; ++i) {  // 0-based: residual i couples xᵢ and xᵢ₋₁
      const double y = std::exp(static_cast<double>(i + 1) / 10.0) + std::exp(static_cast<double>(i) / 10.0);
      r[i] = root_a * (exp(x[i] / 10.0) + exp(x[i - 1] / 10.0) - y);
      r[n_ + i - 1] = root_a * (exp(x[i] / 10.0) - std::exp(-0.1));
    }
    T sum = T(0.0);
    for (Index j = 0; j < n_; ++j) sum += static_cast<double>(n_ - j) * x[j] * x[j];
    r[2 * n_ - 1] = sum - 1.0;
  }
  void jacobian(const Vector& x, Matrix& j) const {
    const double root_a = std::sqrt(kPenaltyWeight);
    j.setZero(2 * n_, n_);
    j(0, 0) = 1.0;
    for (Index i = 1; i < n_; ++i) {
      j(i, i) = root_a * std::exp(x[i] / 10.0) / 10.0;
      j(i, i - 1) = root_a * std::exp(x[i - 1] / 10.0) / 10.0;
      j(n_ + i - 1, i) = root_a * std::exp(x[i] / 10.0) / 10.0;
    }
    for (Index c = 0; c < n_; ++c) j(2 * n_ - 1, c) = 2.0 * static_cast<double>(n_ - c) * x[c];
  }
  void curvature(const Vector& x, const Vector& r, Matrix& s) const {
    const double root_a = std::sqrt(kPenaltyWeight);
    s.setZero(n_, n_);
    for (Index i = 1; i < n_; ++i) {
      s(i, i) += (r[i] + r[n_ + i - 1]) * root_a * std::exp(x[i] / 10.0) / 100.0;
      s(i - 1, i - 1) += r[i] * root_a * std::exp(x[i - 1] / 10.0) / 100.0;
    }
    for (Index c = 0; c < n_; ++c) s(c, c) += r[2 * n_ - 1] * 2.0 * static_cast<double>(n_ - c);
  }
  std::vector<KnownMinimum> minima() const {
    switch (n_) {
      case 4:
        return {{vector_of({0.1999993333503804, 0.19131670099277245, 0.48010148533262315,
                            0.5188454043902005}),
                 9.376293007355442e-06, true}};
      case 10:
        return {{vector_of({0.1999836051978236, 0.010350648471292297, 0.019604934480438402,
                            0.03208906722068565, 0.049932677399641294, 0.07651399515399361,
                            0.11862407286950417, 0.19214487233557667, 0.34732058694184365,
                            0.3691643741593508}),
                 0.00029366053745674594, true}};
      default:
        return {};
    }
  }
  std::vector<Vector> standard_starts() const { return {Vector::Constant(n_, 0.5)}; }
  Box domain() const { return cube(n_, -1.0, 1.0); }
};

// MGH 25, m = n + 2: rᵢ = xᵢ − 1, rₙ₊₁ = s = Σ j(xⱼ − 1), rₙ₊₂ = s².
// With w = (1, …, n): ∇rₙ₊₂ = 2sw, ∇²rₙ₊₂ = 2wwᵀ.
struct VariablyDimensioned : SizedByDim<1, 10> {
  using SizedByDim::SizedByDim;
  Index num_residuals() const { return n_ + 2; }
  Vector weights() const { return Vector::LinSpaced(n_, 1.0, static_cast<double>(n_)); }
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    T s = T(0.0);
    for (Index i = 0; i < n_; ++i) {
      r[i] = x[i] - 1.0;
      s += static_cast<double>(i + 1) * (x[i] - 1.0);
    }
    r[n_] = s;
    r[n_ + 1] = s * s;
  }
  void jacobian(const Vector& x, Matrix& j) const {
    const Vector w = weights();
    const double s = w.dot(x - Vector::Ones(n_));
    j.resize(n_ + 2, n_);
    j.topRows(n_).setIdentity();
    j.row(n_) = w.transpose();
    j.row(n_ + 1) = 2.0 * s * w.transpose();
  }
  void curvature(const Vector&, const Vector& r, Matrix& s) const {
    const Vector w = weights();
    s = 2.0 * r[n_ + 1] * w * w.transpose();
  }
  std::vector<KnownMinimum> minima() const { return {{Vector::Ones(n_), 0.0, true}}; }
  std::vector<Vector> standard_starts() const {
    Vector x(n_);
    for (Index j = 0; j < n_; ++j) x[j] = 1.0 - static_cast<double>(j + 1) / static_cast<double>(n_);
    return {x};
  }
  Box domain() const { return cube(n_, -1.0, 2.0); }
};

// MGH 26, m = n: rᵢ = n − Σ cos xⱼ + i(1 − cos xᵢ) − sin xᵢ.
//   ∂rᵢ/∂xⱼ = sin xⱼ + δᵢⱼ (i sin xᵢ − cos xᵢ),  ∇²rᵢ = diag(cos x) + (i cos xᵢ + sin xᵢ) eᵢeᵢᵀ
struct Trigonometric : SizedByDim<1, 10> {
  using SizedByDim::SizedByDim;
  Index num_residuals() const { return n_; }
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    using std::cos;
    using std::sin;
    T cos_sum = T(0.0);
    for (Index j = 0; j < n_; ++j) cos_sum += cos(x[j]);
    for (Index i = 0; i < n_; ++i)
      r[i] = static_cast<double>(n_) - cos_sum + static_cast<double>(i + 1) * (1.0 - cos(x[i])) - sin(x[i]);
  }
  void jacobian(const Vector& x, Matrix& j) const {
    j.resize(n_, n_);
    for (Index i = 0; i < n_; ++i) {
      j.row(i) = x.array().sin().matrix().transpose();
      j(i, i) += static_cast<double>(i + 1) * std::sin(x[i]) - std::cos(x[i]);
    }
  }
  void curvature(const Vector& x, const Vector& r, Matrix& s) const {
    s = (r.sum() * x.array().cos()).matrix().asDiagonal();
    for (Index i = 0; i < n_; ++i)
      s(i, i) += r[i] * (static_cast<double>(i + 1) * std::cos(x[i]) + std::sin(x[i]));
  }
  std::vector<KnownMinimum> minima() const { return {{Vector::Zero(n_), 0.0, true}}; }
  std::vector<Vector> standard_starts() const {
    return {Vector::Constant(n_, 1.0 / static_cast<double>(n_))};
  }
  Box domain() const { return cube(n_, -1.0, 1.0); }
};

// MGH 27, m = n: rᵢ = xᵢ + Σ xⱼ − (n + 1), i < n;  rₙ = Π xⱼ − 1.
// ∂rₙ/∂xⱼ = Π_{k≠j} xₖ and ∂²rₙ/∂xⱼ∂xₖ = Π_{l≠j,k} xₗ, from prefix and suffix products.
struct BrownAlmostLinear : SizedByDim<2, 10> {
  using SizedByDim::SizedByDim;
  Index num_residuals() const { return n_; }
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    T sum = T(0.0), product = T(1.0);
    for (Index j = 0; j < n_; ++j) {
      sum += x[j];
      product *= x[j];
    }
    for (Index i = 0; i + 1 < n_; ++i) r[i] = x[i] + sum - static_cast<double>(n_ + 1);
    r[n_ - 1] = product - 1.0;
  }
  void jacobian(const Vector& x, Matrix& j) const {
    j.setOnes(n_, n_);
    j.diagonal().array() += 1.0;
    Vector before, after;
    partial_products(x, before, after);
    for (Index c = 0; c < n_; ++c) j(n_ - 1, c) = before[c] * after[c + 1];
  }
  void curvature(const Vector& x, const Vector& r, Matrix& s) const {
    s.setZero(n_, n_);
    Vector before, after;
    partial_products(x, before, after);
    for (Index a = 0; a < n_; ++a) {
      double between = 1.0;  // Π_{a<l<b} xₗ
      for (Index b = a + 1; b < n_; ++b) {
        s(a, b) = s(b, a) = r[n_ - 1] * before[a] * between * after[b + 1];
        between *= x[b];
      }
    }
  }
  std::vector<KnownMinimum> minima() const {
    std::vector<KnownMinimum> result{{Vector::Ones(n_), 0.0, true}};
    if (n_ >= 4) {  // for n = 3 this stationary point is a saddle
      Vector x = Vector::Zero(n_);
      x[n_ - 1] = static_cast<double>(n_ + 1);
      result.push_back({x, 1.0, false});
    }
    return result;
  }
  std::vector<Vector> standard_starts() const { return {Vector::Constant(n_, 0.5)}; }
  Box domain() const { return cube(n_, 0.0, 2.0); }
};

// MGH 28 and 29 discretize one boundary-value problem, u″ = (u + t + 1)³/2 on (0, 1) with
// u(0) = u(1) = 0 (MGH 29 in its integral form), at the n interior points tᵢ = ih,
// h = 1/(n + 1): m = n residuals, the standard start xᵢ = tᵢ(tᵢ − 1), and a root of r as the
// minimum, f = 0, found by Newton's method from the start.
template <class Problem>
class BoundaryValueGrid : public SizedByDim<1, 10> {
 public:
  using SizedByDim::SizedByDim;
  Index num_residuals() const { return n_; }
  double h() const { return 1.0 / static_cast<double>(n_ + 1); }
  std::vector<KnownMinimum> minima() const {
    return {{residual_root(static_cast<const Problem&>(*this), standard_starts().front()), 0.0,
             true}};
  }
  std::vector<Vector> standard_starts() const {
    Vector x(n_);
    for (Index i = 0; i < n_; ++i) {
      const double t = h() * static_cast<double>(i + 1);
      x[i] = t * (t - 1.0);
    }
    return {x};
  }
  Box domain() const { return cube(n_, -1.0, 1.0); }
};

// MGH 28, x₀ = xₙ₊₁ = 0:
//   rᵢ = 2xᵢ − xᵢ₋₁ − xᵢ₊₁ + h²(xᵢ + tᵢ + 1)³/2,   ∇²rᵢ = 3h²(xᵢ + tᵢ + 1) eᵢeᵢᵀ.
struct DiscreteBoundaryValue : BoundaryValueGrid<DiscreteBoundaryValue> {
  using BoundaryValueGrid::BoundaryValueGrid;
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    for (Index i = 0; i < n_; ++i) {
      const T u = x[i] + h() * static_cast<double>(i + 1) + 1.0;
      r[i] = 2.0 * x[i] + h() * h() * u * u * u / 2.0;
      if (i > 0) r[i] -= x[i - 1];
      if (i + 1 < n_) r[i] -= x[i + 1];
    }
  }
  void jacobian(const Vector& x, Matrix& j) const {
    j.setZero(n_, n_);
    for (Index i = 0; i < n_; ++i) {
      const double u = x[i] + h() * static_cast<double>(i + 1) + 1.0;
      j(i, i) = 2.0 + 1.5 * h() * h() * u * u;
      if (i > 0) j(i, i - 1) = -1.0;
      if (i + 1 < n_) j(i, i + 1) = -1.0;
    }
  }
  void curvature(const Vector& x, const Vector& r, Matrix& s) const {
    s.setZero(n_, n_);
    for (Index i = 0; i < n_; ++i)
      s(i, i) = r[i] * 3.0 * h() * h() * (x[i] + h() * static_cast<double>(i + 1) + 1.0);
  }
};

// MGH 29, uⱼ = xⱼ + tⱼ + 1:
//   rᵢ = xᵢ + (h/2) Σⱼ wᵢⱼ uⱼ³,  wᵢⱼ = (1 − tᵢ)tⱼ for j ≤ i, tᵢ(1 − tⱼ) for j > i
//   ∂rᵢ/∂xⱼ = δᵢⱼ + (3h/2) wᵢⱼ uⱼ²,   S = diag(3h uⱼ Σᵢ rᵢ wᵢⱼ)
struct DiscreteIntegralEquation : BoundaryValueGrid<DiscreteIntegralEquation> {
  using BoundaryValueGrid::BoundaryValueGrid;
  double weight(Index i, Index j) const {
    const double ti = h() * static_cast<double>(i + 1), tj = h() * static_cast<double>(j + 1);
    return j <= i ? (1.0 - ti) * tj : ti * (1.0 - tj);
  }
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    for (Index i = 0; i < n_; ++i) {
      T sum = T(0.0);
      for (Index j = 0; j < n_; ++j) {
        const T u = x[j] + h() * static_cast<double>(j + 1) + 1.0;
        sum += weight(i, j) * u * u * u;
      }
      r[i] = x[i] + h() / 2.0 * sum;
    }
  }
  void jacobian(const Vector& x, Matrix& j) const {
    j.resize(n_, n_);
    for (Index i = 0; i < n_; ++i)
      for (Index c = 0; c < n_; ++c) {
        const double u = x[c] + h() * static_cast<double>(c + 1) + 1.0;
        j(i, c) = (i == c ? 1.0 : 0.0) + 1.5 * h() * weight(i, c) * u * u;
      }
  }
  void curvature(const Vector& x, const Vector& r, Matrix& s) const {
    s.setZero(n_, n_);
    for (Index c = 0; c < n_; ++c) {
      double weighted = 0.0;
      for (Index i = 0; i < n_; ++i) weighted += r[i] * weight(i, c);
      s(c, c) = 3.0 * h() * (x[c] + h() * static_cast<double>(c + 1) + 1.0) * weighted;
    }
  }
};

// MGH 30, m = n, x₀ = xₙ₊₁ = 0: rᵢ = (3 − 2xᵢ)xᵢ − xᵢ₋₁ − 2xᵢ₊₁ + 1,  ∇²rᵢ = −4eᵢeᵢᵀ.
struct BroydenTridiagonal : SizedByDim<1, 10> {
  using SizedByDim::SizedByDim;
  Index num_residuals() const { return n_; }
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    for (Index i = 0; i < n_; ++i) {
      r[i] = (3.0 - 2.0 * x[i]) * x[i] + 1.0;
      if (i > 0) r[i] -= x[i - 1];
      if (i + 1 < n_) r[i] -= 2.0 * x[i + 1];
    }
  }
  void jacobian(const Vector& x, Matrix& j) const {
    j.setZero(n_, n_);
    for (Index i = 0; i < n_; ++i) {
      j(i, i) = 3.0 - 4.0 * x[i];
      if (i > 0) j(i, i - 1) = -1.0;
      if (i + 1 < n_) j(i, i + 1) = -2.0;
    }
  }
  void curvature(const Vector&, const Vector& r, Matrix& s) const {
    s = (-4.0 * r).asDiagonal();
  }
  std::vector<KnownMinimum> minima() const {
    return {{residual_root(*this, standard_starts().front()), 0.0, true}};
  }
  std::vector<Vector> standard_starts() const { return {Vector::Constant(n_, -1.0)}; }
};

// MGH 31, m = n: rᵢ = xᵢ(2 + 5xᵢ²) + 1 − Σ_{j∈Jᵢ} xⱼ(1 + xⱼ),
// Jᵢ = {j ≠ i : max(1, i − 5) ≤ j ≤ min(n, i + 1)}.
//   ∂rᵢ/∂xᵢ = 2 + 15xᵢ², ∂rᵢ/∂xⱼ = −(1 + 2xⱼ) (j ∈ Jᵢ); ∇²rᵢ = 30xᵢ eᵢeᵢᵀ − 2 Σ_{j∈Jᵢ} eⱼeⱼᵀ
struct BroydenBanded : SizedByDim<1, 10> {
  using SizedByDim::SizedByDim;
  Index num_residuals() const { return n_; }
  Index band_begin(Index i) const { return std::max<Index>(0, i - 5); }
  Index band_end(Index i) const { return std::min<Index>(n_, i + 2); }  // exclusive
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    for (Index i = 0; i < n_; ++i) {
      r[i] = x[i] * (2.0 + 5.0 * x[i] * x[i]) + 1.0;
      for (Index j = band_begin(i); j < band_end(i); ++j)
        if (j != i) r[i] -= x[j] * (1.0 + x[j]);
    }
  }
  void jacobian(const Vector& x, Matrix& j) const {
    j.setZero(n_, n_);
    for (Index i = 0; i < n_; ++i) {
      for (Index c = band_begin(i); c < band_end(i); ++c)
        if (c != i) j(i, c) = -(1.0 + 2.0 * x[c]);
      j(i, i) = 2.0 + 15.0 * x[i] * x[i];
    }
  }
  void curvature(const Vector& x, const Vector& r, Matrix& s) const {
    s.setZero(n_, n_);
    for (Index i = 0; i < n_; ++i) {
      s(i, i) += 30.0 * x[i] * r[i];
      for (Index c = band_begin(i); c < band_end(i); ++c)
        if (c != i) s(c, c) -= 2.0 * r[i];
    }
  }
  std::vector<KnownMinimum> minima() const {
    return {{residual_root(*this, standard_starts().front()), 0.0, true}};
  }
  std::vector<Vector> standard_starts() const { return {Vector::Constant(n_, -1.0)}; }
};

// MGH 32, m ≥ n: rᵢ = xᵢ − (2/m)Σ xⱼ − 1 (i ≤ n), rᵢ = −(2/m)Σ xⱼ − 1 (i > n).
// Linear: J = [I; 0] − (2/m)11ᵀ, S = 0. Minimum f(−1, …, −1) = m − n.
struct LinearFullRank : SizedByDimAndM<1, 5, 10> {
  using SizedByDimAndM::SizedByDimAndM;
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    T sum = T(0.0);
    for (Index j = 0; j < n_; ++j) sum += x[j];
    for (Index i = 0; i < m_; ++i) {
      r[i] = -2.0 / static_cast<double>(m_) * sum - 1.0;
      if (i < n_) r[i] += x[i];
    }
  }
  void jacobian(const Vector&, Matrix& j) const {
    j.setConstant(m_, n_, -2.0 / static_cast<double>(m_));
    j.topRows(n_).diagonal().array() += 1.0;
  }
  void curvature(const Vector&, const Vector&, Matrix& s) const { s.setZero(n_, n_); }
  std::vector<KnownMinimum> minima() const {
    return {{Vector::Constant(n_, -1.0), static_cast<double>(m_ - n_), true}};
  }
  std::vector<Vector> standard_starts() const { return {Vector::Ones(n_)}; }
};

// MGH 33, m ≥ n: rᵢ = i Σⱼ j xⱼ − 1. J = i·j (rank 1), S = 0. Minima: every x with
// Σ j xⱼ = 3/(2m + 1), f = m(m − 1)/(2(2m + 1)).
struct LinearRank1 : SizedByDimAndM<1, 5, 10> {
  using SizedByDimAndM::SizedByDimAndM;
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    T s = T(0.0);
    for (Index j = 0; j < n_; ++j) s += static_cast<double>(j + 1) * x[j];
    for (Index i = 0; i < m_; ++i) r[i] = static_cast<double>(i + 1) * s - 1.0;
  }
  void jacobian(const Vector&, Matrix& j) const {
    j = Vector::LinSpaced(m_, 1.0, static_cast<double>(m_)) *
        Vector::LinSpaced(n_, 1.0, static_cast<double>(n_)).transpose();
  }
  void curvature(const Vector&, const Vector&, Matrix& s) const { s.setZero(n_, n_); }
  std::vector<KnownMinimum> minima() const {
    const double m = static_cast<double>(m_);
    Vector x = Vector::Zero(n_);
    x[0] = 3.0 / (2.0 * m + 1.0);
    return {{x, m * (m - 1.0) / (2.0 * (2.0 * m + 1.0)), true}};
  }
  std::vector<Vector> standard_starts() const { return {Vector::Ones(n_)}; }
};

// MGH 34, m ≥ n ≥ 3: r₁ = rₘ = −1, rᵢ = (i − 1) Σ_{j=2}^{n−1} j xⱼ − 1 (2 ≤ i ≤ m − 1).
// Minima: every x with Σ_{j=2}^{n−1} j xⱼ = 3/(2m − 3), f = (m² + 3m − 6)/(2(2m − 3)).
struct LinearRank1Zero : SizedByDimAndM<3, 5, 10> {
  using SizedByDimAndM::SizedByDimAndM;
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    T s = T(0.0);
    for (Index j = 1; j + 1 < n_; ++j) s += static_cast<double>(j + 1) * x[j];
    r[0] = T(-1.0);
    for (Index i = 1; i + 1 < m_; ++i) r[i] = static_cast<double>(i) * s - 1.0;
    r[m_ - 1] = T(-1.0);
  }
  void jacobian(const Vector&, Matrix& j) const {
    j.setZero(m_, n_);
    for (Index i = 1; i + 1 < m_; ++i)
      for (Index c = 1; c + 1 < n_; ++c) j(i, c) = static_cast<double>(i) * static_cast<double>(c + 1);
  }
  void curvature(const Vector&, const Vector&, Matrix& s) const { s.setZero(n_, n_); }
  std::vector<KnownMinimum> minima() const {
    const double m = static_cast<double>(m_);
    Vector x = Vector::Zero(n_);
    x[1] = 3.0 / (2.0 * (2.0 * m - 3.0));
    return {{x, (m * m + 3.0 * m - 6.0) / (2.0 * (2.0 * m - 3.0)), true}};
  }
  std::vector<Vector> standard_starts() const { return {Vector::Ones(n_)}; }
};

// MGH 35, m ≥ n: rᵢ = (1/n) Σⱼ Tᵢ(xⱼ) − ∫₀¹ Tᵢ, Tᵢ the shifted Chebyshev polynomial
// Tᵢ(x) = Cᵢ(2x − 1); ∫₀¹ Tᵢ = 0 for odd i, −1/(i² − 1) for even i. With y = 2x − 1 and the
// recurrences Cₖ₊₁ = 2yCₖ − Cₖ₋₁, C′ₖ₊₁ = 2Cₖ + 2yC′ₖ − C′ₖ₋₁, C″ₖ₊₁ = 4C′ₖ + 2yC″ₖ − C″ₖ₋₁:
//   ∂rᵢ/∂xⱼ = (2/n) C′ᵢ(yⱼ),   S = diag((4/n) Σᵢ rᵢ C″ᵢ(yⱼ)).
struct Chebyquad {
  struct Params {
    std::int64_t dim = 8;
    std::optional<std::int64_t> m;
    template <class V>
    void visit(V& v) {
      v.integer("dim", dim, Range::closed(1, kMaxLeastSquaresDim), "dimension n");
      v.optional_integer("m", m, Range::closed(1, 10 * kMaxLeastSquaresDim),
                         "number of residuals m (>= dim; default dim)");
    }
    void validate() const {
      if (m && *m < dim)
        throw ConfigError("m", "key 'm' = " + std::to_string(*m) + " must be >= dim = " + std::to_string(dim));
    }
  };
  explicit Chebyquad(const Params& p) : n_(p.dim), m_(p.m.value_or(p.dim)) { validate_fields(p); }
  Index dim() const { return n_; }
  Index num_residuals() const { return m_; }
  double integral(Index i) const {  // ∫₀¹ Tᵢ, 1-based i
    const double k = static_cast<double>(i);
    return i % 2 == 1 ? 0.0 : -1.0 / (k * k - 1.0);
  }
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    for (Index i = 0; i < m_; ++i) r[i] = T(0.0);
    for (Index j = 0; j < n_; ++j) {
      const T y = 2.0 * x[j] - 1.0;
      T previous = T(1.0), current = y;
      for (Index i = 0; i < m_; ++i) {
        r[i] += current;
        const T next = 2.0 * y * current - previous;
        previous = current;
        current = next;
      }
    }
    for (Index i = 0; i < m_; ++i) r[i] = r[i] / static_cast<double>(n_) - integral(i + 1);
  }
  // Cᵢ′(y) and Cᵢ″(y) for i = 1 … m.
  void chebyshev_derivatives(double y, Vector& first, Vector& second) const {
    first.resize(m_);
    second.resize(m_);
    double c0 = 1.0, c1 = y, d0 = 0.0, d1 = 1.0, e0 = 0.0, e1 = 0.0;
    for (Index i = 0; i < m_; ++i) {
      first[i] = d1;
      second[i] = e1;
      const double c2 = 2.0 * y * c1 - c0, d2 = 2.0 * c1 + 2.0 * y * d1 - d0, e2 = 4.0 * d1 + 2.0 * y * e1 - e0;
      c0 = c1, c1 = c2, d0 = d1, d1 = d2, e0 = e1, e1 = e2;
    }
  }
  void jacobian(const Vector& x, Matrix& j) const {
    j.resize(m_, n_);
    Vector first, second;
    for (Index c = 0; c < n_; ++c) {
      chebyshev_derivatives(2.0 * x[c] - 1.0, first, second);
      j.col(c) = 2.0 / static_cast<double>(n_) * first;
    }
  }
  void curvature(const Vector& x, const Vector& r, Matrix& s) const {
    s.setZero(n_, n_);
    Vector first, second;
    for (Index c = 0; c < n_; ++c) {
      chebyshev_derivatives(2.0 * x[c] - 1.0, first, second);
      s(c, c) = 4.0 / static_cast<double>(n_) * r.dot(second);
    }
  }
  std::vector<KnownMinimum> minima() const {
    if (m_ != n_) return {};
    if (n_ == 8)
      return {{vector_of({0.04315276015101663, 0.1930908403841861, 0.26632870689027294, 0.5, 0.5,
                          0.7336712931097271, 0.8069091596158139, 0.9568472398489833}),
               0.0035168737256779316, true}};
    if (n_ == 10)
      return {{vector_of({0.0596199005358127, 0.16670828183586142, 0.2391706589426085,
                          0.3988842923060445, 0.3988842923060445, 0.6011157076939555,
                          0.6011157076939555, 0.7608293410573915, 0.8332917181641386,
                          0.9403800994641873}),
               0.006503954800882306, true}};
    if (n_ == 9)  // Newton from the standard start stalls at a local minimum, f = 0.0239
      return {{vector_of({0.044205346135782767, 0.19949067230988096, 0.23561910847106,
                          0.416046907892598, 0.5, 0.583953092107402, 0.76438089152894,
                          0.8005093276901191, 0.9557946538642172}),
               0.0, true}};
    if (n_ <= 7) return {{residual_root(*this, standard_starts().front()), 0.0, true}};
    return {};
  }
  std::vector<Vector> standard_starts() const {
    Vector x(n_);
    for (Index j = 0; j < n_; ++j) x[j] = static_cast<double>(j + 1) / static_cast<double>(n_ + 1);
    return {x};
  }
  Box domain() const { return {Vector::Zero(n_), Vector::Ones(n_)}; }

 private:
  Index n_, m_;
};

}  // namespace

std::vector<ObjectiveEntry> mgh_variable_dim_entries() {
  std::vector<ObjectiveEntry> entries;
  const auto dims = [](std::initializer_list<std::int64_t> values) {
    std::vector<ParamMap> sets;
    for (auto n : values) sets.push_back({{"dim", n}});
    return sets;
  };
  entries.push_back(least_squares_entry<Penalty1>({
      .name = "penalty1", .family = "MGH",
      .summary = "Penalty function I (MGH 23): a tiny penalty on x − 1 plus (‖x‖² − ¼)²",
      .formula = R"(f = 10⁻⁵ Σ (xᵢ − 1)² + (Σ xⱼ² − ¼)²
minimum xᵢ = ξ (root of 2nξ³ + (10⁻⁵ − ½)ξ − 10⁻⁵), f = 2.24997e−5 (n = 4),
7.08765e−5 (n = 10); standard start xⱼ = j)",
      .source = "J. E. Gill, W. Murray & R. A. Pitfield (1972); Moré, Garbow & Hillstrom (1981), "
                "problem 23",
      .check_params = dims({1, 10}),
  }));
  entries.push_back(least_squares_entry<Penalty2>({
      .name = "penalty2", .family = "MGH",
      .summary = "Penalty function II (MGH 24): exponential penalties plus a weighted norm",
      .formula = R"(f = (x₁ − 0.2)² + 10⁻⁵ Σ_{i=2}^{n} (e^(xᵢ/10) + e^(xᵢ₋₁/10) − yᵢ)²
    + 10⁻⁵ Σ_{i=2}^{n} (e^(xᵢ/10) − e^(−1/10))² + (Σ (n − j + 1)xⱼ² − 1)²
minimum f = 9.37629e−6 (n = 4), 2.93660e−4 (n = 10); standard start ½)",
      .source = "J. E. Gill, W. Murray & R. A. Pitfield (1972); Moré, Garbow & Hillstrom (1981), "
                "problem 24",
      .check_params = dims({1, 2, 10}),
  }));
  entries.push_back(least_squares_entry<VariablyDimensioned>({
      .name = "variably_dimensioned", .family = "MGH",
      .summary = "Variably dimensioned (MGH 25): identity residuals plus a quartic in Σ j(xⱼ − 1)",
      .formula = R"(f = Σ (xᵢ − 1)² + s² + s⁴,  s = Σ j(xⱼ − 1)
minimum f(1, …, 1) = 0; standard start xⱼ = 1 − j/n)",
      .source = "Moré, Garbow & Hillstrom (1981), problem 25",
      .check_params = dims({1, 3}),
  }));
  entries.push_back(least_squares_entry<Trigonometric>({
      .name = "trigonometric", .family = "MGH",
      .summary = "Trigonometric (MGH 26): n coupled trigonometric residuals",
      .formula = R"(f = Σᵢ (n − Σⱼ cos xⱼ + i(1 − cos xᵢ) − sin xᵢ)²
minimum f(0) = 0 (other local minima exist); standard start 1/n)",
      .source = "E. Spedicato (1975); Moré, Garbow & Hillstrom (1981), problem 26",
      .check_params = dims({1, 4}),
  }));
  entries.push_back(least_squares_entry<BrownAlmostLinear>({
      .name = "brown_almost_linear", .family = "MGH",
      .summary = "Brown almost-linear (MGH 27): n − 1 linear residuals and a product",
      .formula = R"(f = Σ_{i<n} (xᵢ + Σⱼ xⱼ − (n + 1))² + (Πⱼ xⱼ − 1)²
minimum f(1, …, 1) = 0; local minimum f(0, …, 0, n + 1) = 1 (n >= 4)
standard start ½)",
      .source = "K. M. Brown (1969); Moré, Garbow & Hillstrom (1981), problem 27",
      .check_params = dims({2, 3, 5}),
  }));
  entries.push_back(least_squares_entry<DiscreteBoundaryValue>({
      .name = "discrete_boundary_value", .family = "MGH",
      .summary = "Discrete boundary value (MGH 28): a nonlinear two-point boundary problem",
      .formula = R"(f = Σᵢ (2xᵢ − xᵢ₋₁ − xᵢ₊₁ + h²(xᵢ + tᵢ + 1)³/2)²,  h = 1/(n + 1), tᵢ = ih,
x₀ = xₙ₊₁ = 0
minimum f = 0 (computed by Newton's method on r = 0); standard start tᵢ(tᵢ − 1))",
      .source = "Moré, Garbow & Hillstrom (1981), problem 28",
      .check_params = dims({1, 5}),
  }));
  entries.push_back(least_squares_entry<DiscreteIntegralEquation>({
      .name = "discrete_integral_equation", .family = "MGH",
      .summary = "Discrete integral equation (MGH 29): a dense nonlinear system",
      .formula = R"(f = Σᵢ (xᵢ + (h/2)[(1 − tᵢ)Σ_{j≤i} tⱼuⱼ³ + tᵢΣ_{j>i} (1 − tⱼ)uⱼ³])²,
uⱼ = xⱼ + tⱼ + 1, h = 1/(n + 1), tᵢ = ih
minimum f = 0 (computed by Newton's method on r = 0); standard start tᵢ(tᵢ − 1))",
      .source = "Moré, Garbow & Hillstrom (1981), problem 29",
      .check_params = dims({1, 5}),
  }));
  entries.push_back(least_squares_entry<BroydenTridiagonal>({
      .name = "broyden_tridiagonal", .family = "MGH",
      .summary = "Broyden tridiagonal (MGH 30)",
      .formula = R"(f = Σᵢ ((3 − 2xᵢ)xᵢ − xᵢ₋₁ − 2xᵢ₊₁ + 1)²,  x₀ = xₙ₊₁ = 0
minimum f = 0 (computed by Newton's method on r = 0); standard start −1)",
      .source = "C. G. Broyden (1965); Moré, Garbow & Hillstrom (1981), problem 30",
      .check_params = dims({1, 5}),
  }));
  entries.push_back(least_squares_entry<BroydenBanded>({
      .name = "broyden_banded", .family = "MGH",
      .summary = "Broyden banded (MGH 31): five sub-diagonals and one super-diagonal",
      .formula = R"(f = Σᵢ (xᵢ(2 + 5xᵢ²) + 1 − Σ_{j∈Jᵢ} xⱼ(1 + xⱼ))²,
Jᵢ = {j ≠ i : max(1, i − 5) <= j <= min(n, i + 1)}
minimum f = 0 (computed by Newton's method on r = 0); standard start −1)",
      .source = "C. G. Broyden (1971); Moré, Garbow & Hillstrom (1981), problem 31",
      .check_params = dims({1, 8}),
  }));
  entries.push_back(least_squares_entry<LinearFullRank>({
      .name = "linear_full_rank", .family = "MGH",
      .summary = "Linear function, full rank (MGH 32): a linear least-squares problem",
      .formula = R"(f = Σ_{i≤n} (xᵢ − (2/m)Σⱼ xⱼ − 1)² + Σ_{i>n} ((2/m)Σⱼ xⱼ + 1)²,  m >= n
minimum f(−1, …, −1) = m − n; standard start 1)",
      .source = "Moré, Garbow & Hillstrom (1981), problem 32",
      .check_params = {{{"dim", std::int64_t{1}}, {"m", std::int64_t{1}}},
                       {{"dim", std::int64_t{3}}, {"m", std::int64_t{7}}}},
  }));
  entries.push_back(least_squares_entry<LinearRank1>({
      .name = "linear_rank1", .family = "MGH",
      .summary = "Linear function, rank 1 (MGH 33): a hyperplane of minimisers",
      .formula = R"(f = Σ_{i=1}^{m} (i Σⱼ j xⱼ − 1)²,  m >= n
minimum f = m(m − 1)/(2(2m + 1)) wherever Σ j xⱼ = 3/(2m + 1); standard start 1)",
      .source = "Moré, Garbow & Hillstrom (1981), problem 33",
      .check_params = {{{"dim", std::int64_t{2}}, {"m", std::int64_t{3}}}},
  }));
  entries.push_back(least_squares_entry<LinearRank1Zero>({
      .name = "linear_rank1_zero", .family = "MGH",
      .summary = "Linear function, rank 1 with zero columns and rows (MGH 34)",
      .formula = R"(f = 2 + Σ_{i=2}^{m−1} ((i − 1) Σ_{j=2}^{n−1} j xⱼ − 1)²,  m >= n >= 3
minimum f = (m² + 3m − 6)/(2(2m − 3)) wherever Σ_{j=2}^{n−1} j xⱼ = 3/(2m − 3)
standard start 1)",
      .source = "Moré, Garbow & Hillstrom (1981), problem 34",
      .check_params = {{{"dim", std::int64_t{3}}, {"m", std::int64_t{4}}}},
  }));
  entries.push_back(least_squares_entry<Chebyquad>({
      .name = "chebyquad", .family = "MGH",
      .summary = "Chebyquad (MGH 35): Chebyshev quadrature nodes as a least-squares problem",
      .formula = R"(f = Σ_{i=1}^{m} ((1/n) Σⱼ Tᵢ(xⱼ) − ∫₀¹ Tᵢ)²,  Tᵢ shifted Chebyshev, m >= n
minimum f = 0 for n <= 7 and n = 9 (m = n), 3.51687e−3 (n = 8), 6.50395e−3 (n = 10)
standard start xⱼ = j/(n + 1))",
      .source = "R. Fletcher (1965); Moré, Garbow & Hillstrom (1981), problem 35",
      .check_params = {{{"dim", std::int64_t{2}}},
                       {{"dim", std::int64_t{5}}},
                       {{"dim", std::int64_t{7}}},
                       {{"dim", std::int64_t{9}}},
                       {{"dim", std::int64_t{10}}},
                       {{"dim", std::int64_t{3}}, {"m", std::int64_t{5}}}},
  }));
  return entries;
}

}  // namespace descent
