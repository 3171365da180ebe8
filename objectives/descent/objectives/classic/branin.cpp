#include "descent/objectives/classic/branin.hpp"

#include <cmath>

namespace descent {

double Branin::value(const Vector& x) const {
  return evaluate<double>(std::span<const double>(x.data(), 2));
}

void Branin::gradient(const Vector& p, Vector& g) const {
  const double x = p[0];
  const double u = p[1] - kB * x * x + kC * x - kR, du = kC - 2.0 * kB * x;
  g.resize(2);
  g[0] = 2.0 * kA * u * du - kS * (1.0 - kT) * std::sin(x);
  g[1] = 2.0 * kA * u;
}

void Branin::hessian(const Vector& p, Matrix& h) const {
  const double x = p[0];
  const double u = p[1] - kB * x * x + kC * x - kR, du = kC - 2.0 * kB * x;
  h.resize(2, 2);
  h(0, 0) = 2.0 * kA * du * du - 4.0 * kA * kB * u - kS * (1.0 - kT) * std::cos(x);
  h(0, 1) = h(1, 0) = 2.0 * kA * du;
  h(1, 1) = 2.0 * kA;
}

// At x = kπ (k odd) the valley floor u = 0 gives y = bx² − cx + r.
std::vector<KnownMinimum> Branin::minima() const {
  std::vector<KnownMinimum> result;
  for (double k : {-1.0, 1.0, 3.0}) {
    const double x = k * std::numbers::pi;
    result.push_back({Vector{{x, kB * x * x - kC * x + kR}}, kS * kT, true});
  }
  return result;
}

std::vector<Vector> Branin::standard_starts() const { return {Vector{{2.5, 14.0}}}; }

Box Branin::domain() const { return {Vector{{-5.0, 0.0}}, Vector{{10.0, 15.0}}}; }

ObjectiveEntry branin_entry() {
  return objective_entry<Branin>({
      .name = "branin",
      .family = "classic 2-D",
      .summary = "Branin's function: three global minima in a curved valley",
      .formula = "f(x, y) = a(y − bx² + cx − r)² + s(1 − t) cos x + s\n"
                 "a = 1, b = 5.1/(4π²), c = 5/π, r = 6, s = 10, t = 1/(8π)\n"
                 "global minima f = 5/(4π) ≈ 0.397887 at (−π, 12.275), (π, 2.275), (3π, 2.475)\n"
                 "start (2.5, 14); domain [−5, 10] × [0, 15]",
      .source = "F. H. Branin (1972); L. C. W. Dixon & G. P. Szegő, Towards Global Optimisation 2 "
                "(1978)",
  });
}

}  // namespace descent
