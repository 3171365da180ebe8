// Beale's function (Beale 1958; Moré, Garbow & Hillstrom 1981, problem 5):
//   f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²
// Global minimum f(3, 0.5) = 0. The lecture starts from (2, −2) and (−3, 3); the standard
// start of Moré et al. is (1, 1).
#pragma once

#include <span>

#include "descent/core/objective.hpp"
#include "descent/objectives/objective_entry.hpp"

namespace descent {

class Beale final : public Objective {
 public:
  using Params = NoParams;
  explicit Beale(const Params& = {}) {}

  template <class T>
  T evaluate(std::span<const T> p) const {
    const T& x = p[0];
    const T& y = p[1];
    const T t1 = 1.5 - x + x * y;
    const T t2 = 2.25 - x + x * y * y;
    const T t3 = 2.625 - x + x * y * y * y;
    return t1 * t1 + t2 * t2 + t3 * t3;
  }

  Index dim() const override { return 2; }
  double value(const Vector& x) const override;
  void gradient(const Vector& x, Vector& g) const override;
  void hessian(const Vector& x, Matrix& h) const override;
  std::vector<KnownMinimum> minima() const override;
  std::vector<Vector> standard_starts() const override;
};

ObjectiveEntry beale_entry();

}  // namespace descent
