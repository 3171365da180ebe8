// Formulas, data, standard starts and reference values from J. J. Moré, B. S. Garbow and
// K. E. Hillstrom, Testing unconstrained optimization software, ACM TOMS 7 (1981) 17–41.
// The minimisers listed below are roots of ∇f computed to 40 digits with mpmath (from the
// neighbourhood MGH report) and rounded to double; their f agrees with MGH's f* to the six
// digits MGH print (tests/objectives/mgh_reference_test.cpp).
#include "descent/objectives/mgh/mgh_data_fitting.hpp"

#include <array>
#include <cmath>
#include <cstdint>

#include "descent/objectives/mgh/least_squares.hpp"

namespace descent {

namespace {

Vector vector_of(std::initializer_list<double> values) {
  Vector v(static_cast<Index>(values.size()));
  Index i = 0;
  for (double value : values) v[i++] = value;
  return v;
}

// A problem that fits a model to m points of a curve, m its one parameter: m residuals.
template <int kMinResiduals, int kDefaultResiduals, int kMaxResiduals>
class CurveFit {
 public:
  struct Params {
    std::int64_t m = kDefaultResiduals;
    template <class V>
    void visit(V& v) {
      v.integer("m", m, Range::closed(kMinResiduals, kMaxResiduals), "number of residuals m");
    }
  };
  explicit CurveFit(const Params& params) : m_(params.m) { validate_fields(params); }
  Index num_residuals() const { return m_; }

 protected:
  Index m_;
};

// MGH 6, m = 10: rᵢ = 2 + 2i − (e^(i x₁) + e^(i x₂)).
struct JennrichSampson : FixedResiduals<2, 10> {
  using FixedResiduals::FixedResiduals;
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    using std::exp;
    for (Index i = 1; i <= 10; ++i) {
      const double t = static_cast<double>(i);
      r[i - 1] = 2.0 + 2.0 * t - (exp(t * x[0]) + exp(t * x[1]));
    }
  }
  void jacobian(const Vector& x, Matrix& j) const {
    j.resize(10, 2);
    for (Index i = 1; i <= 10; ++i) {
      const double t = static_cast<double>(i);
      j(i - 1, 0) = -t * std::exp(t * x[0]);
      j(i - 1, 1) = -t * std::exp(t * x[1]);
    }
  }
  void curvature(const Vector& x, const Vector& r, Matrix& s) const {
    s.setZero(2, 2);
    for (Index i = 1; i <= 10; ++i) {
      const double t = static_cast<double>(i);
      s(0, 0) -= r[i - 1] * t * t * std::exp(t * x[0]);
      s(1, 1) -= r[i - 1] * t * t * std::exp(t * x[1]);
    }
  }
  std::vector<KnownMinimum> minima() const {
    return {{Vector{{0.2578252136703641, 0.2578252136703641}}, 124.36218235561485, true}};
  }
  std::vector<Vector> standard_starts() const { return {Vector{{0.3, 0.4}}}; }
  Box domain() const { return cube(2, 0.0, 0.45); }
};

// MGH 8: rᵢ = yᵢ − (x₁ + uᵢ/(vᵢx₂ + wᵢx₃)), uᵢ = i, vᵢ = 16 − i, wᵢ = min(uᵢ, vᵢ).
struct Bard : FixedResiduals<3, 15> {
  using FixedResiduals::FixedResiduals;
  static constexpr std::array<double, 15> kY = {0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39,
                                                0.37, 0.58, 0.73, 0.96, 1.34, 2.10, 4.39};
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    for (Index i = 1; i <= 15; ++i) {
      const double u = static_cast<double>(i), v = 16.0 - u, w = std::min(u, v);
      r[i - 1] = kY[i - 1] - (x[0] + u / (v * x[1] + w * x[2]));
    }
  }
  void jacobian(const Vector& x, Matrix& j) const {
    j.resize(15, 3);
    for (Index i = 1; i <= 15; ++i) {
      const double u = static_cast<double>(i), v = 16.0 - u, w = std::min(u, v);
      const double d = v * x[1] + w * x[2];
      j.row(i - 1) << -1.0, u * v / (d * d), u * w / (d * d);
    }
  }
  void curvature(const Vector& x, const Vector& r, Matrix& s) const {
    s.setZero(3, 3);
    for (Index i = 1; i <= 15; ++i) {
      const double u = static_cast<double>(i), v = 16.0 - u, w = std::min(u, v);
      const double d = v * x[1] + w * x[2], c = -2.0 * u * r[i - 1] / (d * d * d);
      s(1, 1) += c * v * v;
      s(1, 2) += c * v * w;
      s(2, 2) += c * w * w;
    }
    s(2, 1) = s(1, 2);
  }
  std::vector<KnownMinimum> minima() const {
    return {{vector_of({0.08241055974978893, 1.1330360920297216, 2.343695178642537}),
             0.008214877306578975, true}};
  }
  std::vector<Vector> standard_starts() const { return {Vector::Ones(3)}; }
  Box domain() const { return {Vector{{-1.0, 0.5, 0.5}}, Vector{{1.0, 3.0, 3.0}}}; }
};

// MGH 9: rᵢ = x₁ exp(−x₂(tᵢ − x₃)²/2) − yᵢ, tᵢ = (8 − i)/2, i = 1 … 15.
struct Gaussian : FixedResiduals<3, 15> {
  using FixedResiduals::FixedResiduals;
  static constexpr std::array<double, 15> kY = {0.0009, 0.0044, 0.0175, 0.0540, 0.1295,
                                                0.2420, 0.3521, 0.3989, 0.3521, 0.2420,
                                                0.1295, 0.0540, 0.0175, 0.0044, 0.0009};
  static double t_of(Index i) { return (8.0 - static_cast<double>(i)) / 2.0; }
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    using std::exp;
    for (Index i = 1; i <= 15; ++i) {
      const T d = t_of(i) - x[2];
      r[i - 1] = x[0] * exp(-x[1] * d * d / 2.0) - kY[i - 1];
    }
  }
  void jacobian(const Vector& x, Matrix& j) const {
    j.resize(15, 3);
    for (Index i = 1; i <= 15; ++i) {
      const double d = t_of(i) - x[2], e = std::exp(-x[1] * d * d / 2.0);
      j.row(i - 1) << e, -x[0] * d * d / 2.0 * e, x[0] * x[1] * d * e;
    }
  }
  void curvature(const Vector& x, const Vector& r, Matrix& s) const {
    s.setZero(3, 3);
    for (Index i = 1; i <= 15; ++i) {
      const double d = t_of(i) - x[2], d2 = d * d, e = std::exp(-x[1] * d2 / 2.0);
      const double ri = r[i - 1];
      s(0, 1) += ri * (-d2 / 2.0 * e);
      s(0, 2) += ri * x[1] * d * e;
      s(1, 1) += ri * x[0] * d2 * d2 / 4.0 * e;
      s(1, 2) += ri * (x[0] * d * e - x[0] * x[1] * d2 * d / 2.0 * e);
      s(2, 2) += ri * x[0] * x[1] * e * (x[1] * d2 - 1.0);
    }
    s(1, 0) = s(0, 1);
    s(2, 0) = s(0, 2);
    s(2, 1) = s(1, 2);
  }
  std::vector<KnownMinimum> minima() const {
    return {{vector_of({0.39895613783875666, 1.0000190844878056, 0.0}), 1.127932769618648e-08, true}};
  }
  std::vector<Vector> standard_starts() const { return {Vector{{0.4, 1.0, 0.0}}}; }
  Box domain() const { return {Vector{{0.1, 0.5, -1.0}}, Vector{{1.0, 2.0, 1.0}}}; }
};

// MGH 10: rᵢ = x₁ exp(x₂/(tᵢ + x₃)) − yᵢ, tᵢ = 45 + 5i, i = 1 … 16.
struct Meyer : FixedResiduals<3, 16> {
  using FixedResiduals::FixedResiduals;
  static constexpr std::array<double, 16> kY = {34780, 28610, 23650, 19630, 16370, 13720,
                                                11540, 9744,  8261,  7030,  6005,  5147,
                                                4427,  3820,  3307,  2872};
  static double t_of(Index i) { return 45.0 + 5.0 * static_cast<double>(i); }
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    using std::exp;
    for (Index i = 1; i <= 16; ++i) r[i - 1] = x[0] * exp(x[1] / (t_of(i) + x[2])) - kY[i - 1];
  }
  void jacobian(const Vector& x, Matrix& j) const {
    j.resize(16, 3);
    for (Index i = 1; i <= 16; ++i) {
      const double d = t_of(i) + x[2], e = std::exp(x[1] / d);
      j.row(i - 1) << e, x[0] * e / d, -x[0] * x[1] * e / (d * d);
    }
  }
  void curvature(const Vector& x, const Vector& r, Matrix& s) const {
    s.setZero(3, 3);
    for (Index i = 1; i <= 16; ++i) {
      const double d = t_of(i) + x[2], e = std::exp(x[1] / d), ri = r[i - 1];
      s(0, 1) += ri * e / d;
      s(0, 2) -= ri * x[1] * e / (d * d);
      s(1, 1) += ri * x[0] * e / (d * d);
      s(1, 2) -= ri * x[0] * e * (x[1] / (d * d * d) + 1.0 / (d * d));
      s(2, 2) += ri * x[0] * x[1] * e * (x[1] / (d * d * d * d) + 2.0 / (d * d * d));
    }
    s(1, 0) = s(0, 1);
    s(2, 0) = s(0, 2);
    s(2, 1) = s(1, 2);
  }
  std::vector<KnownMinimum> minima() const {
    return {{vector_of({0.005609636471028053, 6181.346346286372, 345.2236346241365}),
             87.94585517085112, true}};
  }
  std::vector<Vector> standard_starts() const { return {Vector{{0.02, 4000.0, 250.0}}}; }
  Box domain() const { return {Vector{{0.004, 4000.0, 250.0}}, Vector{{0.03, 7000.0, 400.0}}}; }
};

// MGH 11: rᵢ = exp(−|yᵢ − x₂|^x₃ / x₁) − tᵢ, tᵢ = i/100, yᵢ = 25 + (−50 ln tᵢ)^(2/3),
// i = 1 … m (3 ≤ m ≤ 100). MGH print "yᵢ m i x₂" for yᵢ − x₂, a known misprint. With
// a = |yᵢ − x₂|, σ = sign(yᵢ − x₂), q = a^x₃/x₁, rᵢ = e^(−q) − tᵢ:
//   ∇q = (−q/x₁, −σx₃q/a, q ln a),   ∇rᵢ = −e^(−q)∇q,   ∇²rᵢ = e^(−q)(∇q∇qᵀ − ∇²q),
//   ∇²q = [[2q/x₁², σx₃q/(a x₁), −q ln a/x₁], [·, x₃(x₃ − 1)q/a², −σq(1 + x₃ ln a)/a],
//          [·, ·, q ln² a]]
struct Gulf : CurveFit<3, 99, 100> {
  using CurveFit::CurveFit;
  Index dim() const { return 3; }
  static double t_of(Index i) { return static_cast<double>(i) / 100.0; }
  static double y_of(Index i) { return 25.0 + std::pow(-50.0 * std::log(t_of(i)), 2.0 / 3.0); }
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    using std::abs;
    using std::exp;
    using std::pow;
    for (Index i = 1; i <= m_; ++i) r[i - 1] = exp(-pow(abs(y_of(i) - x[1]), x[2]) / x[0]) - t_of(i);
  }
  struct Term {
    double e;                // e^(−q)
    Eigen::Vector3d dq;      // ∇q
    Eigen::Matrix3d d2q;     // ∇²q
  };
  static Term term(const Vector& x, Index i) {
    const double diff = y_of(i) - x[1], a = std::abs(diff), sigma = diff < 0.0 ? -1.0 : 1.0;
    const double q = std::pow(a, x[2]) / x[0], log_a = std::log(a);
    Term t;
    t.e = std::exp(-q);
    t.dq << -q / x[0], -sigma * x[2] * q / a, q * log_a;
    t.d2q << 2.0 * q / (x[0] * x[0]), sigma * x[2] * q / (a * x[0]), -q * log_a / x[0],
        sigma * x[2] * q / (a * x[0]), x[2] * (x[2] - 1.0) * q / (a * a), -sigma * q * (1.0 + x[2] * log_a) / a,
        -q * log_a / x[0], -sigma * q * (1.0 + x[2] * log_a) / a, q * log_a * log_a;
    return t;
  }
  void jacobian(const Vector& x, Matrix& j) const {
    j.resize(m_, 3);
    for (Index i = 1; i <= m_; ++i) {
      const Term t = term(x, i);
      j.row(i - 1) = -t.e * t.dq.transpose();
    }
  }
  void curvature(const Vector& x, const Vector& r, Matrix& s) const {
    s.setZero(3, 3);
    for (Index i = 1; i <= m_; ++i) {
      const Term t = term(x, i);
      s += r[i - 1] * t.e * (t.dq * t.dq.transpose() - t.d2q);
    }
  }
  std::vector<KnownMinimum> minima() const { return {{Vector{{50.0, 25.0, 1.5}}, 0.0, true}}; }
  std::vector<Vector> standard_starts() const { return {Vector{{5.0, 2.5, 0.15}}}; }
  Box domain() const { return {Vector{{1.0, 0.0, 0.1}}, Vector{{60.0, 25.0, 3.0}}}; }
};

// MGH 12: rᵢ = e^(−tᵢx₁) − e^(−tᵢx₂) − x₃(e^(−tᵢ) − e^(−10tᵢ)), tᵢ = 0.1i, i = 1 … m.
struct Box3d : CurveFit<3, 10, 1000> {
  using CurveFit::CurveFit;
  Index dim() const { return 3; }
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    using std::exp;
    for (Index i = 1; i <= m_; ++i) {
      const double t = 0.1 * static_cast<double>(i);
      r[i - 1] = exp(-t * x[0]) - exp(-t * x[1]) - x[2] * (std::exp(-t) - std::exp(-10.0 * t));
    }
  }
  void jacobian(const Vector& x, Matrix& j) const {
    j.resize(m_, 3);
    for (Index i = 1; i <= m_; ++i) {
      const double t = 0.1 * static_cast<double>(i);
      j.row(i - 1) << -t * std::exp(-t * x[0]), t * std::exp(-t * x[1]),
          -(std::exp(-t) - std::exp(-10.0 * t));
    }
  }
  void curvature(const Vector& x, const Vector& r, Matrix& s) const {
    s.setZero(3, 3);
    for (Index i = 1; i <= m_; ++i) {
      const double t = 0.1 * static_cast<double>(i);
      s(0, 0) += r[i - 1] * t * t * std::exp(-t * x[0]);
      s(1, 1) -= r[i - 1] * t * t * std::exp(-t * x[1]);
    }
  }
  std::vector<KnownMinimum> minima() const {
    return {{Vector{{1.0, 10.0, 1.0}}, 0.0, true}, {Vector{{10.0, 1.0, -1.0}}, 0.0, true}};
  }
  std::vector<Vector> standard_starts() const { return {Vector{{0.0, 10.0, 20.0}}}; }
  Box domain() const { return {Vector{{0.0, 0.0, -2.0}}, Vector{{12.0, 12.0, 20.0}}}; }
};

// MGH 15: rᵢ = yᵢ − x₁(uᵢ² + uᵢx₂)/(uᵢ² + uᵢx₃ + x₄), i = 1 … 11.
struct KowalikOsborne : FixedResiduals<4, 11> {
  using FixedResiduals::FixedResiduals;
  static constexpr std::array<double, 11> kY = {0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627,
                                                0.0456, 0.0342, 0.0323, 0.0235, 0.0246};
  static constexpr std::array<double, 11> kU = {4.0,    2.0,    1.0,    0.5,    0.25,  0.167,
                                                0.125,  0.1,    0.0833, 0.0714, 0.0625};
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    for (std::size_t i = 0; i < 11; ++i) {
      const double u = kU[i];
      r[i] = kY[i] - x[0] * (u * u + u * x[1]) / (u * u + u * x[2] + x[3]);
    }
  }
  void jacobian(const Vector& x, Matrix& j) const {
    j.resize(11, 4);
    for (std::size_t i = 0; i < 11; ++i) {
      const double u = kU[i], num = u * u + u * x[1], den = u * u + u * x[2] + x[3];
      j.row(static_cast<Index>(i)) << -num / den, -x[0] * u / den, x[0] * num * u / (den * den),
          x[0] * num / (den * den);
    }
  }
  void curvature(const Vector& x, const Vector& r, Matrix& s) const {
    s.setZero(4, 4);
    for (std::size_t i = 0; i < 11; ++i) {
      const double u = kU[i], num = u * u + u * x[1], den = u * u + u * x[2] + x[3];
      const double d2 = den * den, d3 = d2 * den, ri = r[static_cast<Index>(i)];
      s(0, 1) += ri * (-u / den);
      s(0, 2) += ri * num * u / d2;
      s(0, 3) += ri * num / d2;
      s(1, 2) += ri * x[0] * u * u / d2;
      s(1, 3) += ri * x[0] * u / d2;
      s(2, 2) += ri * (-2.0 * x[0] * num * u * u / d3);
      s(2, 3) += ri * (-2.0 * x[0] * num * u / d3);
      s(3, 3) += ri * (-2.0 * x[0] * num / d3);
    }
    s = s.selfadjointView<Eigen::Upper>();
  }
  std::vector<KnownMinimum> minima() const {
    return {{vector_of({0.19280693457903786, 0.19128232873436696, 0.12305650692632066,
                        0.13606233068379484}),
             0.00030750560384923745, true}};
  }
  std::vector<Vector> standard_starts() const { return {Vector{{0.25, 0.39, 0.415, 0.39}}}; }
  Box domain() const { return cube(4, 0.1, 0.5); }
};

// MGH 16: rᵢ = (x₁ + tᵢx₂ − e^tᵢ)² + (x₃ + x₄ sin tᵢ − cos tᵢ)², tᵢ = i/5, i = 1 … m.
// With pᵢ, qᵢ the two inner terms, a = (1, tᵢ, 0, 0), b = (0, 0, 1, sin tᵢ):
//   ∇rᵢ = 2pᵢa + 2qᵢb,   ∇²rᵢ = 2aaᵀ + 2bbᵀ.
struct BrownDennis : CurveFit<4, 20, 1000> {
  using CurveFit::CurveFit;
  Index dim() const { return 4; }
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    for (Index i = 1; i <= m_; ++i) {
      const double t = static_cast<double>(i) / 5.0;
      const T p = x[0] + t * x[1] - std::exp(t);
      const T q = x[2] + x[3] * std::sin(t) - std::cos(t);
      r[i - 1] = p * p + q * q;
    }
  }
  void jacobian(const Vector& x, Matrix& j) const {
    j.resize(m_, 4);
    for (Index i = 1; i <= m_; ++i) {
      const double t = static_cast<double>(i) / 5.0;
      const double p = x[0] + t * x[1] - std::exp(t), q = x[2] + x[3] * std::sin(t) - std::cos(t);
      j.row(i - 1) << 2.0 * p, 2.0 * p * t, 2.0 * q, 2.0 * q * std::sin(t);
    }
  }
  void curvature(const Vector&, const Vector& r, Matrix& s) const {
    s.setZero(4, 4);
    for (Index i = 1; i <= m_; ++i) {
      const double t = static_cast<double>(i) / 5.0;
      const Eigen::Vector4d a(1.0, t, 0.0, 0.0), b(0.0, 0.0, 1.0, std::sin(t));
      s += 2.0 * r[i - 1] * (a * a.transpose() + b * b.transpose());
    }
  }
  std::vector<KnownMinimum> minima() const {
    if (m_ != 20) return {};
    return {{vector_of({-11.594439904762165, 13.203630051207204, -0.40343948817685954,
                        0.2367787744557363}),
             85822.20162635634, true}};
  }
  std::vector<Vector> standard_starts() const { return {Vector{{25.0, 5.0, -5.0, -1.0}}}; }
  Box domain() const { return cube(4, -25.0, 25.0); }
};

// MGH 17: rᵢ = yᵢ − (x₁ + x₂e^(−tᵢx₄) + x₃e^(−tᵢx₅)), tᵢ = 10(i − 1), i = 1 … 33.
struct Osborne1 : FixedResiduals<5, 33> {
  using FixedResiduals::FixedResiduals;
  static constexpr std::array<double, 33> kY = {
      0.844, 0.908, 0.932, 0.936, 0.925, 0.908, 0.881, 0.850, 0.818, 0.784, 0.751,
      0.718, 0.685, 0.658, 0.628, 0.603, 0.580, 0.558, 0.538, 0.522, 0.506, 0.490,
      0.478, 0.467, 0.457, 0.448, 0.438, 0.431, 0.424, 0.420, 0.414, 0.411, 0.406};
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    using std::exp;
    for (std::size_t i = 0; i < 33; ++i) {
      const double t = 10.0 * static_cast<double>(i);
      r[i] = kY[i] - (x[0] + x[1] * exp(-t * x[3]) + x[2] * exp(-t * x[4]));
    }
  }
  void jacobian(const Vector& x, Matrix& j) const {
    j.resize(33, 5);
    for (Index i = 0; i < 33; ++i) {
      const double t = 10.0 * static_cast<double>(i);
      const double e4 = std::exp(-t * x[3]), e5 = std::exp(-t * x[4]);
      j.row(i) << -1.0, -e4, -e5, t * x[1] * e4, t * x[2] * e5;
    }
  }
  void curvature(const Vector& x, const Vector& r, Matrix& s) const {
    s.setZero(5, 5);
    for (Index i = 0; i < 33; ++i) {
      const double t = 10.0 * static_cast<double>(i);
      const double e4 = std::exp(-t * x[3]), e5 = std::exp(-t * x[4]);
      s(1, 3) += r[i] * t * e4;
      s(2, 4) += r[i] * t * e5;
      s(3, 3) -= r[i] * t * t * x[1] * e4;
      s(4, 4) -= r[i] * t * t * x[2] * e5;
    }
    s(3, 1) = s(1, 3);
    s(4, 2) = s(2, 4);
  }
  std::vector<KnownMinimum> minima() const {
    return {{vector_of({0.37541005210695205, 1.9358469127123674, -1.464687136613423,
                        0.012867534640057288, 0.02212269966167261}),
             5.464894697482907e-05, true}};
  }
  std::vector<Vector> standard_starts() const { return {Vector{{0.5, 1.5, -1.0, 0.01, 0.02}}}; }
  Box domain() const {
    return {Vector{{0.0, 0.0, -3.0, 0.005, 0.005}}, Vector{{1.0, 3.0, 0.0, 0.05, 0.05}}};
  }
};

// MGH 18: rᵢ = x₃e^(−tᵢx₁) − x₄e^(−tᵢx₂) + x₆e^(−tᵢx₅) − yᵢ, tᵢ = 0.1i,
// yᵢ = e^(−tᵢ) − 5e^(−10tᵢ) + 3e^(−4tᵢ), i = 1 … m.
struct BiggsExp6 : CurveFit<6, 13, 1000> {
  using CurveFit::CurveFit;
  Index dim() const { return 6; }
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    using std::exp;
    for (Index i = 1; i <= m_; ++i) {
      const double t = 0.1 * static_cast<double>(i);
      const double y = std::exp(-t) - 5.0 * std::exp(-10.0 * t) + 3.0 * std::exp(-4.0 * t);
      r[i - 1] = x[2] * exp(-t * x[0]) - x[3] * exp(-t * x[1]) + x[5] * exp(-t * x[4]) - y;
    }
  }
  void jacobian(const Vector& x, Matrix& j) const {
    j.resize(m_, 6);
    for (Index i = 1; i <= m_; ++i) {
      const double t = 0.1 * static_cast<double>(i);
      const double e1 = std::exp(-t * x[0]), e2 = std::exp(-t * x[1]), e5 = std::exp(-t * x[4]);
      j.row(i - 1) << -t * x[2] * e1, t * x[3] * e2, e1, -e2, -t * x[5] * e5, e5;
    }
  }
  void curvature(const Vector& x, const Vector& r, Matrix& s) const {
    s.setZero(6, 6);
    for (Index i = 1; i <= m_; ++i) {
      const double t = 0.1 * static_cast<double>(i), ri = r[i - 1];
      const double e1 = std::exp(-t * x[0]), e2 = std::exp(-t * x[1]), e5 = std::exp(-t * x[4]);
      s(0, 0) += ri * t * t * x[2] * e1;
      s(0, 2) -= ri * t * e1;
      s(1, 1) -= ri * t * t * x[3] * e2;
      s(1, 3) += ri * t * e2;
      s(4, 4) += ri * t * t * x[5] * e5;
      s(4, 5) -= ri * t * e5;
    }
    s(2, 0) = s(0, 2);
    s(3, 1) = s(1, 3);
    s(5, 4) = s(4, 5);
  }
  std::vector<KnownMinimum> minima() const {
    return {{vector_of({1.0, 10.0, 1.0, 5.0, 4.0, 3.0}), 0.0, true}};
  }
  std::vector<Vector> standard_starts() const { return {Vector{{1.0, 2.0, 1.0, 1.0, 1.0, 1.0}}}; }
  Box domain() const { return {Vector::Zero(6), Vector{{3.0, 12.0, 3.0, 6.0, 6.0, 4.0}}}; }
};

// MGH 19: rᵢ = yᵢ − (x₁e^(−tᵢx₅) + Σ_{k=2}^{4} xₖ e^(−(tᵢ − xₖ₊₇)² xₖ₊₄)), tᵢ = (i − 1)/10,
// i = 1 … 65. Each Gaussian term a·e^(−(t − c)²b) has, with δ = t − c, e its exponential:
//   ∂a = e, ∂b = −aδ²e, ∂c = 2abδe; ∂²ab = −δ²e, ∂²ac = 2bδe, ∂²bb = aδ⁴e,
//   ∂²bc = 2aδe − 2abδ³e, ∂²cc = 2abe(2bδ² − 1).
struct Osborne2 : FixedResiduals<11, 65> {
  using FixedResiduals::FixedResiduals;
  static constexpr std::array<double, 65> kY = {
      1.366, 1.191, 1.112, 1.013, 0.991, 0.885, 0.831, 0.847, 0.786, 0.725, 0.746, 0.679, 0.608,
      0.655, 0.616, 0.606, 0.602, 0.626, 0.651, 0.724, 0.649, 0.649, 0.694, 0.644, 0.624, 0.661,
      0.612, 0.558, 0.533, 0.495, 0.500, 0.423, 0.395, 0.375, 0.372, 0.391, 0.396, 0.405, 0.428,
      0.429, 0.523, 0.562, 0.607, 0.653, 0.672, 0.708, 0.633, 0.668, 0.645, 0.632, 0.591, 0.559,
      0.597, 0.625, 0.739, 0.710, 0.729, 0.720, 0.636, 0.581, 0.428, 0.292, 0.162, 0.098, 0.054};
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    using std::exp;
    for (std::size_t i = 0; i < 65; ++i) {
      const double t = static_cast<double>(i) / 10.0;
      T model = x[0] * exp(-t * x[4]);
      for (std::size_t k = 1; k <= 3; ++k) {
        const T d = t - x[k + 7];
        model += x[k] * exp(-d * d * x[k + 4]);
      }
      r[i] = kY[i] - model;
    }
  }
  void jacobian(const Vector& x, Matrix& j) const {
    j.setZero(65, 11);
    for (Index i = 0; i < 65; ++i) {
      const double t = static_cast<double>(i) / 10.0, e = std::exp(-t * x[4]);
      j(i, 0) = -e;
      j(i, 4) = t * x[0] * e;
      for (Index k = 1; k <= 3; ++k) {
        const double a = x[k], b = x[k + 4], d = t - x[k + 7], g = std::exp(-d * d * b);
        j(i, k) = -g;
        j(i, k + 4) = a * d * d * g;
        j(i, k + 7) = -2.0 * a * b * d * g;
      }
    }
  }
  void curvature(const Vector& x, const Vector& r, Matrix& s) const {
    s.setZero(11, 11);
    for (Index i = 0; i < 65; ++i) {
      const double t = static_cast<double>(i) / 10.0, e = std::exp(-t * x[4]), ri = r[i];
      s(0, 4) += ri * t * e;           // −∂²(x₁e^(−tx₅))/∂x₁∂x₅
      s(4, 4) -= ri * t * t * x[0] * e;
      for (Index k = 1; k <= 3; ++k) {
        const double a = x[k], b = x[k + 4], d = t - x[k + 7], g = std::exp(-d * d * b);
        const Index ia = k, ib = k + 4, ic = k + 7;
        s(ia, ib) -= ri * (-d * d * g);
        s(ia, ic) -= ri * 2.0 * b * d * g;
        s(ib, ib) -= ri * a * d * d * d * d * g;
        s(ib, ic) -= ri * (2.0 * a * d * g - 2.0 * a * b * d * d * d * g);
        s(ic, ic) -= ri * 2.0 * a * b * g * (2.0 * b * d * d - 1.0);
      }
    }
    s = s.selfadjointView<Eigen::Upper>();
  }
  std::vector<KnownMinimum> minima() const {
    return {{vector_of({1.3099771546273005, 0.4315537946029889, 0.633661698960724,
                        0.5994305347859163, 0.7541832263280113, 0.9042885798596336,
                        1.3658118352370285, 4.8236988172271555, 2.3986848661317546,
                        4.568874597667672, 5.6753414705806415}),
             0.040137736293547735, true}};
  }
  std::vector<Vector> standard_starts() const {
    return {vector_of({1.3, 0.65, 0.65, 0.7, 0.6, 3.0, 5.0, 7.0, 2.0, 4.5, 5.5})};
  }
  Box domain() const {
    return {vector_of({1.0, 0.3, 0.3, 0.3, 0.3, 0.5, 1.0, 4.0, 1.5, 4.0, 5.0}),
            vector_of({1.6, 0.9, 0.9, 0.9, 1.0, 4.0, 6.0, 8.0, 2.5, 5.0, 6.0})};
  }
};

// MGH 20, 2 ≤ n ≤ 31: for tᵢ = i/29 (i = 1 … 29), cⱼ = tᵢ^(j−1), dⱼ = (j − 1)tᵢ^(j−2),
//   rᵢ = dᵀx − (cᵀx)² − 1,   ∇rᵢ = d − 2(cᵀx)c,   ∇²rᵢ = −2ccᵀ;
//   r₃₀ = x₁,   r₃₁ = x₂ − x₁² − 1.
struct Watson {
  using Params = DimensionParams<6, 2, 31>;
  explicit Watson(const Params& params) : n_(params.dim) { validate_fields(params); }
  Index dim() const { return n_; }
  Index num_residuals() const { return 31; }
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    for (Index i = 1; i <= 29; ++i) {
      const double t = static_cast<double>(i) / 29.0;
      T linear = T(0.0), sum = T(0.0);
      double power = 1.0;  // t^(j−1)
      for (Index j = 0; j < n_; ++j) {
        if (j > 0) linear += static_cast<double>(j) * x[j] * (power / t);
        sum += x[j] * power;
        power *= t;
      }
      r[i - 1] = linear - sum * sum - 1.0;
    }
    r[29] = x[0];
    r[30] = x[1] - x[0] * x[0] - 1.0;
  }
  // Rows cᵀ and dᵀ for residual i.
  void powers(Index i, Vector& c, Vector& d) const {
    const double t = static_cast<double>(i) / 29.0;
    c.resize(n_);
    d.resize(n_);
    double power = 1.0;
    for (Index j = 0; j < n_; ++j) {
      c[j] = power;
      d[j] = j == 0 ? 0.0 : static_cast<double>(j) * power / t;
      power *= t;
    }
  }
  void jacobian(const Vector& x, Matrix& j) const {
    j.setZero(31, n_);
    Vector c, d;
    for (Index i = 1; i <= 29; ++i) {
      powers(i, c, d);
      j.row(i - 1) = (d - 2.0 * c.dot(x) * c).transpose();
    }
    j(29, 0) = 1.0;
    j(30, 0) = -2.0 * x[0];
    j(30, 1) = 1.0;
  }
  void curvature(const Vector&, const Vector& r, Matrix& s) const {
    s.setZero(n_, n_);
    Vector c, d;
    for (Index i = 1; i <= 29; ++i) {
      powers(i, c, d);
      s.noalias() -= 2.0 * r[i - 1] * c * c.transpose();
    }
    s(0, 0) -= 2.0 * r[30];
  }
  std::vector<KnownMinimum> minima() const;
  std::vector<Vector> standard_starts() const { return {Vector::Zero(n_)}; }
  Box domain() const { return cube(n_, -2.0, 2.0); }

 private:
  Index n_;
};

std::vector<KnownMinimum> Watson::minima() const {
  switch (n_) {
    case 6:
      return {{vector_of({-0.015725086401458456, 1.0124348693691099, -0.2329916259567377,
                          1.2604300877996084, -1.5137289227222797, 0.9929964324311346}),
               0.0022876700535524363, true}};
    case 9:
      return {{vector_of({-1.5307036521394342e-05, 0.9997897039319483, 0.014763963693556958,
                          0.14634232829936222, 1.0008211030047092, -2.617731140519015,
                          4.104403164478857, -3.1436122785564424, 1.0526264080101668}),
               1.39976013809902e-06, true}};
    case 12:
      return {{vector_of({-6.638060464520687e-09, 1.000001644117862, -0.0005639322103423058,
                          0.34782054050404243, -0.15673150409616513, 1.0528151772071777,
                          -3.2472711534596677, 7.288434897938061, -10.271848241321724,
                          9.074113647075317, -4.541375466692512, 1.0120118885528104}),
               4.722381105891757e-10, true}};
    default:
      return {};
  }
}

}  // namespace

std::vector<ObjectiveEntry> mgh_data_fitting_entries() {
  std::vector<ObjectiveEntry> entries;
  entries.push_back(least_squares_entry<JennrichSampson>({
      .name = "jennrich_sampson", .family = "MGH",
      .summary = "Jennrich–Sampson (MGH 6): ten exponential residuals",
      .formula = R"(f = Σ_{i=1}^{10} (2 + 2i − e^(i x₁) − e^(i x₂))²
minimum f = 124.362 at x₁ = x₂ = 0.257825; standard start (0.3, 0.4))",
      .source = "R. I. Jennrich & P. F. Sampson (1968); Moré, Garbow & Hillstrom (1981), problem 6",
  }));
  entries.push_back(least_squares_entry<Bard>({
      .name = "bard", .family = "MGH",
      .summary = "Bard (MGH 8): a rational model fitted to 15 points",
      .formula = R"(f = Σ_{i=1}^{15} (yᵢ − x₁ − uᵢ/(vᵢx₂ + wᵢx₃))²,  uᵢ = i, vᵢ = 16 − i, wᵢ = min(uᵢ, vᵢ)
minimum f = 8.21487e−3; f → 17.4286 as x₂, x₃ → −∞; standard start (1, 1, 1))",
      .source = "Y. Bard (1970); Moré, Garbow & Hillstrom (1981), problem 8",
  }));
  entries.push_back(least_squares_entry<Gaussian>({
      .name = "gaussian", .family = "MGH",
      .summary = "Gaussian (MGH 9): a Gaussian bump fitted to 15 points",
      .formula = R"(f = Σ_{i=1}^{15} (x₁ exp(−x₂(tᵢ − x₃)²/2) − yᵢ)²,  tᵢ = (8 − i)/2
minimum f = 1.12793e−8; standard start (0.4, 1, 0))",
      .source = "Moré, Garbow & Hillstrom (1981), problem 9",
  }));
  entries.push_back(least_squares_entry<Meyer>({
      .name = "meyer", .family = "MGH",
      .summary = "Meyer (MGH 10): a thermistor model, residuals of size 10⁴, extremely ill-conditioned",
      .formula = R"(f = Σ_{i=1}^{16} (x₁ exp(x₂/(tᵢ + x₃)) − yᵢ)²,  tᵢ = 45 + 5i
minimum f = 87.9458; standard start (0.02, 4000, 250))",
      .source = "R. R. Meyer (1970); Moré, Garbow & Hillstrom (1981), problem 10",
  }));
  entries.push_back(least_squares_entry<Gulf>({
      .name = "gulf", .family = "MGH",
      .summary = "Gulf research and development (MGH 11)",
      .formula = R"(f = Σ_{i=1}^{m} (exp(−|yᵢ − x₂|^x₃/x₁) − tᵢ)²,  tᵢ = i/100,
yᵢ = 25 + (−50 ln tᵢ)^(2/3),  3 <= m <= 100
minimum f(50, 25, 1.5) = 0; standard start (5, 2.5, 0.15))",
      .source = "R. A. Cox (1969); Moré, Garbow & Hillstrom (1981), problem 11 (yᵢ − x₂, the "
                "paper's misprint corrected)",
      .check_params = {{{"m", std::int64_t{10}}}},
  }));
  entries.push_back(least_squares_entry<Box3d>({
      .name = "box_3d", .family = "MGH",
      .summary = "Box three-dimensional (MGH 12): a line of minima and two isolated ones",
      .formula = R"(f = Σ_{i=1}^{m} (e^(−tᵢx₁) − e^(−tᵢx₂) − x₃(e^(−tᵢ) − e^(−10tᵢ)))²,  tᵢ = 0.1i
minima f = 0 at (1, 10, 1), (10, 1, −1) and on x₁ = x₂, x₃ = 0
standard start (0, 10, 20))",
      .source = "M. J. Box (1966); Moré, Garbow & Hillstrom (1981), problem 12",
      .check_params = {{{"m", std::int64_t{3}}}},
  }));
  entries.push_back(least_squares_entry<KowalikOsborne>({
      .name = "kowalik_osborne", .family = "MGH",
      .summary = "Kowalik–Osborne (MGH 15): a rational enzyme-kinetics model",
      .formula = R"(f = Σ_{i=1}^{11} (yᵢ − x₁(uᵢ² + uᵢx₂)/(uᵢ² + uᵢx₃ + x₄))²
minimum f = 3.07505e−4; f → 1.02734e−3 at infinity; standard start (0.25, 0.39, 0.415, 0.39))",
      .source = "J. Kowalik & M. R. Osborne (1968); Moré, Garbow & Hillstrom (1981), problem 15",
  }));
  entries.push_back(least_squares_entry<BrownDennis>({
      .name = "brown_dennis", .family = "MGH",
      .summary = "Brown–Dennis (MGH 16): residuals that are themselves sums of squares",
      .formula = R"(f = Σ_{i=1}^{m} [(x₁ + tᵢx₂ − e^tᵢ)² + (x₃ + x₄ sin tᵢ − cos tᵢ)²]²,  tᵢ = i/5
minimum f = 85822.2 (m = 20); standard start (25, 5, −5, −1))",
      .source = "K. M. Brown & J. E. Dennis (1971); Moré, Garbow & Hillstrom (1981), problem 16",
      .check_params = {{{"m", std::int64_t{4}}}},
  }));
  entries.push_back(least_squares_entry<Osborne1>({
      .name = "osborne1", .family = "MGH",
      .summary = "Osborne 1 (MGH 17): two exponentials fitted to 33 points",
      .formula = R"(f = Σ_{i=1}^{33} (yᵢ − x₁ − x₂e^(−tᵢx₄) − x₃e^(−tᵢx₅))²,  tᵢ = 10(i − 1)
minimum f = 5.46489e−5; standard start (0.5, 1.5, −1, 0.01, 0.02))",
      .source = "M. R. Osborne (1972); Moré, Garbow & Hillstrom (1981), problem 17",
  }));
  entries.push_back(least_squares_entry<BiggsExp6>({
      .name = "biggs_exp6", .family = "MGH",
      .summary = "Biggs EXP6 (MGH 18): three exponentials, a zero-residual fit",
      .formula = R"(f = Σ_{i=1}^{m} (x₃e^(−tᵢx₁) − x₄e^(−tᵢx₂) + x₆e^(−tᵢx₅) − yᵢ)²,  tᵢ = 0.1i,
yᵢ = e^(−tᵢ) − 5e^(−10tᵢ) + 3e^(−4tᵢ)
minimum f(1, 10, 1, 5, 4, 3) = 0 (MGH also report f = 5.65565e−3, m = 13)
standard start (1, 2, 1, 1, 1, 1))",
      .source = "M. C. Biggs (1971); Moré, Garbow & Hillstrom (1981), problem 18",
      .check_params = {{{"m", std::int64_t{6}}}},
  }));
  entries.push_back(least_squares_entry<Osborne2>({
      .name = "osborne2", .family = "MGH",
      .summary = "Osborne 2 (MGH 19): an exponential and three Gaussians fitted to 65 points",
      .formula = R"(f = Σ_{i=1}^{65} (yᵢ − x₁e^(−tᵢx₅) − Σ_{k=2}^{4} xₖ e^(−(tᵢ − xₖ₊₇)²xₖ₊₄))²,  tᵢ = (i − 1)/10
minimum f = 4.01377e−2; standard start (1.3, 0.65, 0.65, 0.7, 0.6, 3, 5, 7, 2, 4.5, 5.5))",
      .source = "M. R. Osborne (1972); Moré, Garbow & Hillstrom (1981), problem 19",
  }));
  entries.push_back(least_squares_entry<Watson>({
      .name = "watson", .family = "MGH",
      .summary = "Watson (MGH 20): a polynomial fit, 2 <= n <= 31, increasingly ill-conditioned",
      .formula = R"(f = Σ_{i=1}^{29} (Σ_{j=2}^{n} (j − 1)xⱼtᵢ^(j−2) − (Σ_{j=1}^{n} xⱼtᵢ^(j−1))² − 1)²
    + x₁² + (x₂ − x₁² − 1)²,  tᵢ = i/29
minimum f = 2.28767e−3 (n = 6), 1.39976e−6 (n = 9), 4.72238e−10 (n = 12)
standard start 0)",
      .source = "G. A. Watson (1979, private communication to MGH); Moré, Garbow & Hillstrom "
                "(1981), problem 20",
      .check_params = {{{"dim", std::int64_t{2}}}, {{"dim", std::int64_t{9}}}, {{"dim", std::int64_t{12}}}},
  }));
  return entries;
}

}  // namespace descent
