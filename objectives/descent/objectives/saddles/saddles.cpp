#include "descent/objectives/saddles/saddles.hpp"

namespace descent {

double Saddle::value(const Vector& x) const { return x[0] * x[0] - x[1] * x[1]; }

void Saddle::gradient(const Vector& x, Vector& g) const { g = Vector{{2.0 * x[0], -2.0 * x[1]}}; }

void Saddle::hessian(const Vector&, Matrix& h) const { h = Matrix{{2.0, 0.0}, {0.0, -2.0}}; }

std::vector<Vector> Saddle::standard_starts() const {
  return {Vector{{1.0, 0.0}}, Vector{{1.0, 1e-3}}};
}

double MonkeySaddle::value(const Vector& x) const {
  return x[0] * x[0] * x[0] - 3.0 * x[0] * x[1] * x[1];
}

// ∇f = (3x² − 3y², −6xy),  ∇²f = [[6x, −6y], [−6y, −6x]]
void MonkeySaddle::gradient(const Vector& x, Vector& g) const {
  g = Vector{{3.0 * (x[0] * x[0] - x[1] * x[1]), -6.0 * x[0] * x[1]}};
}

void MonkeySaddle::hessian(const Vector& x, Matrix& h) const {
  h = Matrix{{6.0 * x[0], -6.0 * x[1]}, {-6.0 * x[1], -6.0 * x[0]}};
}

std::vector<Vector> MonkeySaddle::standard_starts() const {
  return {Vector{{1.0, 0.0}}, Vector{{1.0, 0.1}}};
}

double DoubleWell::value(const Vector& x) const {
  return evaluate<double>(std::span<const double>(x.data(), 2));
}

// ∇f = (4x(x² − 1), 2y),  ∇²f = diag(12x² − 4, 2)
void DoubleWell::gradient(const Vector& x, Vector& g) const {
  g = Vector{{4.0 * x[0] * (x[0] * x[0] - 1.0), 2.0 * x[1]}};
}

void DoubleWell::hessian(const Vector& x, Matrix& h) const {
  h = Matrix{{12.0 * x[0] * x[0] - 4.0, 0.0}, {0.0, 2.0}};
}

std::vector<KnownMinimum> DoubleWell::minima() const {
  return {{Vector{{-1.0, 0.0}}, 0.0, true}, {Vector{{1.0, 0.0}}, 0.0, true}};
}

std::vector<Vector> DoubleWell::standard_starts() const {
  return {Vector{{0.0, 1.0}}, Vector{{1e-3, 1.0}}};
}

void add_saddle_objectives(std::vector<ObjectiveEntry>& entries) {
  entries.push_back(objective_entry<Saddle>({
      .name = "saddle",
      .family = "saddles",
      .summary = "x² − y²: the plain saddle, unbounded below",
      .formula = "f(x, y) = x² − y²,  ∇f = (2x, −2y),  ∇²f = diag(2, −2)\n"
                 "saddle point (0, 0); no minimum; starts (1, 0) on the stable manifold,\n"
                 "(1, 10⁻³) just off it",
      .source = "Nocedal & Wright, Numerical Optimization (2006), §2.1; Dauphin et al. (2014)",
  }));
  entries.push_back(objective_entry<MonkeySaddle>({
      .name = "monkey_saddle",
      .family = "saddles",
      .summary = "x³ − 3xy²: a degenerate saddle with zero Hessian and three valleys",
      .formula = "f(x, y) = x³ − 3xy²,  ∇f = (3x² − 3y², −6xy),  ∇²f = [[6x, −6y], [−6y, −6x]]\n"
                 "degenerate saddle (0, 0) with ∇²f = 0; no minimum; starts (1, 0), (1, 0.1)",
      .source = "a classical degenerate critical point (e.g. do Carmo, Differential Geometry of "
                "Curves and Surfaces, §3.3)",
  }));
  entries.push_back(objective_entry<DoubleWell>({
      .name = "double_well",
      .family = "saddles",
      .summary = "(x² − 1)² + y²: two minima joined through a saddle",
      .formula = "f(x, y) = (x² − 1)² + y²,  ∇f = (4x(x² − 1), 2y),  ∇²f = diag(12x² − 4, 2)\n"
                 "minima f(±1, 0) = 0; saddle (0, 0) with f = 1, ∇²f = diag(−4, 2)\n"
                 "starts (0, 1) on the saddle's stable manifold, (10⁻³, 1) just off it",
      .source = "the quartic double-well potential; Nocedal & Wright (2006), §4 (negative "
                "curvature)",
  }));
}

}  // namespace descent
