// Branin's function (Branin 1972; Dixon & Szegő 1978), standard constants
// a = 1, b = 5.1/(4π²), c = 5/π, r = 6, s = 10, t = 1/(8π):
//   f(x, y) = a u² + s(1 − t) cos x + s,   u = y − bx² + cx − r
//   ∇f = (2au(c − 2bx) − s(1 − t) sin x, 2au)
//   ∇²f = [[2a(c − 2bx)² − 4abu − s(1 − t) cos x, 2a(c − 2bx)], [2a(c − 2bx), 2a]]
// Three global minima where u = 0 and cos x = −1: (−π, 12.275), (π, 2.275), (3π, 2.475),
// f = st = 5/(4π). Domain [−5, 10] × [0, 15].
#pragma once

#include <numbers>
#include <span>

#include "descent/core/objective.hpp"
#include "descent/objectives/objective_entry.hpp"

namespace descent {

class Branin final : public Objective {
 public:
  using Params = NoParams;
  explicit Branin(const Params& = {}) {}

  static constexpr double kA = 1.0;
  static constexpr double kB = 5.1 / (4.0 * std::numbers::pi * std::numbers::pi);
  static constexpr double kC = 5.0 / std::numbers::pi;
  static constexpr double kR = 6.0;
  static constexpr double kS = 10.0;
  static constexpr double kT = 1.0 / (8.0 * std::numbers::pi);

  template <class T>
  T evaluate(std::span<const T> p) const {
    using std::cos;
    const T u = p[1] - kB * p[0] * p[0] + kC * p[0] - kR;
    return kA * u * u + kS * (1.0 - kT) * cos(p[0]) + kS;
  }

  Index dim() const override { return 2; }
  double value(const Vector& x) const override;
  void gradient(const Vector& x, Vector& g) const override;
  void hessian(const Vector& x, Matrix& h) const override;
  std::vector<KnownMinimum> minima() const override;
  std::vector<Vector> standard_starts() const override;
  Box domain() const override;
};

ObjectiveEntry branin_entry();

}  // namespace descent
