// Non-convex two-dimensional test functions built around a saddle point, for the
// regularized-Newton and saddle-escape studies:
//   saddle         f = x² − y²          stationary (0, 0): Hessian diag(2, −2); unbounded below
//   monkey_saddle  f = x³ − 3xy²        stationary (0, 0): Hessian 0 (degenerate, three
//                                        descending valleys); unbounded below
//   double_well    f = (x² − 1)² + y²   minima (±1, 0), f = 0; saddle (0, 0), f = 1, Hessian
//                                        diag(−4, 2)
// Each has a start on the saddle's stable manifold (plain gradient descent converges to the
// saddle) and one just off it (a method must escape along negative curvature).
#pragma once

#include <span>

#include "descent/core/objective.hpp"
#include "descent/objectives/objective_entry.hpp"

namespace descent {

class Saddle final : public Objective {
 public:
  using Params = NoParams;
  explicit Saddle(const Params& = {}) {}

  template <class T>
  T evaluate(std::span<const T> p) const {
    return p[0] * p[0] - p[1] * p[1];
  }

  Index dim() const override { return 2; }
  double value(const Vector& x) const override;
  void gradient(const Vector& x, Vector& g) const override;
  void hessian(const Vector& x, Matrix& h) const override;
  std::vector<Vector> standard_starts() const override;
};

class MonkeySaddle final : public Objective {
 public:
  using Params = NoParams;
  explicit MonkeySaddle(const Params& = {}) {}

  template <class T>
  T evaluate(std::span<const T> p) const {
    return p[0] * p[0] * p[0] - 3.0 * p[0] * p[1] * p[1];
  }

  Index dim() const override { return 2; }
  double value(const Vector& x) const override;
  void gradient(const Vector& x, Vector& g) const override;
  void hessian(const Vector& x, Matrix& h) const override;
  std::vector<Vector> standard_starts() const override;
};

class DoubleWell final : public Objective {
 public:
  using Params = NoParams;
  explicit DoubleWell(const Params& = {}) {}

  template <class T>
  T evaluate(std::span<const T> p) const {
    const T well = p[0] * p[0] - 1.0;
    return well * well + p[1] * p[1];
  }

  Index dim() const override { return 2; }
  double value(const Vector& x) const override;
  void gradient(const Vector& x, Vector& g) const override;
  void hessian(const Vector& x, Matrix& h) const override;
  std::vector<KnownMinimum> minima() const override;
  std::vector<Vector> standard_starts() const override;
};

void add_saddle_objectives(std::vector<ObjectiveEntry>& entries);

}  // namespace descent
