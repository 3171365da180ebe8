// Formulas, standard starts and reference values from J. J. Moré, B. S. Garbow and
// K. E. Hillstrom, Testing unconstrained optimization software, ACM TOMS 7 (1981) 17–41.
// Minimisers without a closed form are roots of ∇f computed to 40 digits with mpmath and
// rounded to double.
#include "descent/objectives/mgh/mgh_systems.hpp"

#include <cmath>
#include <numbers>

#include "descent/objectives/mgh/least_squares.hpp"

namespace descent {

namespace {

// MGH 2: r₁ = −13 + x₁ + ((5 − x₂)x₂ − 2)x₂,  r₂ = −29 + x₁ + ((x₂ + 1)x₂ − 14)x₂.
struct FreudensteinRoth : FixedResiduals<2, 2> {
  using FixedResiduals::FixedResiduals;
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    r[0] = -13.0 + x[0] + ((5.0 - x[1]) * x[1] - 2.0) * x[1];
    r[1] = -29.0 + x[0] + ((x[1] + 1.0) * x[1] - 14.0) * x[1];
  }
  void jacobian(const Vector& x, Matrix& j) const {
    const double y = x[1];
    j = Matrix{{1.0, 10.0 * y - 3.0 * y * y - 2.0}, {1.0, 3.0 * y * y + 2.0 * y - 14.0}};
  }
  void curvature(const Vector& x, const Vector& r, Matrix& s) const {
    s.setZero(2, 2);
    s(1, 1) = r[0] * (10.0 - 6.0 * x[1]) + r[1] * (6.0 * x[1] + 2.0);
  }
  std::vector<KnownMinimum> minima() const {
    return {{Vector{{5.0, 4.0}}, 0.0, true},
            {Vector{{11.412778986902094, -0.8968052532744765}}, 48.98425367924002, false}};
  }
  std::vector<Vector> standard_starts() const { return {Vector{{0.5, -2.0}}}; }
  Box domain() const { return {Vector{{-5.0, -3.0}}, Vector{{15.0, 6.0}}}; }
};

// MGH 3: r₁ = 10⁴x₁x₂ − 1,  r₂ = e^(−x₁) + e^(−x₂) − 1.0001.
struct PowellBadlyScaled : FixedResiduals<2, 2> {
  using FixedResiduals::FixedResiduals;
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    using std::exp;
    r[0] = 1e4 * x[0] * x[1] - 1.0;
    r[1] = exp(-x[0]) + exp(-x[1]) - 1.0001;
  }
  void jacobian(const Vector& x, Matrix& j) const {
    j = Matrix{{1e4 * x[1], 1e4 * x[0]}, {-std::exp(-x[0]), -std::exp(-x[1])}};
  }
  void curvature(const Vector& x, const Vector& r, Matrix& s) const {
    s = Matrix{{r[1] * std::exp(-x[0]), 1e4 * r[0]}, {1e4 * r[0], r[1] * std::exp(-x[1])}};
  }
  std::vector<KnownMinimum> minima() const {
    return {{Vector{{1.0981593296998175e-05, 9.106146739866524}}, 0.0, true}};
  }
  std::vector<Vector> standard_starts() const { return {Vector{{0.0, 1.0}}}; }
  Box domain() const { return {Vector{{-1.0, -1.0}}, Vector{{1.0, 10.0}}}; }
};

// MGH 4: r = (x₁ − 10⁶, x₂ − 2·10⁻⁶, x₁x₂ − 2).
struct BrownBadlyScaled : FixedResiduals<2, 3> {
  using FixedResiduals::FixedResiduals;
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    r[0] = x[0] - 1e6;
    r[1] = x[1] - 2e-6;
    r[2] = x[0] * x[1] - 2.0;
  }
  void jacobian(const Vector& x, Matrix& j) const {
    j = Matrix{{1.0, 0.0}, {0.0, 1.0}, {x[1], x[0]}};
  }
  void curvature(const Vector&, const Vector& r, Matrix& s) const {
    s = Matrix{{0.0, r[2]}, {r[2], 0.0}};
  }
  std::vector<KnownMinimum> minima() const { return {{Vector{{1e6, 2e-6}}, 0.0, true}}; }
  std::vector<Vector> standard_starts() const { return {Vector{{1.0, 1.0}}}; }
  Box domain() const { return {Vector{{-2.0, -2.0}}, Vector{{2e6, 2.0}}}; }
};

// MGH 7: r = (10(x₃ − 10θ), 10(ρ − 1), x₃), ρ = √(x₁² + x₂²),
// θ = atan(x₂/x₁)/(2π) (+ ½ when x₁ < 0). With ρ² = x₁² + x₂²:
//   ∇θ = (−x₂, x₁)/(2πρ²),  ∇²θ = [[2x₁x₂, x₂² − x₁²], [x₂² − x₁², −2x₁x₂]]/(2πρ⁴)
//   ∇ρ = (x₁, x₂)/ρ,        ∇²ρ = [[x₂², −x₁x₂], [−x₁x₂, x₁²]]/ρ³
struct HelicalValley : FixedResiduals<3, 3> {
  using FixedResiduals::FixedResiduals;
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    using std::atan;
    using std::sqrt;
    T theta = atan(x[1] / x[0]) / (2.0 * std::numbers::pi);
    if (x[0] < 0.0) theta += 0.5;
    r[0] = 10.0 * (x[2] - 10.0 * theta);
    r[1] = 10.0 * (sqrt(x[0] * x[0] + x[1] * x[1]) - 1.0);
    r[2] = x[2];
  }
  void jacobian(const Vector& x, Matrix& j) const {
    const double rho2 = x[0] * x[0] + x[1] * x[1], rho = std::sqrt(rho2);
    const double c = 1.0 / (2.0 * std::numbers::pi * rho2);
    j = Matrix{{100.0 * x[1] * c, -100.0 * x[0] * c, 10.0},
               {10.0 * x[0] / rho, 10.0 * x[1] / rho, 0.0},
               {0.0, 0.0, 1.0}};
  }
  void curvature(const Vector& x, const Vector& r, Matrix& s) const {
    const double a = x[0], b = x[1];
    const double rho2 = a * a + b * b, rho = std::sqrt(rho2);
    const double t = 1.0 / (2.0 * std::numbers::pi * rho2 * rho2);
    const double p = 1.0 / (rho2 * rho);
    s.setZero(3, 3);
    // r₁ = 10x₃ − 100θ: ∇²r₁ = −100∇²θ;  r₂ = 10ρ − 10: ∇²r₂ = 10∇²ρ.
    s(0, 0) = -100.0 * r[0] * t * 2.0 * a * b + 10.0 * r[1] * p * b * b;
    s(0, 1) = s(1, 0) = -100.0 * r[0] * t * (b * b - a * a) - 10.0 * r[1] * p * a * b;
    s(1, 1) = 100.0 * r[0] * t * 2.0 * a * b + 10.0 * r[1] * p * a * a;
  }
  std::vector<KnownMinimum> minima() const { return {{Vector{{1.0, 0.0, 0.0}}, 0.0, true}}; }
  std::vector<Vector> standard_starts() const { return {Vector{{-1.0, 0.0, 0.0}}}; }
  Box domain() const { return cube(3, -2.0, 2.0); }
};

// MGH 14: r = (10(x₂ − x₁²), 1 − x₁, √90(x₄ − x₃²), 1 − x₃, √10(x₂ + x₄ − 2), (x₂ − x₄)/√10),
// so f = 100(x₂ − x₁²)² + (1 − x₁)² + 90(x₄ − x₃²)² + (1 − x₃)²
//        + 10.1((x₂ − 1)² + (x₄ − 1)²) + 19.8(x₂ − 1)(x₄ − 1).
struct Wood : FixedResiduals<4, 6> {
  using FixedResiduals::FixedResiduals;
  template <class T>
  void residuals(std::span<const T> x, std::span<T> r) const {
    r[0] = 10.0 * (x[1] - x[0] * x[0]);
    r[1] = 1.0 - x[0];
    r[2] = std::sqrt(90.0) * (x[3] - x[2] * x[2]);
    r[3] = 1.0 - x[2];
    r[4] = std::sqrt(10.0) * (x[1] + x[3] - 2.0);
    r[5] = (x[1] - x[3]) / std::sqrt(10.0);
  }
  void jacobian(const Vector& x, Matrix& j) const {
    const double s90 = std::sqrt(90.0), s10 = std::sqrt(10.0);
    j = Matrix{{-20.0 * x[0], 10.0, 0.0, 0.0},
               {-1.0, 0.0, 0.0, 0.0},
               {0.0, 0.0, -2.0 * s90 * x[2], s90},
               {0.0, 0.0, -1.0, 0.0},
               {0.0, s10, 0.0, s10},
               {0.0, 1.0 / s10, 0.0, -1.0 / s10}};
  }
  void curvature(const Vector&, const Vector& r, Matrix& s) const {
    s.setZero(4, 4);
    s(0, 0) = -20.0 * r[0];
    s(2, 2) = -2.0 * std::sqrt(90.0) * r[2];
  }
  std::vector<KnownMinimum> minima() const { return {{Vector::Ones(4), 0.0, true}}; }
  std::vector<Vector> standard_starts() const { return {Vector{{-3.0, -1.0, -3.0, -1.0}}}; }
  Box domain() const { return cube(4, -3.0, 3.0); }
};

}  // namespace

std::vector<ObjectiveEntry> mgh_system_entries() {
  std::vector<ObjectiveEntry> entries;
  entries.push_back(least_squares_entry<FreudensteinRoth>({
      .name = "freudenstein_roth", .family = "classic 2-D",
      .summary = "Freudenstein–Roth (MGH 2): a global minimum and a deep local one",
      .formula = R"(f = (−13 + x₁ + ((5 − x₂)x₂ − 2)x₂)² + (−29 + x₁ + ((x₂ + 1)x₂ − 14)x₂)²
global minimum f(5, 4) = 0; local minimum f(11.4128, −0.896805) = 48.9842
standard start (0.5, −2))",
      .source = "F. Freudenstein & B. Roth (1963); Moré, Garbow & Hillstrom (1981), problem 2",
  }));
  entries.push_back(least_squares_entry<PowellBadlyScaled>({
      .name = "powell_badly_scaled", .family = "classic 2-D",
      .summary = "Powell badly scaled (MGH 3): a minimiser with coordinates 10⁻⁵ and 9",
      .formula = R"(f = (10⁴x₁x₂ − 1)² + (e^(−x₁) + e^(−x₂) − 1.0001)²
minimum f(1.098159e−5, 9.106147) = 0; standard start (0, 1))",
      .source = "M. J. D. Powell (1970); Moré, Garbow & Hillstrom (1981), problem 3",
  }));
  entries.push_back(least_squares_entry<BrownBadlyScaled>({
      .name = "brown_badly_scaled", .family = "classic 2-D",
      .summary = "Brown badly scaled (MGH 4): a minimiser with coordinates 10⁶ and 2·10⁻⁶",
      .formula = R"(f = (x₁ − 10⁶)² + (x₂ − 2·10⁻⁶)² + (x₁x₂ − 2)²
minimum f(10⁶, 2·10⁻⁶) = 0; standard start (1, 1))",
      .source = "K. M. Brown (1969, unpublished); Moré, Garbow & Hillstrom (1981), problem 4",
  }));
  entries.push_back(least_squares_entry<HelicalValley>({
      .name = "helical_valley", .family = "n-D",
      .summary = "Helical valley (MGH 7, 3-D): a spiral valley around the x₃ axis",
      .formula = R"(f = 100(x₃ − 10θ)² + 100(√(x₁² + x₂²) − 1)² + x₃²
θ = atan(x₂/x₁)/(2π), + ½ when x₁ < 0 (discontinuous across x₁ = 0, x₂ ≠ 0)
minimum f(1, 0, 0) = 0; standard start (−1, 0, 0))",
      .source = "R. Fletcher & M. J. D. Powell (1963); Moré, Garbow & Hillstrom (1981), problem 7",
  }));
  entries.push_back(least_squares_entry<Wood>({
      .name = "wood", .family = "n-D",
      .summary = "Wood (MGH 14, 4-D): two coupled Rosenbrock valleys",
      .formula = R"(f = 100(x₂ − x₁²)² + (1 − x₁)² + 90(x₄ − x₃²)² + (1 − x₃)²
    + 10.1((x₂ − 1)² + (x₄ − 1)²) + 19.8(x₂ − 1)(x₄ − 1)
minimum f(1, 1, 1, 1) = 0; standard start (−3, −1, −3, −1))",
      .source = "A. R. Colville (1968); Moré, Garbow & Hillstrom (1981), problem 14",
  }));
  return entries;
}

}  // namespace descent
